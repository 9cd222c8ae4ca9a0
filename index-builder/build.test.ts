import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStore } from '../lib/search/article-store';
import { ARTICLES_FILE } from '../lib/search/layout';
import { loadEngine, readIndexFiles } from '../lib/search/load';
import { parseSearchParams } from '../lib/search/params';
import { BuildError, StrictBuildError, buildIndex } from './build';
import { SourceAliases } from './source-aliases';
import { formatSummary } from './summary';
import { snapshot } from './testing';

const root = mkdtempSync(path.join(os.tmpdir(), 'kavosh-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const txt = (code: string, title: string) =>
  [title, `کد خبر ${code}`, 'تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶', '', `تهران- ایرنا- ${title} امروز اعلام شد.`, '', 'منبع: ایرنا'].join('\n');
const rec = (id: string, title: string, extra: Record<string, unknown> = {}) => JSON.stringify({ id, title, body: `متن ${title}`, ...extra });

/** A small mixed archive: 4 files, 8 records, 2 rejects, id "20" twice. */
function writeArchive(dir: string): void {
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  writeFileSync(path.join(dir, '1.txt'), txt('10', 'افزایش قیمت نان'));
  writeFileSync(path.join(dir, 'a.jsonl'), [rec('20', 'بارش برف'), rec('21', 'سیل', { date: '2021-02-30' }), '{"title":'].join('\n') + '\n');
  writeFileSync(path.join(dir, 'b.csv'), 'id,عنوان,متن,تاریخ\n30,خبر ورزشی,متن ورزشی,۱۴۰۰/۰۸/۱۰\n31,خبر فرهنگی,متن فرهنگی,\n');
  writeFileSync(path.join(dir, 'sub', 'c.json.gz'), gzipSync(`[${rec('20', 'بارش برف سنگین')}, ${rec('40', 'زلزله')}]`));
}

const archive = path.join(root, 'archive');
beforeAll(() => writeArchive(archive));

describe('buildIndex: the report', () => {
  it('counts files, records, indexed, rejected and replaced, which add up', async () => {
    const s = await buildIndex({ inputs: [archive], out: path.join(root, 'counts') });
    expect([s.files, s.records, s.indexed, s.rejected, s.replaced.length]).toEqual([4, 8, 5, 2, 1]);
    expect(s.records).toBe(s.indexed + s.rejected + s.replaced.length);
  });

  it('lets the later file win for an id met twice, and lists the earlier record as replaced', async () => {
    const out = path.join(root, 'dup');
    const s = await buildIndex({ inputs: [archive], out });
    const engine = await loadEngine(out);
    expect(engine.article('20')?.title.map((s) => s.text).join('')).toBe('بارش برف سنگین');
    expect(s.replaced).toEqual([
      {
        file: path.join(archive, 'a.jsonl'),
        line: 1,
        id: '20',
        reason: `duplicate id "20": replaced by the later record at ${path.join(archive, 'sub', 'c.json.gz')}:1`,
        replacedBy: `${path.join(archive, 'sub', 'c.json.gz')}:1`,
      },
    ]);
  });

  it('lists every record not indexed in rejects.jsonl with file, line or record number and reason', async () => {
    const out = path.join(root, 'rejects');
    await buildIndex({ inputs: [archive], out });
    const lines = readFileSync(path.join(out, 'rejects.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { file: path.join(archive, 'a.jsonl'), line: 2, reason: '"date" "2021-02-30": 2021-02-30 is not a valid Gregorian date (February 2021 has 28 days)' },
      { file: path.join(archive, 'a.jsonl'), line: 3, reason: expect.stringMatching(/^invalid JSON: /) },
      expect.objectContaining({ file: path.join(archive, 'a.jsonl'), line: 1, id: '20' }),
    ]);
  });

  it('compares with the previous index: added, updated, removed, unchanged', async () => {
    const dir = path.join(root, 'diff-input');
    const out = path.join(root, 'diff-index');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.jsonl'), [rec('1', 'یک'), rec('2', 'دو'), rec('3', 'سه')].join('\n'));
    const first = await buildIndex({ inputs: [dir], out });
    expect(first.diff).toEqual({ added: 3, updated: 0, removed: 0, unchanged: 0 });
    expect(first.hadPrevious).toBe(false);
    writeFileSync(path.join(dir, 'a.jsonl'), [rec('1', 'یک'), rec('2', 'دو (اصلاح شده)'), rec('4', 'چهار')].join('\n'));
    const second = await buildIndex({ inputs: [dir], out });
    expect(second.diff).toEqual({ added: 1, updated: 1, removed: 1, unchanged: 1 });
    expect(second.hadPrevious).toBe(true);
  });

  it('prints the summary as one line', async () => {
    const out = path.join(root, 'summary');
    const s = await buildIndex({ inputs: [archive], out });
    expect(formatSummary({ ...s, ms: 1234 })).toBe(
      `index: 4 files, 8 records read; 5 indexed (5 added, 0 updated, 0 removed, 0 unchanged); 2 rejected; 1 duplicate id replaced; all analyzed (no previous index); 1.2 s → ${out} (listed in ${out}/rejects.jsonl)`,
    );
  });
});

describe('buildIndex: one outlet under several names is one source', () => {
  /** «خبرآنلاین» in a JSON Lines record, khabaronline.ir on the «منبع:» line of a plain-text article, and ISNA. */
  function outletArchive(name: string): string {
    const dir = path.join(root, name);
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'a.jsonl'),
      [rec('1', 'بارش برف', { source: 'خبرآنلاین' }), rec('2', 'بارش باران', { source: 'ایسنا' })].join('\n') + '\n',
    );
    writeFileSync(path.join(dir, '3.txt'), ['بارش تگرگ', 'کد خبر 3', '', 'بارش تگرگ در تهران.', '', 'منبع: khabaronline.ir'].join('\n'));
    return dir;
  }

  it('counts the articles of «خبرآنلاین» and khabaronline.ir as one source in the facets, and filters them as one', async () => {
    const out = path.join(root, 'outlet-index');
    await buildIndex({ inputs: [outletArchive('outlet')], out });
    const engine = await loadEngine(out);
    expect(engine.search(parseSearchParams({ q: 'بارش' })).facets.sources).toEqual([
      { value: 'خبرآنلاین', count: 2 },
      { value: 'ایسنا', count: 1 },
    ]);
    expect(engine.search(parseSearchParams({ q: 'بارش', source: 'خبرآنلاین' })).total).toBe(2);
    // A filter (or an old link) naming the outlet as the archive wrote it finds all of its articles.
    expect(engine.search(parseSearchParams({ q: 'بارش', source: 'khabaronline.ir' })).total).toBe(2);
    expect(engine.search(parseSearchParams({ q: 'بارش', source: 'ایسنا' })).total).toBe(1);
    expect(engine.article('3')?.source).toBe('خبرآنلاین');
  });

  it('answers the article with the name it was written with, only where it was renamed', async () => {
    const out = path.join(root, 'outlet-answer');
    await buildIndex({ inputs: [outletArchive('outlet-answer-input')], out });
    const engine = await loadEngine(out);
    expect(engine.article('3')).toMatchObject({ source: 'خبرآنلاین', sourceAsWritten: 'khabaronline.ir' });
    expect(engine.article('1')).not.toHaveProperty('sourceAsWritten');
  });

  it('keeps the name an article was written with beside the canonical one', async () => {
    const out = path.join(root, 'outlet-kept');
    await buildIndex({ inputs: [outletArchive('outlet-kept-input')], out });
    const { meta, blockOffsets, slots } = await readIndexFiles(out);
    const store = new FileStore(path.join(out, ARTICLES_FILE), blockOffsets, slots, meta);
    const stored = meta.ids.map((_, d) => store.get(d));
    store.close();
    expect(stored.map((a) => [a.id, a.source, a.sourceAsWritten]).sort()).toEqual([
      ['1', 'خبرآنلاین', undefined],
      ['2', 'ایسنا', undefined],
      ['3', 'خبرآنلاین', 'khabaronline.ir'],
    ]);
  });

  it('lists the merges it made in the summary, with each name\'s articles', async () => {
    const s = await buildIndex({ inputs: [outletArchive('outlet-summary')], out: path.join(root, 'outlet-summary-index') });
    expect(s.sourceMerges).toEqual([
      { source: 'خبرآنلاین', count: 2, names: [{ name: 'khabaronline.ir', count: 1 }, { name: 'خبرآنلاین', count: 1 }] },
    ]);
  });

  it('takes a user\'s table over the built-in one: «خبرآنلاین» renamed', async () => {
    const out = path.join(root, 'outlet-user');
    const s = await buildIndex({
      inputs: [outletArchive('outlet-user-input')],
      out,
      sourceAliases: new SourceAliases([{ alias: 'خبرآنلاین', canonical: 'خبر آنلاین (khabaronline.ir)', where: 'a.csv:1' }]),
    });
    expect(s.sourceMerges.map((m) => m.source)).toEqual(['خبر آنلاین (khabaronline.ir)']);
    const engine = await loadEngine(out);
    expect(engine.search(parseSearchParams({ q: 'بارش' })).facets.sources[0]).toEqual({ value: 'خبر آنلاین (khabaronline.ir)', count: 2 });
  });
});

