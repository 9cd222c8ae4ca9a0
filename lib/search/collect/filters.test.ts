import { describe, expect, it } from 'vitest';
import type { Article } from '../../types';
import { articleWith } from '../../article';
import { metaOf } from '../article-store';
import { FacetField } from '../facet-field';
import { parseSearchParams } from '../params';
import { ArticleDates } from './article-dates';
import { filterAndCount, filterMatches, resolveFilters, type FacetFields } from './filters';

const articles: Article[] = [
  articleWith({ id: 'a', title: 't', body: ['b'], source: 'ایرنا', tags: ['سیاسی'], jalali: { year: 1384, month: 3, day: 1 } }),
  articleWith({ id: 'b', title: 't', body: ['b'], source: 'ایسنا', tags: ['سیاسی'], jalali: { year: 1385, month: 7, day: 9 } }),
  articleWith({ id: 'c', title: 't', body: ['b'], source: 'ايرنا', tags: ['ورزشی'], jalali: null }),
  articleWith({ id: 'd', title: 't', body: ['b'], source: 'ایسنا', tags: [], jalali: { year: 1385, month: 1, day: 2 } }),
];
const meta = metaOf(articles);
const fields: FacetFields = {
  dates: new ArticleDates(meta, articles.length),
  sources: new FacetField(meta.sources.map((s) => (s ? [s] : []))),
  tags: new FacetField(meta.tags),
};
const all = [0, 1, 2, 3];
const run = (raw: Record<string, string | string[]>) => {
  const params = parseSearchParams(raw);
  return filterAndCount([...all], resolveFilters(params, fields), fields, params.more);
};
const ids = (docs: number[]) => docs.map((d) => articles[d].id).sort();

describe('filterAndCount', () => {
  it('counts every match everywhere when nothing is filtered, undated apart', () => {
    const { hits, facets } = run({ q: '' });
    expect(ids(hits)).toEqual(['a', 'b', 'c', 'd']);
    expect(facets.jalaliYears).toEqual([{ year: 1384, count: 1 }, { year: 1385, count: 2 }]);
    expect(facets.undated).toBe(1);
    // «ايرنا» with an Arabic yeh is «ایرنا».
    expect(facets.sources).toEqual([{ value: 'ایرنا', count: 2 }, { value: 'ایسنا', count: 2 }]);
  });

  it('counts a facet over every filter but its own', () => {
    const { hits, facets } = run({ q: '', source: 'ایسنا' });
    expect(ids(hits)).toEqual(['b', 'd']);
    expect(facets.sources).toEqual([{ value: 'ایرنا', count: 2 }, { value: 'ایسنا', count: 2 }]);
    expect(facets.tags).toEqual([{ value: 'سیاسی', count: 1 }]);
  });

  it('leaves undated articles out of a date filter unless asked, and counts them either way', () => {
    expect(ids(run({ q: '', from: '1385' }).hits)).toEqual(['b', 'd']);
    expect(ids(run({ q: '', from: '1385', undated: 'include' }).hits)).toEqual(['b', 'c', 'd']);
    expect(run({ q: '', from: '1385' }).facets.undated).toBe(1);
  });

  it('counts months only inside the years of the date filter', () => {
    const { facets } = run({ q: '', from: '1385' });
    expect(facets.jalaliMonths).toEqual([{ year: 1385, month: 1, count: 1 }, { year: 1385, month: 7, count: 1 }]);
    expect(facets.jalaliYears).toEqual([{ year: 1384, count: 1 }, { year: 1385, count: 2 }]);
  });
});

describe('filterMatches', () => {
  it('keeps the same articles as the pass that counts facets', () => {
    for (const raw of [{ q: '' }, { q: '', source: 'ايرنا' }, { q: '', tag: 'سیاسی', from: '1385' }, { q: '', to: '1384', undated: 'include' }]) {
      const params = parseSearchParams(raw);
      const filters = resolveFilters(params, fields);
      expect(ids(filterMatches([...all], filters, fields))).toEqual(ids(filterAndCount([...all], filters, fields, []).hits));
    }
  });
});
