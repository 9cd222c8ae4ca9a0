// Nothing leaves a count without the answer saying so: undated articles under a
// date filter, and the sources and tags beyond the top 20.
import { describe, expect, it } from 'vitest';
import type { Article, JalaliDate } from '../types';
import { articleWith } from '../article';
import { toPersianDigits } from '../digits';
import { SearchEngine } from './engine';
import { parseSearchParams } from './params';

function dated(id: string, title: string, source: string, jalali: JalaliDate | null, publishedAt: string | null, tags: string[] = []): Article {
  return articleWith({ id, title, body: [title + '.'], source, jalali, publishedAt, tags });
}

describe('SearchEngine.search: undated articles', () => {
  const e = SearchEngine.fromArticles([
    dated('d1', 'سیل در خوزستان', 'ایرنا', { year: 1401, month: 1, day: 5 }, '2022-03-25T09:00:00+04:30', ['سیل']),
    dated('d2', 'سیل در گلستان', 'ایسنا', { year: 1402, month: 3, day: 10 }, '2023-05-31T09:00:00+03:30', ['سیل']),
    dated('u1', 'سیل در سیستان', 'ایرنا', null, null, ['سیل']),
    dated('u2', 'زلزله در کرمان', 'ایسنا', null, null, ['زلزله']),
  ]);
  const run = (query: Record<string, string>) => e.search(parseSearchParams({ size: '100', ...query }));
  const ids = (query: Record<string, string>) => run(query).results.map((r) => r.id);

  it('counts the matches that have no date', () => {
    expect(run({}).facets.undated).toBe(2);
    expect(run({ q: 'سیل ' }).facets.undated).toBe(1);
    expect(run({ q: 'خوزستان ' }).facets.undated).toBe(0);
  });

  it('counts undated matches over the source and tag filters', () => {
    expect(run({ source: 'ایرنا' }).facets.undated).toBe(1);
    expect(run({ tag: 'زلزله' }).facets.undated).toBe(1);
    expect(run({ source: 'ایرنا', tag: 'زلزله' }).facets.undated).toBe(0);
  });

  it('leaves undated articles out of a date filter by default, and still counts them', () => {
    const r = run({ from: '1401', to: '1402' });
    expect(r.results.map((x) => x.id).sort()).toEqual(['d1', 'd2']);
    expect(r.total).toBe(2);
    expect(r.facets.undated).toBe(2);
  });

  it('keeps undated articles in a date filter with undated=include, after the dated ones by date', () => {
    expect(ids({ from: '1402', undated: 'include', sort: 'newest' })).toEqual(['d2', 'u1', 'u2']);
    expect(run({ q: 'سیل ', from: '1402', undated: 'include' }).total).toBe(2);
  });

  it('keeps only the undated articles the other filters keep', () => {
    expect(ids({ from: '1401', undated: 'include', source: 'ایسنا' })).toEqual(['d2', 'u2']);
  });

  it('changes nothing without a date filter', () => {
    expect(ids({ undated: 'include' })).toEqual(ids({}));
  });

  it('does not count undated articles in the year facet, with or without undated=include', () => {
    const years = [{ year: 1401, count: 1 }, { year: 1402, count: 1 }];
    expect(run({ from: '1402', undated: 'include' }).facets.jalaliYears).toEqual(years);
    expect(run({ from: '1402' }).facets.jalaliYears).toEqual(years);
  });

  it('exports the undated articles a date filter keeps, and not the others', () => {
    expect([...e.allMatches(parseSearchParams({ from: '1402', undated: 'include' }))].map((a) => a.id)).toEqual(['d2', 'u1', 'u2']);
    expect([...e.allMatches(parseSearchParams({ from: '1402' }))].map((a) => a.id)).toEqual(['d2']);
  });
});

describe('SearchEngine.search: every source and tag', () => {
  // Source n (1..25) has 26 - n articles, so «منبع ۲۱» is the 21st with 5; each article's tag is its source's.
  const archive: Article[] = [];
  for (let n = 1; n <= 25; n++) {
    for (let k = 0; k < 26 - n; k++) {
      const name = toPersianDigits(String(n));
      archive.push(dated(`s${n}-${k}`, k === 0 ? 'گزارش ویژه' : 'خبر کوتاه', `منبع ${name}`, null, null, [`برچسب ${name}`]));
    }
  }
  const e = SearchEngine.fromArticles(archive);
  const run = (query: Record<string, string | string[]>) => e.search(parseSearchParams(query));

  it('lists the top 20 by default and says how many there are', () => {
    const { facets } = run({});
    expect(facets.sources).toHaveLength(20);
    expect(facets.sources.map((s) => s.value)).not.toContain('منبع ۲۱');
    expect(facets.sourceValues).toBe(25);
    expect(facets.tags).toHaveLength(20);
    expect(facets.tagValues).toBe(25);
  });

  it('lists a 21st source on request (more=source) with its exact count', () => {
    const { facets } = run({ more: 'source' });
    expect(facets.sources).toHaveLength(25);
    expect(facets.sources[20]).toEqual({ value: 'منبع ۲۱', count: 5 });
    expect(facets.sources.reduce((n, s) => n + s.count, 0)).toBe(archive.length);
    expect(facets.tags).toHaveLength(20);
  });

  it('lists every tag on request (more=tag), and the sources stay at 20', () => {
    const { facets } = run({ more: 'tag' });
    expect(facets.tags).toHaveLength(25);
    expect(facets.tags.at(-1)).toEqual({ value: 'برچسب ۲۵', count: 1 });
    expect(facets.sources).toHaveLength(20);
  });

  it('counts only the values the matches have', () => {
    const { facets } = run({ q: 'گزارش ', more: 'source' });
    expect(facets.sourceValues).toBe(25);
    expect(facets.sources.every((s) => s.count === 1)).toBe(true);
    expect(run({ tag: 'برچسب ۲۴' }).facets.sourceValues).toBe(1);
  });

  it('lists a selected source beyond the top 20 with its count', () => {
    const { facets, total } = run({ source: 'منبع ۲۳' });
    expect(total).toBe(3);
    expect(facets.sources).toHaveLength(21);
    expect(facets.sources.at(-1)).toEqual({ value: 'منبع ۲۳', count: 3 });
  });
});