describe('buildIndex: --strict', () => {
  it('fails on any reject, naming the first, and leaves the existing index byte for byte as it was', async () => {
    const dir = path.join(root, 'strict-input');
    const out = path.join(root, 'strict-index');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.jsonl'), rec('1', 'یک') + '\n');
    await buildIndex({ inputs: [dir], out, strict: true });
    const before = snapshot(out);

    writeFileSync(path.join(dir, 'b.jsonl'), rec('2', 'دو', { date_jalali: '1400/13/40' }) + '\n');
    const failure = buildIndex({ inputs: [dir], out, strict: true });
    await expect(failure).rejects.toThrow(StrictBuildError);
    await expect(failure).rejects.toThrow(
      `--strict: 1 record rejected (the first: ${path.join(dir, 'b.jsonl')}:1: "date_jalali" "1400/13/40": month 13 is out of range 1..12); the existing index was left untouched`,
    );
    expect(snapshot(out)).toEqual(before);
  });

  it('does not fail on an id met twice: the later record replacing the earlier is what rebuilding means', async () => {
    const dir = path.join(root, 'strict-dup');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.jsonl'), rec('1', 'یک') + '\n');
    writeFileSync(path.join(dir, 'b.jsonl'), rec('1', 'یک (اصلاح شده)') + '\n');
    const s = await buildIndex({ inputs: [dir], out: path.join(root, 'strict-dup-index'), strict: true });
    expect([s.indexed, s.rejected, s.replaced.length]).toEqual([1, 0, 1]);
  });
});

