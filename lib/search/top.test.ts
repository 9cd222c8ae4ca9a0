import { describe, expect, it } from 'vitest';
import { kthLargest, topK } from './top';

describe('topK', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => i);
  const key = ids.map((id) => (id * 7919) % 101); // many ties
  const tie = (a: number, b: number) => a - b;

  it('gives exactly what a full sort gives, ties included', () => {
    const full = [...ids].sort((a, b) => key[b] - key[a] || tie(a, b));
    for (const k of [1, 10, 37, 250, 1000, 2000]) expect(topK(ids, k, key, tie)).toEqual(full.slice(0, k));
  });

  it('handles no ids and k = 0', () => {
    expect(topK([], 10, key, tie)).toEqual([]);
    expect(topK(ids, 0, key, tie)).toEqual([]);
  });
});

describe('kthLargest', () => {
  it('finds the k-th largest value', () => {
    expect(kthLargest(Float64Array.from([5, 1, 9, 3, 7]), 2)).toBe(7);
    expect(kthLargest(Float64Array.from([2, 2, 2]), 3)).toBe(2);
  });
});
