import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readJsonl } from './jsonl';
import { splitLines } from './lines';
import { deriveTitle } from './title';
import type { ReadOutcome } from './types';
import { tempFiles } from '../testing';

const SHARED = process.env.KAVOSH_SHARED ?? path.resolve(import.meta.dirname, '../../../shared');
const CORPUS = path.join(SHARED, 'corpus');

const { dir, write } = tempFiles('kavosh-jsonl-');

const RECORD = {
  id: 'HAM2-840127-155',
  title: 'بررسي اوضاع عراق پس از انتخاب رئيس جمهور',
  body: 'همنشيني رقيبان\nامير شريفي\n\n  اشاره: عراق به لحاظ سياسي پيچيده است. \n',
  date: '2005-04-16',
  date_jalali: '1384/01/27',
  source: 'همشهری',
  category: 'سیاسی',
  tags: ['عراق', ' انتخابات '],
  url: 'https://www.hamshahri.org/news/155',
  dataset: 'AwesDea/Hamshahri-Information-Retrieval',
};

const line = (fields: Record<string, unknown>) => JSON.stringify({ ...RECORD, ...fields });

async function readAll(file: string): Promise<ReadOutcome[]> {
  const out: ReadOutcome[] = [];
  for await (const outcome of readJsonl(file)) out.push(outcome);
  return out;
}

async function readOne(fields: Record<string, unknown>): Promise<ReadOutcome> {
  const [outcome] = await readAll(write('one.jsonl', line(fields) + '\n'));
  return outcome;
}

async function articleOf(fields: Record<string, unknown>) {
  const outcome = await readOne(fields);
  if (!outcome.ok) throw new Error(`unexpected reject: ${outcome.reason}`);
  return outcome.article;
}

async function reasonOf(fields: Record<string, unknown>): Promise<string> {
  const outcome = await readOne(fields);
  if (outcome.ok) throw new Error('expected a reject');
  return outcome.reason;
}

describe('readJsonl: a good record', () => {
  it('becomes an article with every field, tagged with file and line 1', async () => {
    const file = write('good.jsonl', line({}) + '\n');
    expect(await readAll(file)).toEqual([
      {
        ok: true,
        file,
        line: 1,
        article: {
          id: 'HAM2-840127-155',
          title: 'بررسي اوضاع عراق پس از انتخاب رئيس جمهور',
          body: ['همنشيني رقيبان', 'امير شريفي', 'اشاره: عراق به لحاظ سياسي پيچيده است.'],
          publishedAt: '2005-04-16T00:00:00+04:30',
          jalali: { year: 1384, month: 1, day: 27 },
          source: 'همشهری',
          tags: ['عراق', 'انتخابات'],
          url: 'https://www.hamshahri.org/news/155',
          dateline: null,
          agency: null,
          category: 'سیاسی',
        },
      },
    ]);
  });

  it('keeps the characters of the text as they are (Arabic yeh, NBSP half-spaces)', async () => {
    const a = await articleOf({ title: 'قيمت\u00a0ها', body: 'مي\u00a0شود' });
    expect(a.title).toBe('قيمت\u00a0ها');
    expect(a.body).toEqual(['مي\u00a0شود']);
  });

  it('reads a gzipped file like the plain one', async () => {
    const text = [line({}), line({ id: 'b' })].join('\n') + '\n';
    const plain = await readAll(write('p.jsonl', text));
    const zipped = await readAll(write('z.jsonl.gz', gzipSync(text)));
    expect(zipped.map((o) => (o.ok ? o.article : o))).toEqual(plain.map((o) => (o.ok ? o.article : o)));
    expect(zipped).toHaveLength(2);
  });

  it('skips blank lines but counts them in the line numbers', async () => {
    const outcomes = await readAll(write('gaps.ndjson', ['', line({ id: 'a' }), '  ', line({ id: 'b' }), ''].join('\n')));
    expect(outcomes.map((o) => o.line)).toEqual([2, 4]);
  });

  it('reads CRLF lines and a UTF-8 BOM', async () => {
    const outcomes = await readAll(write('crlf.jsonl', '\uFEFF' + line({ id: 'a' }) + '\r\n' + line({ id: 'b' }) + '\r\n'));
    expect(outcomes.map((o) => o.ok && o.article.id)).toEqual(['a', 'b']);
  });

  it('turns a numeric id into a string', async () => {
    expect((await articleOf({ id: 1293642 })).id).toBe('1293642');
  });

  it('gives a record with no id a stable id from its title and body', async () => {
    const expected = 'h-' + createHash('sha256').update(`${RECORD.title}\n${RECORD.body}`).digest('hex').slice(0, 16);
    expect((await articleOf({ id: undefined })).id).toBe(expected);
    expect((await articleOf({ id: null })).id).toBe(expected);
    expect((await articleOf({ id: '' })).id).toBe(expected);
  });

  it('derives an empty title from the lead, as the plain-text reader does', async () => {
    const body = 'حدود 2 درصد يارانه به صادركننده هاي پسته پرداخت شود. \nمحمد شمس فرد افزود';
    const a = await articleOf({ title: '', body });
    expect(a.title).toBe('حدود 2 درصد يارانه به صادركننده هاي پسته پرداخت شود');
    expect(a.title).toBe(deriveTitle(a.body[0]));
  });

  it('drops a link that is not http(s)', async () => {
    expect((await articleOf({ url: 'ftp://example.org/a' })).url).toBeNull();
  });

  it('turns empty source and category into null and missing tags into []', async () => {
    const a = await articleOf({ source: ' ', category: null, tags: null });
    expect(a.source).toBeNull();
    expect(a.category).toBeNull();
    expect(a.tags).toEqual([]);
  });
});