describe('buildIndex: what stops a build before it writes', () => {
  it('will not replace a folder that is not an index (it would be deleted)', async () => {
    const notIndex = path.join(root, 'my-articles');
    mkdirSync(notIndex);
    writeFileSync(path.join(notIndex, 'keep.txt'), 'یادداشت');
    await expect(buildIndex({ inputs: [archive], out: notIndex })).rejects.toThrow(
      `will not replace ${notIndex}: it is a folder with files in it but no manifest.json, so not an index`,
    );
    expect(snapshot(notIndex)).toEqual(new Map([['keep.txt', Buffer.from('یادداشت')]]));
  });

  it('fails with "no articles" when every record is rejected', async () => {
    const dir = path.join(root, 'all-bad');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.csv'), 'title,body,date\nخبر,متن,2021-02-30\n');
    const failure = buildIndex({ inputs: [dir], out: path.join(root, 'all-bad-index') });
    await expect(failure).rejects.toThrow(BuildError);
    await expect(failure).rejects.toThrow(/^no articles to index in .* \(1 record read, 1 rejected\)/);
  });
});

describe('buildIndex: deterministic', () => {
  it('writes the same bytes for the same input, in every file', async () => {
    const a = path.join(root, 'det-a');
    const b = path.join(root, 'det-b');
    await buildIndex({ inputs: [archive], out: a });
    await buildIndex({ inputs: [archive], out: b });
    const first = snapshot(a);
    expect([...first.keys()]).toContain(ARTICLES_FILE);
    expect([...first.keys()]).toContain('rejects.jsonl');
    expect(snapshot(b)).toEqual(first);
  });
});

