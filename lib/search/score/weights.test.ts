import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, rankingWeights } from './weights';

describe('rankingWeights', () => {
  it('is the documented defaults when nothing changes', () => {
    expect(rankingWeights()).toEqual({ k1: 1.2, b: 0.75, title: 1, variant: 0.8, phrase: 1.5, adjacentTitle: 1.5, adjacentBody: 0.5, proximityTop: 200 });
  });

  it('takes a change over the defaults', () => {
    expect(rankingWeights({ title: 0 })).toEqual({ ...DEFAULT_WEIGHTS, title: 0 });
  });

  it('refuses a weight outside its range, naming it', () => {
    expect(() => rankingWeights({ b: 1.5 })).toThrow(/ranking weight b: expected a number from 0 to 1, got 1.5/);
    expect(() => rankingWeights({ k1: Number.NaN })).toThrow(/k1/);
  });
});