describe('readJsonl: dates', () => {
  it('computes the Jalali day from the Gregorian date alone', async () => {
    const a = await articleOf({ date_jalali: null });
    expect(a.jalali).toEqual({ year: 1384, month: 1, day: 27 });
    expect(a.publishedAt).toBe('2005-04-16T00:00:00+04:30');
  });

  it('dates a record with only date_jalali at midnight Tehran of that day', async () => {
    const a = await articleOf({ date: null, date_jalali: '1400/08/10' });
    expect(a.publishedAt).toBe('2021-11-01T00:00:00+03:30');
    expect(a.jalali).toEqual({ year: 1400, month: 8, day: 10 });
  });

  it('leaves an undated record undated', async () => {
    const a = await articleOf({ date: null, date_jalali: null });
    expect(a.publishedAt).toBeNull();
    expect(a.jalali).toBeNull();
  });

  it('rejects dates that disagree, quoting both', async () => {
    const reason = await reasonOf({ date_jalali: '1384/01/28' });
    expect(reason).toBe('"date" 2005-04-16 is Jalali 1384-01-27 but "date_jalali" is 1384/01/28');
  });

  it('rejects a Jalali date that does not exist', async () => {
    expect(await reasonOf({ date: null, date_jalali: '1400/12/30' })).toBe(
      '"date_jalali" "1400/12/30": 1400-12-30 is not a valid Jalali date (1400 is not a leap year)',
    );
  });

  it('rejects a Gregorian date that does not exist', async () => {
    expect(await reasonOf({ date: '2005-02-30', date_jalali: null })).toBe(
      '"date" "2005-02-30": 2005-02-30 is not a valid Gregorian date (February 2005 has 28 days)',
    );
  });
});

describe('readJsonl: bad records are reported, not thrown, and do not stop the file', () => {
  it('reports invalid JSON with its line and the parser message, then goes on', async () => {
    const outcomes = await readAll(write('bad.jsonl', [line({ id: 'a' }), '{"id": "b", "title": ', line({ id: 'c' })].join('\n')));
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    const bad = outcomes[1];
    expect(bad).toMatchObject({ ok: false, line: 2 });
    expect(!bad.ok && bad.reason).toMatch(/^invalid JSON: /);
  });

  it('names a missing title field and the fields the record has', async () => {
    const outcome = await readOne({ title: undefined });
    expect(outcome).toMatchObject({
      ok: false,
      line: 1,
      reason: 'no "title" field (it has: id, body, date, date_jalali, source, category, tags, url, dataset); name it with --map title=<field>',
    });
  });

  it('names a title that is not a string', async () => {
    expect(await reasonOf({ title: 1400 })).toBe('"title" must be a string');
  });

  it('names a tag that is not a string, with its index', async () => {
    expect(await reasonOf({ tags: ['عراق', 3] })).toBe('"tags[1]" must be a string');
  });

  it('rejects a line that is not a JSON object', async () => {
    const [outcome] = await readAll(write('array.jsonl', '[1, 2]\n'));
    expect(outcome).toMatchObject({ ok: false, reason: 'a record must be a JSON object' });
  });

  it('rejects a record with neither title nor body text', async () => {
    expect(await reasonOf({ title: '', body: ' \n ' })).toBe('"title" and "body" are both empty');
  });

  it('ends a corrupt gzip file with one reject instead of throwing', async () => {
    const zipped = gzipSync([line({ id: 'a' }), line({ id: 'b' })].join('\n'));
    const outcomes = await readAll(write('cut.jsonl.gz', zipped.subarray(0, zipped.length - 12)));
    const last = outcomes.at(-1);
    expect(last?.ok).toBe(false);
    expect(!last?.ok && last?.reason).toMatch(/^cannot read/);
  });

  it('reports a missing file as a reject', async () => {
    const outcomes = await readAll(path.join(dir, 'missing.jsonl'));
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ ok: false, reason: expect.stringContaining('ENOENT') });
  });
});

