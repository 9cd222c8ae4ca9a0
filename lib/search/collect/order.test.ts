import { describe, expect, it } from 'vitest';
import { articleWith } from '../../article';
import { metaOf } from '../article-store';
import { ArticleDates } from './article-dates';
import { ordered } from './order';

const dates = new ArticleDates(
  metaOf([
    articleWith({ id: 'old', title: 't', body: [], publishedAt: '2005-01-01T00:00:00Z' }),
    articleWith({ id: 'new', title: 't', body: [], publishedAt: '2020-01-01T00:00:00Z' }),
    articleWith({ id: 'undated', title: 't', body: [], publishedAt: null }),
    articleWith({ id: 'mid', title: 't', body: [], publishedAt: '2010-01-01T00:00:00Z' }),
  ]),
  4,
);
const all = [0, 1, 2, 3];

describe('ordered', () => {
  it('ranks by score, ties newer first', () => {
    const score = Float64Array.from([2, 1, 3, 2]);
    expect(ordered(all, 4, 'relevance', score, dates)).toEqual([2, 3, 0, 1]);
  });

  it('orders by date with undated articles last, either way', () => {
    expect(ordered(all, 4, 'newest', null, dates)).toEqual([1, 3, 0, 2]);
    expect(ordered(all, 4, 'oldest', null, dates)).toEqual([0, 3, 1, 2]);
  });

  it('is newest first for relevance without scores (a query with no words)', () => {
    expect(ordered(all, 2, 'relevance', null, dates)).toEqual([1, 3]);
  });
});
