import { describe, expect, it } from 'vitest';
import { averagePrecision, mean, ndcgAt, precisionAt, rankOf, reciprocalRank, successAt } from './metrics';

// A run of 5 ids; d1, d3 and d9 are relevant (d9 is never retrieved).
const RUN = ['d1', 'd2', 'd3', 'd4', 'd5'];
const REL = new Set(['d1', 'd3', 'd9']);

describe('averagePrecision', () => {
  it('averages precision at each relevant hit over all relevant documents', () => {
    // (1/1 + 2/3) / 3 = 0.5556
    expect(averagePrecision(RUN, REL)).toBeCloseTo((1 + 2 / 3) / 3, 10);
  });

  it('is 1 for a run that lists exactly the relevant documents first', () => {
    expect(averagePrecision(['d1', 'd3', 'd9', 'd2'], REL)).toBe(1);
  });

  it('is 0 when no relevant document is retrieved', () => {
    expect(averagePrecision(['d2', 'd4'], REL)).toBe(0);
  });

  it('is 0 when the query has no relevant document', () => {
    expect(averagePrecision(RUN, new Set())).toBe(0);
  });
});

describe('precisionAt', () => {
  it('counts relevant documents in the first k', () => {
    expect(precisionAt(2, RUN, REL)).toBe(0.5);
  });

  it('divides by k even when the run is shorter', () => {
    // 2 relevant in 5 retrieved, k = 10
    expect(precisionAt(10, RUN, REL)).toBe(0.2);
  });
});

describe('ndcgAt', () => {
  it('discounts by log2(rank + 1) against the ideal of the qrels count', () => {
    // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal (3 relevant) = 1 + 1/log2(3) + 1/2 = 2.1309
    expect(ndcgAt(10, RUN, REL)).toBeCloseTo(1.5 / (1 + 1 / Math.log2(3) + 0.5), 10);
    expect(ndcgAt(10, RUN, REL)).toBeCloseTo(0.70393, 4);
  });

  it('caps the ideal at k relevant documents', () => {
    // k = 1: DCG = 1, ideal = 1
    expect(ndcgAt(1, RUN, REL)).toBe(1);
  });

  it('is 0 when nothing is relevant', () => {
    expect(ndcgAt(10, RUN, new Set())).toBe(0);
  });
});

describe('known-item measures', () => {
  it('rankOf is 1-based', () => {
    expect(rankOf('d3', RUN)).toBe(3);
  });

  it('rankOf is 0 when the target is absent', () => {
    expect(rankOf('d9', RUN)).toBe(0);
  });

  it('rankOf ignores hits past the limit', () => {
    expect(rankOf('d5', RUN, 4)).toBe(0);
  });

  it('successAt is 1 when the target is within the first k', () => {
    expect(successAt(3, 'd3', RUN)).toBe(1);
  });

  it('successAt is 0 when the target is beyond the first k', () => {
    expect(successAt(2, 'd3', RUN)).toBe(0);
  });

  it('reciprocalRank is 1/rank', () => {
    expect(reciprocalRank('d4', RUN)).toBe(0.25);
  });

  it('reciprocalRank is 0 when the target is absent', () => {
    expect(reciprocalRank('d9', RUN)).toBe(0);
  });

  it('reciprocalRank counts only the first 1,000 by default', () => {
    const long = Array.from({ length: 1001 }, (_, i) => `x${i}`);
    expect(reciprocalRank('x1000', long)).toBe(0);
    expect(reciprocalRank('x999', long)).toBe(1 / 1000);
  });

});

describe('mean', () => {
  it('averages the values', () => {
    expect(mean([1, 0, 0.5])).toBe(0.5);
  });

  it('is 0 for no values', () => {
    expect(mean([])).toBe(0);
  });
});
