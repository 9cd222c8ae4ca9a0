import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/types';
import { BOM, contentDisposition, csvField, csvMetaLine, csvRow, exportFilename, exportMeta, exportRecord, exportStream, jsonlMetaRecord, jsonlRecord } from './format';

const article = (id: string, extra: Partial<Article> = {}): Article => ({
  id,
  title: `عنوان ${id}`,
  body: ['متن'],
  publishedAt: '2021-11-01T23:56:00+03:30',
  jalali: { year: 1400, month: 8, day: 10 },
  source: 'ایرنا',
  tags: ['فرهنگ', 'کتاب'],
  url: 'https://example.ir/1',
  dateline: null,
  agency: null,
  category: null,
  ...extra,
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  // Response.text() would drop the BOM: decode keeping it.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

describe('CSV (RFC 4180)', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvField('ساده')).toBe('ساده');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('گفت "نه"')).toBe('"گفت ""نه"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' lead')).toBe('" lead"');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('keeps a field a spreadsheet would run as a formula as text: a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x","کلیک")')).toBe(`"'=HYPERLINK(""http://x"",""کلیک"")"`);
    expect(csvField('+98 21 1234')).toBe("'+98 21 1234");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
  });

  it('leaves ordinary text that merely holds those characters alone', () => {
    expect(csvField('قیمت = ۱۰۰')).toBe('قیمت = ۱۰۰');
    expect(csvField('a-b')).toBe('a-b');
  });

  it('ends records with CRLF', () => {
    expect(csvRow(['a', null, 'b,c'])).toBe('a,,"b,c"\r\n');
  });
});

describe('export records', () => {
  it('has both dates, tags joined with the Persian comma, the URL', () => {
    expect(exportRecord(article('1'))).toMatchObject({
      id: '1',
      jalali_date: '1400-08-10',
      gregorian_date: '2021-11-01',
      tags: 'فرهنگ، کتاب',
      url: 'https://example.ir/1',
    });
  });

  it('uses the Tehran day for the Gregorian date', () => {
    // 00:30 on 2 Nov in Tehran is still 1 Nov in UTC.
    const r = exportRecord(article('2', { publishedAt: '2021-11-02T00:30:00+03:30', jalali: { year: 1400, month: 8, day: 11 } }));
    expect(r.gregorian_date).toBe('2021-11-02');
  });

  it('writes undated articles with empty dates', () => {
    expect(exportRecord(article('3', { publishedAt: null, jalali: null, url: null }))).toMatchObject({ jalali_date: null, gregorian_date: null, url: null });
  });

  it('keeps the tag list in JSON Lines', () => {
    const line = jsonlRecord(exportRecord(article('1')));
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual({
      id: '1', title: 'عنوان 1', jalali_date: '1400-08-10', gregorian_date: '2021-11-01', source: 'ایرنا', tags: ['فرهنگ', 'کتاب'], url: 'https://example.ir/1', story_id: null,
    });
  });
});

describe('the story column', () => {
  it('names the story of a copy, and is empty for an article in no story', async () => {
    const rows = [article('isna-7'), article('tasnim-2')][Symbol.iterator]();
    const storyOf = (a: Article) => (a.id === 'isna-7' ? 'irna-3' : null);
    const lines = (await readAll(exportStream(rows, 'csv', { storyOf }))).slice(1).split('\r\n');
    expect(lines[1].endsWith(',irna-3')).toBe(true);
    expect(lines[2].endsWith(',')).toBe(true);
    expect(lines[2].endsWith('irna-3')).toBe(false);
  });

  it('says in the # line when a row is a story', () => {
    const meta = exportMeta({ q: 'خبر', match: 'all', sort: 'relevance', from: null, to: null, undated: 'exclude', source: [], tag: [], group: 'story' }, 7, new Date('2026-12-02T06:00:00Z'), null);
    expect(csvMetaLine(meta)).toContain('stories (one row each): 7');
    expect(meta.group).toBe('story');
  });
});

