import { describe, expect, it } from 'vitest';
import { median, medianOfRuns, percentileOfSorted, percentiles } from './stats';

describe('percentiles', () => {
  it('takes the nearest rank', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentileOfSorted(v, 0.5)).toBe(50);
    expect(percentileOfSorted(v, 0.95)).toBe(95);
    expect(percentileOfSorted(v, 0.99)).toBe(99);
    expect(percentiles([3, 1, 2]).p50).toBe(2);
    expect(percentiles([3, 1, 2]).max).toBe(3);
    expect(percentiles([]).p50).toBeNaN();
  });

  it('medians runs figure by figure', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const runs = [percentiles([1, 2, 3]), percentiles([10, 20, 30]), percentiles([2, 4, 6])];
    expect(medianOfRuns(runs).p50).toBe(4);
    expect(medianOfRuns(runs).max).toBe(6);
  });
});