describe('buildIndex: an input folder that holds the index', () => {
  it('does not read the index back as input: rebuild after rebuild, rejects.jsonl stays empty and the count the same', async () => {
    const dir = path.join(root, 'holds-its-index');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.jsonl'), [rec('1', 'افزایش قیمت نان'), rec('2', 'بارش برف')].join('\n') + '\n');
    const out = path.join(dir, 'index');
    const notes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const s = await buildIndex({ inputs: [dir], out, full: i === 2, say: (l) => notes.push(l) });
      expect([s.files, s.records, s.indexed, s.rejected]).toEqual([1, 2, 2, 0]);
      expect(readFileSync(path.join(out, 'rejects.jsonl'), 'utf8')).toBe('');
    }
    expect(notes.at(-1)).toBe(`index: not reading ${out}: it is the index being written (or its lock or a build's folder), not input`);
  });
});

describe('buildIndex: a title of more than 65,535 words', () => {
  it('finds title:"…" for its last words (a 16-bit title length cut them off)', { timeout: 60_000 }, async () => {
    const dir = path.join(root, 'long-title');
    mkdirSync(dir);
    const title = 'خبر '.repeat(69_998) + 'پایان ماجرا';
    writeFileSync(path.join(dir, 'a.jsonl'), [rec('1', title), rec('2', 'پایان ماجرا')].map((l, i) => (i === 0 ? l.replace(/"body":"[^"]*"/, '"body":"متن کوتاه"') : l)).join('\n') + '\n');
    const out = path.join(root, 'long-title-index');
    await buildIndex({ inputs: [dir], out });
    const engine = await loadEngine(out);
    const found = engine.search(parseSearchParams({ q: 'title:"پایان ماجرا"' }));
    expect(found.results.map((r) => r.id).sort()).toEqual(['1', '2']);
    expect(engine.search(parseSearchParams({ q: 'title:"ماجرا پایان"' })).total).toBe(0);
  });
});

describe('buildIndex: a record over --max-record-bytes', () => {
  it('is listed in rejects.jsonl and the summary with its file and line, and the record after it is indexed', async () => {
    const dir = path.join(root, 'oversized');
    mkdirSync(dir);
    const file = path.join(dir, 'a.jsonl');
    writeFileSync(file, [rec('1', 'خبر اول'), rec('2', 'خبر بلند', { body: 'متن '.repeat(2000) }), rec('3', 'خبر بعد')].join('\n') + '\n');
    const out = path.join(root, 'oversized-index');
    const s = await buildIndex({ inputs: [dir], out, maxRecordBytes: 4096 });
    expect([s.indexed, s.rejected]).toEqual([2, 1]);
    const [reject] = readFileSync(path.join(out, 'rejects.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(reject).toMatchObject({ file, line: 2, reason: expect.stringMatching(/^record too large: [\d,]+ bytes, over --max-record-bytes 4,096/) });
    expect(formatSummary(s)).toContain('2 indexed (2 added, 0 updated, 0 removed, 0 unchanged); 1 rejected');
    expect((await loadEngine(out)).search(parseSearchParams({ q: 'بعد' })).total).toBe(1);
  });
});
