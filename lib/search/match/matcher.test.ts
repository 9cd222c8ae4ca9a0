import { describe, expect, it } from 'vitest';
import { articleWith } from '../../article';
import { MemoryStore } from '../article-store';
import { buildIndexData } from '../index-data';
import { QueryTooCostlyError } from '../query/cost';
import { TermExpander } from '../query/expand';
import { parseQuery } from '../query/parse';
import { Bm25 } from '../score/bm25';
import { ProximityBonus } from '../score/side-by-side';
import { DEFAULT_WEIGHTS } from '../score/weights';
import { IndexStore } from '../store/index-store';
import { Matcher } from './matcher';
import { PhraseMatcher } from './phrase';

const bodies = { a: 'نرخ تورم و بیکاری', b: 'نرخ ارز', c: 'تورم در بازار', d: 'هوای تهران' };
const articles = Object.entries(bodies).map(([id, body]) => articleWith({ id, title: 'خبر', body: [body] }));
const store = new IndexStore(buildIndexData(articles), new MemoryStore(articles));
const bm25 = new Bm25(store.docLength, store.titleLength, store.size, DEFAULT_WEIGHTS);
const expander = new TermExpander(store, DEFAULT_WEIGHTS.variant);
const phrases = new PhraseMatcher(store, bm25, DEFAULT_WEIGHTS.phrase);
const make = (maxCost?: number) => new Matcher(store, expander, phrases, bm25, new ProximityBonus(store, expander, bm25, DEFAULT_WEIGHTS), maxCost);
const matcher = make();
const ids = (q: string, mode: 'all' | 'any' = 'all', rank = true) => matcher.match(parseQuery(q), mode, { rank }).docs.map((d) => articles[d].id).sort();

describe('Matcher', () => {
  it('with match=all, keeps the articles that have every word', () => {
    expect(ids('نرخ تورم')).toEqual(['a']);
  });

  it('with match=any, keeps the articles that have one', () => {
    expect(ids('نرخ تورم', 'any')).toEqual(['a', 'b', 'c']);
  });

  it('removes the articles of an excluded word', () => {
    expect(ids('نرخ -ارز')).toEqual(['a']);
  });

  it('does not let a stop word decide a match', () => {
    expect(ids('تورم در')).toEqual(['a', 'c']);
  });

  it('matches every article for a query with no words but an exclusion', () => {
    expect(ids('-تهران')).toEqual(['a', 'b', 'c']);
  });

  it('matches the same articles whether or not it ranks them', () => {
    for (const q of ['نرخ تورم', 'تورم در', '"نرخ ارز"', 'نرخ OR تهران']) expect(ids(q, 'any', false)).toEqual(ids(q, 'any'));
  });

  it('scores an article with more of the query higher under match=any', () => {
    const { docs, score } = matcher.match(parseQuery('نرخ تورم'), 'any');
    const best = docs.reduce((a, b) => (score[a] >= score[b] ? a : b));
    expect(articles[best].id).toBe('a');
  });

  it('refuses a query that asks for more work than it allows', () => {
    expect(() => make(2).match(parseQuery('نرخ تورم'), 'any')).toThrow(QueryTooCostlyError);
  });
});
