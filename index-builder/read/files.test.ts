import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindOf, planInputs, readArticles } from './files';
import type { ReadOutcome } from './types';

const root = mkdtempSync(path.join(os.tmpdir(), 'kavosh-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const archive = path.join(root, 'archive');
const at = (...parts: string[]) => path.join(archive, ...parts);

const article = (code: string) =>
  ['کد خبر ' + code, 'تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶', '', 'مسکو - ایرنا- لاوروف با میرزویان گفت و گو کرد.', '', 'منبع: ایرنا'].join('\n');
const record = (id: string) => JSON.stringify({ id, title: 'عنوان ' + id, body: 'متن خبر', date: null, date_jalali: null, source: 'فارس', category: null, tags: [], url: null });

beforeAll(() => {
  mkdirSync(at('a', 'sub'), { recursive: true });
  mkdirSync(at('.git'), { recursive: true });
  writeFileSync(at('b.txt'), article('200'));
  writeFileSync(at('a', 'x.jsonl'), [record('x1'), record('x2')].join('\n'));
  writeFileSync(at('a', 'sub', 'y.ndjson.gz'), gzipSync(record('y1') + '\n'));
  writeFileSync(at('.hidden.txt'), article('900'));
  writeFileSync(at('.git', 'inside.txt'), article('901'));
  writeFileSync(at('README.md'), '# archive');
  writeFileSync(at('a', 'notes.md'), 'notes');
});

async function collect(inputs: string[]): Promise<ReadOutcome[]> {
  const out: ReadOutcome[] = [];
  for await (const outcome of readArticles(inputs)) out.push(outcome);
  return out;
}

/** "a/x.jsonl x1" or "data.csv ✗": what came out, in order. */
const summary = (outcomes: ReadOutcome[]) =>
  outcomes.map((o) => `${path.relative(archive, o.file)} ${o.ok ? o.article.id : '✗'}`);

describe('readArticles: walking folders', () => {
  it('reads every supported file under a folder, recursively, sorted by path', async () => {
    expect(summary(await collect([archive]))).toEqual([
      'a/sub/y.ndjson.gz y1',
      'a/x.jsonl x1',
      'a/x.jsonl x2',
      'b.txt 200',
    ]);
  });

  it('skips dotfiles, dot-folders and Markdown notes', async () => {
    const files = (await collect([archive])).map((o) => path.basename(o.file));
    expect(files).not.toContain('.hidden.txt');
    expect(files).not.toContain('inside.txt');
    expect(files).not.toContain('README.md');
    expect(files).not.toContain('notes.md');
  });

  it('gives the same order on every run', async () => {
    expect(summary(await collect([archive]))).toEqual(summary(await collect([archive])));
  });

  it('reads a file given directly, and inputs in the order given', async () => {
    expect(summary(await collect([at('b.txt'), at('a', 'x.jsonl')]))).toEqual(['b.txt 200', 'a/x.jsonl x1', 'a/x.jsonl x2']);
  });

  it('carries the line of each JSON Lines record', async () => {
    expect((await collect([at('a', 'x.jsonl')])).map((o) => o.line)).toEqual([1, 2]);
  });
});

describe('readArticles: every format, plain and gzipped', () => {
  const formats = path.join(root, 'formats');
  const one = (id: string) => ({ id, title: 'عنوان ' + id, body: 'متن خبر' });
  const files: Record<string, string | Buffer> = {
    'a.txt': article('1'),
    'b.jsonl': JSON.stringify(one('2')) + '\n',
    'c.ndjson': JSON.stringify(one('3')) + '\n',
    'd.json': JSON.stringify([one('4')]),
    'e.csv': 'id,title,body\n5,عنوان,متن\n',
    'f.tsv': 'id\ttitle\tbody\n6\tعنوان\tمتن\n',
    'G.CSV': 'id,title,body\n7,عنوان,متن\n',
  };

  beforeAll(() => {
    mkdirSync(path.join(formats, 'gz'), { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      writeFileSync(path.join(formats, name), content);
      writeFileSync(path.join(formats, 'gz', name + '.gz'), gzipSync(content), { flag: 'w' });
    }
  });

  it('reads .txt, .jsonl, .ndjson, .json, .csv and .tsv, whatever the case of the ending', async () => {
    const outcomes = await collect([formats]);
    const direct = outcomes.filter((o) => path.dirname(o.file) === formats);
    expect(direct.map((o) => `${path.basename(o.file)} ${o.ok ? o.article.id : `✗ ${o.reason}`}`)).toEqual([
      'G.CSV 7',
      'a.txt 1',
      'b.jsonl 2',
      'c.ndjson 3',
      'd.json 4',
      'e.csv 5',
      'f.tsv 6',
    ]);
  });

  it('reads each of them gzipped', async () => {
    const outcomes = await collect([path.join(formats, 'gz')]);
    expect(outcomes.map((o) => `${path.basename(o.file)} ${o.ok ? o.article.id : `✗ ${o.reason}`}`)).toEqual([
      'G.CSV.gz 7',
      'a.txt.gz 1',
      'b.jsonl.gz 2',
      'c.ndjson.gz 3',
      'd.json.gz 4',
      'e.csv.gz 5',
      'f.tsv.gz 6',
    ]);
  });

  it('knows a file\'s format by its name only', () => {
    expect(['x.TXT', 'x.json.gz', 'x.tsv', 'x.csv.GZ', 'x.jsonl.bz2', 'x.gz', 'x.xlsx'].map(kindOf)).toEqual([
      'text',
      'json',
      'tsv',
      'csv',
      null,
      null,
      null,
    ]);
  });

  it('reads a UTF-16 LE JSON Lines file with a byte-order mark', async () => {
    const file = path.join(root, 'utf16.jsonl');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(one('16')) + '\r\n', 'utf16le')]));
    const [outcome] = await collect([file]);
    expect(outcome.ok && outcome.article).toMatchObject({ id: '16', title: 'عنوان 16', body: ['متن خبر'] });
  });

  it('reads a plain-text article saved in Windows-1256 by an older tool (Arabic yeh and kaf)', async () => {
    const file = path.join(root, 'cp1256-article.txt');
    const text = ['كد خبر 4521', 'تاريخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶', '', 'تهران- ايرنا- قيمت نان افزايش يافت.', '', 'منبع: ايرنا'].join('\r\n');
    // Windows-1256 has no Persian digits: the date is written in Latin ones.
    writeFileSync(file, iconv.encode(text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)), 'win1256'));
    const [outcome] = await collect([file]);
    expect(outcome.ok && outcome.article).toMatchObject({
      id: '4521',
      publishedAt: '2021-11-01T23:56:00+03:30',
      body: ['تهران- ايرنا- قيمت نان افزايش يافت.'],
      source: 'ايرنا',
    });
  });

  it('plans the files and their size on disk before reading, and names each as it opens it', async () => {
    const plan = await planInputs([formats], { sizes: true });
    expect(plan.files).toBe(14);
    const size = Object.values(files).reduce((n, c) => n + Buffer.byteLength(c), 0);
    expect(plan.bytes).toBeGreaterThan(size);
    const opened: string[] = [];
    let bytes = 0;
    for await (const _ of readArticles(plan, { onFile: (f) => opened.push(f), onBytes: (n) => (bytes += n) }));
    expect(opened).toHaveLength(14);
    expect(bytes).toBe(plan.bytes);
  });
});

