import { describe, expect, it } from 'vitest';
import type { Article } from '../types';
import { articleWith } from '../article';
import { SearchEngine } from './engine';
import { parseSearchParams } from './params';

const articles: Article[] = [
  articleWith({ id: 'a', title: 'وزیر امور خارجه در تهران', body: ['سفر وزیر'], source: 'ایرنا', jalali: { year: 1384, month: 2, day: 1 }, publishedAt: '2005-04-21T08:00:00Z' }),
  articleWith({ id: 'b', title: 'خبر', body: ['وزیر کشور و امور مالی'], source: 'ایسنا', jalali: { year: 1385, month: 5, day: 3 }, publishedAt: '2006-07-25T08:00:00Z' }),
  articleWith({ id: 'c', title: 'گزارش', body: ['امور خارجه و وزیران'], source: 'ایرنا', jalali: null }),
  articleWith({ id: 'd', title: 'تهران', body: ['هوای تهران'], source: 'ایسنا', jalali: { year: 1386, month: 1, day: 1 }, publishedAt: '2007-03-21T08:00:00Z' }),
];
const engine = SearchEngine.fromArticles(articles);
const params = (raw: Record<string, string>) => parseSearchParams(raw);

describe('SearchEngine.count', () => {
  it('is the total a full search gives, with any filters and match mode', () => {
    for (const raw of [
      { q: 'وزیر' },
      { q: 'وزیر امور', match: 'any' },
      { q: 'وزیر -تهران' },
      { q: '"امور خارجه"', source: 'ایرنا' },
      { q: 'تهران', from: '1385' },
      { q: 'تهران', from: '1385', undated: 'include' },
      { q: '' },
    ] as Record<string, string>[]) {
      expect(engine.count(params(raw))).toBe(engine.search(params(raw)).total);
    }
  });

  it('counts no article a word the archive lacks', () => {
    expect(engine.count(params({ q: 'دانشگاه' }))).toBe(0);
  });
});

describe('SearchEngine.query', () => {
  it('gives the first ids in the search’s order without any text', () => {
    const raw = { q: 'وزیر امور', match: 'any' };
    const collected = engine.query(params(raw), { top: 10 });
    expect(collected.top!.map((d) => articles[d].id)).toEqual(engine.search(params(raw)).results.map((r) => r.id));
    expect(collected.facets).toBeUndefined();
  });

  it('gives the facets only when asked, as the search shows them', () => {
    const raw = { q: 'وزیر', source: 'ایسنا' };
    expect(engine.query(params(raw), { facets: true }).facets).toEqual(engine.search(params(raw)).facets);
  });
});

describe('SearchEngine ranking weights', () => {
  const pair: Article[] = [
    articleWith({ id: 'in-title', title: 'کتاب', body: ['متن کوتاه درباره چیزی دیگر و باز هم چیزی دیگر'] }),
    articleWith({ id: 'in-body', title: 'خبر', body: ['کتاب کتاب'] }),
  ];
  const top = (e: SearchEngine) => e.search(params({ q: 'کتاب' })).results[0].id;

  it('ranks a title word first by default', () => {
    expect(top(SearchEngine.fromArticles(pair))).toBe('in-title');
  });

  it('ranks by the body when the title weight is 0', () => {
    expect(top(SearchEngine.fromArticles(pair, { weights: { title: 0 } }))).toBe('in-body');
  });

  it('refuses a weight outside its range when the engine is made', () => {
    expect(() => SearchEngine.fromArticles(pair, { weights: { k1: 9 } })).toThrow(/ranking weight k1/);
  });
});
