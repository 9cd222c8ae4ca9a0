import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv';
import type { FieldMap } from './fields';
import type { ReadOutcome } from './types';
import { tempFiles } from '../testing';

const { write } = tempFiles('kavosh-csv-');

async function readAll(file: string, delimiter: ',' | '\t' = ',', fields?: FieldMap): Promise<ReadOutcome[]> {
  const out: ReadOutcome[] = [];
  for await (const outcome of readCsv(file, delimiter, { fields })) out.push(outcome);
  return out;
}

const articles = (outcomes: ReadOutcome[]) => outcomes.map((o) => (o.ok ? o.article : `✗ ${o.reason}`));

const CSV = [
  'id,title,body,date_jalali,source,tags,url',
  '101,افزایش قیمت نان,"نانوایی‌ها از فردا نان را گران‌تر می‌فروشند، به گفته اتحادیه.",1400/08/10,ایرنا,"نان، اقتصاد",https://www.irna.ir/news/101',
  '102,"بارش برف در تهران","بند اول',
  '',
  'بند دوم با ""نقل قول""",۱۴۰۰/۰۸/۱۱,ایسنا,,',
].join('\n');

describe('readCsv: good files', () => {
  it('reads every row with the header\'s field names, line and row number', async () => {
    const outcomes = await readAll(write('a.csv', CSV));
    expect(outcomes.map((o) => [o.ok && o.article.id, o.line, o.record])).toEqual([
      ['101', 2, 1],
      ['102', 3, 2],
    ]);
    expect(outcomes[0].ok && outcomes[0].article).toEqual({
      id: '101',
      title: 'افزایش قیمت نان',
      body: ['نانوایی‌ها از فردا نان را گران‌تر می‌فروشند، به گفته اتحادیه.'],
      publishedAt: '2021-11-01T00:00:00+03:30',
      jalali: { year: 1400, month: 8, day: 10 },
      source: 'ایرنا',
      tags: ['نان', 'اقتصاد'],
      url: 'https://www.irna.ir/news/101',
      dateline: null,
      agency: null,
      category: null,
    });
  });

  it('keeps the lines of a quoted cell as paragraphs and "" as a quote', async () => {
    const [, second] = await readAll(write('b.csv', CSV));
    expect(second.ok && second.article.body).toEqual(['بند اول', 'بند دوم با "نقل قول"']);
  });

  it('reads a gzipped file like the plain one', async () => {
    const plain = await readAll(write('p.csv', CSV));
    expect(await readAll(write('z.csv.gz', gzipSync(CSV)))).toEqual(plain.map((o) => ({ ...o, file: expect.any(String) })));
  });

  it('reads CRLF line ends and a UTF-8 byte-order mark', async () => {
    const outcomes = await readAll(write('crlf.csv', '\uFEFF' + CSV.replace(/\n/g, '\r\n')));
    expect(articles(outcomes)).toEqual(articles(await readAll(write('lf.csv', CSV))));
    expect(outcomes.map((o) => o.line)).toEqual([2, 3]);
  });

  it('reads a TSV file, and its .gz', async () => {
    const tsv = 'عنوان\tمتن\tتاریخ\tبرچسب‌ها\nسیل در خوزستان\tآب رودخانه بالا آمد.\t۱۰ آبان ۱۴۰۰ - ۲۳:۵۶\tسیل|خوزستان\n';
    for (const file of [write('a.tsv', tsv), write('a.tsv.gz', gzipSync(tsv))]) {
      const [outcome] = await readAll(file, '\t');
      expect(outcome.ok && outcome.article).toMatchObject({
        title: 'سیل در خوزستان',
        body: ['آب رودخانه بالا آمد.'],
        publishedAt: '2021-11-01T23:56:00+03:30',
        tags: ['سیل', 'خوزستان'],
      });
    }
  });

  it('splits a tags cell on «،» «,» «؛» and «|»', async () => {
    const [outcome] = await readAll(write('tags.csv', 'title,body,tags\nخبر,متن,"نان، گندم,آرد؛ قیمت|بازار"\n'));
    expect(outcome.ok && outcome.article.tags).toEqual(['نان', 'گندم', 'آرد', 'قیمت', 'بازار']);
  });

  it('reads a Windows-1256 CSV', async () => {
    const text = 'title,body\nخبر فوري,متن خبر درباره ايران\n';
    const [outcome] = await readAll(write('cp1256.csv', iconv.encode(text, 'win1256')));
    expect(outcome.ok && [outcome.article.title, outcome.article.body]).toEqual(['خبر فوري', ['متن خبر درباره ايران']]);
  });

  it('reads columns named with --map', async () => {
    const [outcome] = await readAll(write('map.csv', 'headline_fa,matn\nعنوان,متن\n'), ',', { title: 'headline_fa', body: 'matn' });
    expect(outcome.ok && [outcome.article.title, outcome.article.body]).toEqual(['عنوان', ['متن']]);
  });

  it('gives a row without an id the same id from its content on every read', async () => {
    const file = write('noid.csv', 'title,body\nخبر بی‌شناسه,متن خبر\n');
    const [a] = await readAll(file);
    const [b] = await readAll(file);
    expect(a.ok && a.article.id).toMatch(/^h-[0-9a-f]{16}$/);
    expect(b.ok && b.article.id).toBe(a.ok && a.article.id);
  });

  it('skips blank lines and reads a quote inside an unquoted cell as text', async () => {
    const outcomes = await readAll(write('loose.csv', 'title,body\n\nاو گفت "نه",متن\n   \n'));
    expect(articles(outcomes)).toMatchObject([{ title: 'او گفت "نه"' }]);
  });
});