describe('readArticles: problems', () => {
  it('rejects a file of another type without stopping', async () => {
    const dir = path.join(root, 'mixed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a.xlsx'), 'PK\x03\x04');
    writeFileSync(path.join(dir, 'b.txt'), article('300'));
    const outcomes = await collect([dir]);
    expect(outcomes).toHaveLength(2);
    expect(outcomes[0]).toMatchObject({
      ok: false,
      file: path.join(dir, 'a.xlsx'),
      reason: 'unsupported file type (expected .txt, .jsonl, .ndjson, .json, .csv or .tsv, each optionally .gz)',
    });
    expect(outcomes[1]).toMatchObject({ ok: true, article: { id: '300' } });
  });

  it('reports a text file that is not an article with its line and reason', async () => {
    const file = path.join(root, 'bad-date.txt');
    writeFileSync(file, article('1').replace('۱۰ آبان', '۳۱ مهر'));
    const [outcome] = await collect([file]);
    expect(outcome).toMatchObject({ ok: false, file, line: 2 });
    expect(!outcome.ok && outcome.reason).toContain('month 7 has 30 days');
  });

  it('rejects a file that is not text instead of garbling it', async () => {
    const file = path.join(root, 'picture.txt');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const [outcome] = await collect([file]);
    expect(outcome).toMatchObject({ ok: false, file, reason: expect.stringMatching(/^not a text file: it has NUL bytes/) });
  });

  it('throws "input not found" for a missing path, before reading anything', async () => {
    const missing = path.join(root, 'nope');
    const seen: ReadOutcome[] = [];
    await expect(async () => {
      for await (const outcome of readArticles([archive, missing])) seen.push(outcome);
    }).rejects.toThrow(`input not found: ${missing}`);
    expect(seen).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('rejects an unreadable file with the system reason', async () => {
    const file = path.join(root, 'locked.txt');
    writeFileSync(file, article('1'));
    chmodSync(file, 0o000);
    const [outcome] = await collect([file]);
    chmodSync(file, 0o644);
    expect(outcome).toMatchObject({ ok: false, file, reason: expect.stringContaining('EACCES') });
  });
});