describe('readJsonl: a record over --max-record-bytes', () => {
  it('is rejected with its line and size, and the valid record after it is indexed', async () => {
    const long = line({ id: 'long', body: 'خبر '.repeat(2000) });
    const file = write('long.jsonl', [line({ id: 'before' }), long, line({ id: 'after' })].join('\n') + '\n');
    const outcomes: ReadOutcome[] = [];
    for await (const o of readJsonl(file, { maxRecordBytes: 4096 })) outcomes.push(o);
    expect(outcomes.map((o) => (o.ok ? o.article.id : `rejected:${o.line}`))).toEqual(['before', 'rejected:2', 'after']);
    expect(outcomes[1]).toMatchObject({
      ok: false,
      file,
      line: 2,
      reason: `record too large: ${Buffer.byteLength(long).toLocaleString('en-US')} bytes, over --max-record-bytes 4,096; not read (the records after it are)`,
    });
    expect(outcomes[2]).toMatchObject({ ok: true, line: 3 });
  });

  it('does not reject a record of exactly the limit', async () => {
    const text = line({ id: 'exact' });
    const [outcome] = await (async () => {
      const out: ReadOutcome[] = [];
      for await (const o of readJsonl(write('exact.jsonl', text + '\n'), { maxRecordBytes: Buffer.byteLength(text) })) out.push(o);
      return out;
    })();
    expect(outcome.ok).toBe(true);
  });
});

describe('splitLines: a line far over the limit, from a generated stream', () => {
  // 64 MB of one line in 1 MB chunks, never held whole: the line after it still comes out.
  async function* generated(): AsyncGenerator<string> {
    yield 'سطر اول\n';
    const chunk = 'ب'.repeat(512 * 1024);
    for (let i = 0; i < 64; i++) yield chunk;
    yield '\nسطر بعد\n';
  }

  it('stands in for the long line with its size and goes on to the next', async () => {
    const out: unknown[] = [];
    for await (const l of splitLines(generated(), 20 * 1024 * 1024)) out.push(l);
    expect(out).toEqual(['سطر اول', { oversized: true, bytes: 64 * 1024 * 1024 }, 'سطر بعد']);
  });

  it('without a limit splits the same lines as before (a last line without "\\n" counts, a final "\\n" starts none)', async () => {
    async function* chunks() {
      yield 'الف\nب';
      yield 'پ\n\nت';
    }
    const out: unknown[] = [];
    for await (const l of splitLines(chunks())) out.push(l);
    expect(out).toEqual(['الف', 'بپ', '', 'ت']);
  });
});

describe.skipIf(!existsSync(CORPUS))('readJsonl: the shared corpus', () => {
  it('reads all 13,790 records of the six files with no reject', { timeout: 120_000 }, async () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.jsonl.gz')).sort();
    expect(files).toHaveLength(6);
    const rejects: string[] = [];
    const byId = new Map<string, ReadOutcome & { ok: true }>();
    for (const f of files) {
      for await (const outcome of readJsonl(path.join(CORPUS, f))) {
        if (outcome.ok) byId.set(outcome.article.id, outcome);
        else rejects.push(`${f}:${outcome.line}: ${outcome.reason}`);
      }
    }
    expect(rejects).toEqual([]);
    expect(byId.size).toBe(13_790);

    const hamshahri = byId.get('HAM2-840127-155')!.article;
    // Hamshahri writes the half-space as an NBSP; the reader keeps it.
    expect(hamshahri.title).toBe('بررسي اوضاع عراق پس از انتخاب رئيس جمهور و نخست\u00a0وزير');
    expect(hamshahri.publishedAt).toBe('2005-04-16T00:00:00+04:30');
    expect(hamshahri.jalali).toEqual({ year: 1384, month: 1, day: 27 });
    expect(hamshahri.source).toBe('همشهری');

    const borna = byId.get('borna-2253824')!.article;
    expect(borna.jalali).toEqual({ year: 1404, month: 6, day: 14 });
    expect(borna.publishedAt).toBe('2025-09-05T00:00:00+03:30');
    expect(borna.category).toBe('استان ها');
    expect(borna.tags).toEqual(['برنا هرمزگان', 'جشنواره انبه و گل یاسمین']);
    expect(borna.url?.startsWith('https://borna.news/fa/news/2253824/')).toBe(true);

    // One of the records whose title the corpus left empty.
    expect(byId.get('HAM2-811109-008')!.article.title).toBe(
      'حدود 2 درصد يارانه قرار است تا ماه آينده به صادركننده هاي پسته پرداخت شود',
    );
  });
});