describe('readCsv: what is rejected', () => {
  it('rejects a row with too many cells, with the counts, and reads on', async () => {
    const outcomes = await readAll(write('wide.csv', 'title,body\nخبر یک,متن\nخبر دو,متن,اضافه\nخبر سه,متن\n'));
    expect(articles(outcomes).map((a) => (typeof a === 'string' ? a : a.title))).toEqual([
      'خبر یک',
      '✗ the row has 3 cells but the header has 2 (a "," or a quote out of place?)',
      'خبر سه',
    ]);
    expect(outcomes[1]).toMatchObject({ line: 3, record: 2 });
  });

  it('rejects a row with an invalid date, naming the column and the value', async () => {
    const [outcome] = await readAll(write('date.csv', 'title,body,تاریخ\nخبر,متن,۱۴۰۰/۱۳/۴۰\n'));
    expect(outcome).toMatchObject({ ok: false, line: 2, record: 1, reason: '"تاریخ" "۱۴۰۰/۱۳/۴۰": month 13 is out of range 1..12' });
  });

  it('rejects the rest of a file after a quote left open, from the line it opens on', async () => {
    const outcomes = await readAll(write('open.csv', 'title,body\nخبر,متن\nخبر دو,"متن باز\nخبر سه,متن\n'));
    expect(outcomes).toHaveLength(2);
    expect(outcomes[1]).toMatchObject({ ok: false, line: 3, record: 2, reason: expect.stringMatching(/^invalid CSV: Quote Not Closed/) });
  });

  it('rejects a file whose header has no title column, once, naming the columns', async () => {
    const outcomes = await readAll(write('nohead.csv', 'headline_fa,body\nعنوان,متن\nعنوان,متن\n'));
    expect(outcomes).toEqual([
      {
        ok: false,
        file: expect.any(String),
        line: 1,
        reason:
          'the header has no "title" column (columns: headline_fa, body); name it with --map title=<column> (fields: id, title, body, date, date_jalali, source, tags, url, category)',
      },
    ]);
  });

  it('rejects an empty file', async () => {
    expect(articles(await readAll(write('empty.csv', '')))).toEqual(['✗ the file is empty: no header row']);
  });

  it('rejects a binary file named .csv', async () => {
    expect(articles(await readAll(write('bin.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))))).toEqual([
      '✗ not a text file: it has NUL bytes (binary data, or UTF-16 without a byte-order mark)',
    ]);
  });
});

describe('readCsv: a record over --max-record-bytes', () => {
  async function readLimited(text: string, maxRecordBytes: number): Promise<ReadOutcome[]> {
    const out: ReadOutcome[] = [];
    for await (const o of readCsv(write('limited.csv', text), ',', { maxRecordBytes })) out.push(o);
    return out;
  }
  const where = (outcomes: ReadOutcome[]) => outcomes.map((o) => (o.ok ? `${o.line} ${o.article.title}` : `${o.line} ✗ ${o.reason}`));

  it('is rejected alone with its line, a quoted cell of many lines included, and the line numbers after it stay right', async () => {
    const long = `"${'بند طولانی، با «نقل‌قول» و ""گیومه""\n'.repeat(100)}"`;
    const text = `عنوان,متن\nخبر اول,متن اول\nخبر بلند,${long}\nخبر بعدی,متن بعدی\n`;
    const outcomes = await readLimited(text, 1024);
    expect(where(outcomes)).toEqual([
      '2 خبر اول',
      `3 ✗ record too large: ${Buffer.byteLength(`خبر بلند,${long}`).toLocaleString('en-US')} bytes, over --max-record-bytes 1,024; not read (the records after it are)`,
      '104 خبر بعدی',
    ]);
  });

  it('leaves every record within the limit as csv-parse reads it (quotes in unquoted cells, "" in quoted ones)', async () => {
    const text = 'عنوان,متن\nگفت "نه",ساده\n"عنوان ""نقل"" شده","دو\nخط"\n';
    const articlesOf = (outcomes: ReadOutcome[]) => outcomes.map((o) => (o.ok ? o.article : o.reason));
    expect(articlesOf(await readLimited(text, 64))).toEqual(articlesOf(await readLimited(text, 1 << 30)));
    expect(where(await readLimited(text, 64))).toEqual(['2 گفت "نه"', '3 عنوان "نقل" شده']);
  });

  it('a header row over the limit ends the file with one reject', async () => {
    const outcomes = await readLimited(`${'ستون,'.repeat(500)}متن\nخبر,متن\n`, 512);
    expect(outcomes).toHaveLength(1);
    expect(!outcomes[0].ok && outcomes[0].reason).toMatch(/^the header row is too large: record too large: /);
  });
});
