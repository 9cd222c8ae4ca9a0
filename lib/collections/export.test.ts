import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { byDate, citationList, collectionCsv, collectionJsonl, exportFileName } from './export';
import { bookmark } from './fixtures-for-tests';

const items = [
  bookmark('n2', { title: 'دومی', jalaliDate: '1402-03-12', publishedAt: '2023-06-02T09:00:00+03:30', note: 'سطر یک\nسطر دو، با ویرگول', tags: ['آب', 'خراسان'] }),
  bookmark('n0', { title: 'بی‌تاریخ', jalaliDate: null, publishedAt: null, source: null, url: null }),
  bookmark('n1', { title: 'یکمی', jalaliDate: '1402-03-10', publishedAt: '2023-05-31T10:00:00+03:30', note: '=SUM(A1)' }),
];

describe('collection exports', () => {
  it('writes CSV with a BOM that reads back to the same notes and tags', () => {
    const csv = collectionCsv(items, { missing: new Set(['n0']), present: new Set(['n1', 'n2']) });
    expect(csv.startsWith('\uFEFFid,title,')).toBe(true);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.id, r.note, r.tags, r.in_index])).toEqual([
      ['n2', 'سطر یک\nسطر دو، با ویرگول', 'آب، خراسان', 'true'],
      ['n0', '', '', 'false'],
      // A note a spreadsheet would run as a formula is written as text.
      ['n1', "'=SUM(A1)", '', 'true'],
    ]);
    expect(rows[0].gregorian_date).toBe('2023-06-02');
  });

  it('fills the text column only when full text was fetched', () => {
    const without = parse(collectionCsv(items).slice(1), { columns: true }) as Record<string, string>[];
    expect(without.every((r) => r.text === '')).toBe(true);
    const withText = parse(collectionCsv(items, { texts: new Map([['n1', ['بند یک', 'بند دو']]]) }).slice(1), { columns: true }) as Record<string, string>[];
    expect(withText.find((r) => r.id === 'n1')?.text).toBe('بند یک\n\nبند دو');
  });

  it('writes one JSON object a line, with the tags as a list and unknown presence as null', () => {
    const lines = collectionJsonl({ name: 'الف' }, items).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ collection: 'الف', id: 'n2', tags: ['آب', 'خراسان'], in_index: null });
    expect(lines[0]).not.toHaveProperty('text');
  });

  it('orders citations by date, oldest first, undated last, one a line in the article page format', () => {
    expect(byDate(items).map((b) => b.id)).toEqual(['n1', 'n2', 'n0']);
    expect(citationList(items).split('\n')).toEqual([
      'ایرنا، «یکمی»، ۱۰ خرداد ۱۴۰۲ (2023-05-31)، https://example.com/n1',
      'ایرنا، «دومی»، ۱۲ خرداد ۱۴۰۲ (2023-06-02)، https://example.com/n2',
      '«بی‌تاریخ»، بی‌تاریخ',
      '',
    ]);
  });

  it('makes a file name a file system takes from a Persian collection name', () => {
    expect(exportFileName('خشکسالی / ۱۴۰۲: خراسان', 'csv')).toBe('kavosh-خشکسالی-۱۴۰۲-خراسان.csv');
  });
});