describe('exportStream', () => {
  function* many(n: number, seen: { pulled: number; closed: boolean }) {
    try {
      for (let i = 0; i < n; i++) {
        seen.pulled++;
        yield article(String(i));
      }
    } finally {
      seen.closed = true;
    }
  }

  it('writes a BOM, the header and every row in CSV', async () => {
    const seen = { pulled: 0, closed: false };
    const text = await readAll(exportStream(many(1000, seen), 'csv', { chunk: 100 }));
    expect(text.startsWith(BOM + 'id,title,jalali_date,gregorian_date,source,tags,url,story_id\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n').filter(Boolean)).toHaveLength(1001);
    expect(seen.pulled).toBe(1000);
  });

  it('writes JSON Lines with no BOM and no header', async () => {
    const seen = { pulled: 0, closed: false };
    const text = await readAll(exportStream(many(5, seen), 'jsonl'));
    expect(text.charCodeAt(0)).toBe('{'.charCodeAt(0));
    expect(text.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('pulls rows lazily, one chunk at a time', async () => {
    const seen = { pulled: 0, closed: false };
    const reader = exportStream(many(100_000, seen), 'csv', { chunk: 50 }).getReader();
    await reader.read();
    // The first chunk, and at most one more queued ahead: never the whole result.
    expect(seen.pulled).toBeLessThanOrEqual(100);
    await reader.cancel();
    expect(seen.closed).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(150);
  });

  it('lets other work run between two chunks: a timer set at the start fires before the export ends', async () => {
    const seen = { pulled: 0, closed: false };
    let pulledWhenOthersRan = -1;
    setImmediate(() => (pulledWhenOthersRan = seen.pulled));
    await readAll(exportStream(many(10_000, seen), 'csv', { chunk: 100 }));
    expect(seen.pulled).toBe(10_000);
    // Without the yield the whole export was one run of microtasks and the callback saw all 10,000 rows done.
    expect(pulledWhenOthersRan).toBeGreaterThanOrEqual(0);
    expect(pulledWhenOthersRan).toBeLessThan(1_000);
  });

  it('computes no further rows once the reader cancels while the next chunk waits its turn', async () => {
    const seen = { pulled: 0, closed: false };
    const reader = exportStream(many(100_000, seen), 'jsonl', { chunk: 10 }).getReader();
    await reader.read();
    const pulled = seen.pulled;
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.closed).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(pulled + 10);
  });

  it('stops when the client goes away', async () => {
    const seen = { pulled: 0, closed: false };
    const controller = new AbortController();
    const reader = exportStream(many(100_000, seen), 'jsonl', { chunk: 10, signal: controller.signal }).getReader();
    await reader.read();
    controller.abort();
    expect(seen.closed).toBe(true);
    const rest = await reader.read().then(async function drain(r): Promise<number> {
      return r.done ? 0 : 1 + (await reader.read().then(drain));
    });
    expect(rest).toBeLessThanOrEqual(2);
    expect(seen.pulled).toBeLessThan(100);
  });
});

describe('the download name', () => {
  it('names the query, with an ASCII fallback', () => {
    const name = exportFilename('كتابخانه "ملي"', 'csv', '2024-01-02');
    expect(name.utf8).toBe('kavosh-كتابخانه-ملي-2024-01-02.csv');
    expect(name.ascii).toBe('kavosh-2024-01-02.csv');
    expect(exportFilename('', 'jsonl', '2024-01-02').utf8).toBe('kavosh-2024-01-02.jsonl');
    expect(exportFilename('covid 19', 'csv', 'd').ascii).toBe('kavosh-covid-19-d.csv');
  });

  it('is an attachment with an RFC 5987 name', () => {
    const header = contentDisposition({ ascii: 'kavosh.csv', utf8: 'kavosh-کتاب.csv' });
    expect(header).toBe(`attachment; filename="kavosh.csv"; filename*=UTF-8''${encodeURIComponent('kavosh-کتاب.csv')}`);
  });
});

describe('what an export was counted from', () => {
  const search = { q: 'کتاب\nخانه', match: 'all', sort: 'newest', from: '1400', to: null, undated: 'exclude' as const, source: ['ایسنا'], tag: [] };
  // 2026-12-02 06:00 UTC is 09:30 in Tehran, 1405-09-11.
  const meta = exportMeta(search, 42, new Date('2026-12-02T06:00:00Z'), '2026-12-01T20:00:00.000Z');

  it('gives the export time in Tehran time and as a Jalali day, and the index build time', () => {
    expect(meta.exported_at).toBe('2026-12-02T09:30:00+03:30');
    expect(meta.exported_jalali).toBe('1405-09-11');
    expect(meta.index_built_at).toBe('2026-12-01T20:00:00.000Z');
    expect(meta.total).toBe(42);
  });

  it('opens JSON Lines with one record under a key no article has', () => {
    const record = JSON.parse(jsonlMetaRecord(meta));
    expect(Object.keys(record)).toEqual(['kavosh_export']);
    expect(record.kavosh_export).toMatchObject({ query: 'کتاب\nخانه', from: '1400', source: ['ایسنا'] });
  });

  it('writes the CSV # line as one line, whatever the query holds', () => {
    const line = csvMetaLine(meta);
    expect(line.endsWith('\r\n')).toBe(true);
    expect(line.slice(0, -2)).not.toMatch(/[\r\n]/);
    expect(line).toMatch(/^# Kavosh export; query: کتاب خانه; match: all; sort: newest; from: 1400; source: ایسنا; articles: 42; /);
  });

  it('puts the # line after the BOM and before the header, only when asked', async () => {
    const rows = () => [article('1')][Symbol.iterator]();
    const asked = await readAll(exportStream(rows(), 'csv', { meta, csvMeta: true }));
    expect(asked.startsWith(BOM + '# Kavosh export;')).toBe(true);
    expect(asked.split('\r\n')[1]).toBe('id,title,jalali_date,gregorian_date,source,tags,url,story_id');
    const plain = await readAll(exportStream(rows(), 'csv', { meta }));
    expect(plain.startsWith(BOM + 'id,')).toBe(true);
  });
});
