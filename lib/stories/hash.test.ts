import { describe, expect, it } from 'vitest';
import { hash32, oneHashMinHash, shingleHash, sortedDistinct } from './hash';

const SEED = 0x4b61766f;
/** Distinct pseudo-random 5-gram hashes: the hashes of the strings `${prefix}${i}`. */
const grams = (prefix: string, n: number) => sortedDistinct(Uint32Array.from({ length: n }, (_, i) => hash32(prefix + i, SEED)));
const agreeing = (a: Uint32Array, b: Uint32Array) => a.reduce((c, v, i) => c + (v === b[i] ? 1 : 0), 0) / a.length;

describe('shingleHash', () => {
  it('depends on the order of the five words', () => {
    const w = ['وزیر', 'امور', 'خارجه', 'ایران', 'گفت'].map((t) => hash32(t, SEED));
    const swapped = [w[1], w[0], w[2], w[3], w[4]];
    expect(shingleHash(w, 0, 5, SEED)).not.toBe(shingleHash(swapped, 0, 5, SEED));
    expect(shingleHash([0, ...w], 1, 5, SEED)).toBe(shingleHash(w, 0, 5, SEED));
  });
});

describe('oneHashMinHash', () => {
  it('gives one text the same signature, whatever order its 5-grams come in', () => {
    const g = grams('الف', 300);
    expect(Array.from(oneHashMinHash(g.slice().reverse(), 128, SEED))).toEqual(Array.from(oneHashMinHash(g, 128, SEED)));
  });

  it('fills every bin of a short text from its own 5-grams (densification), so no bin is left empty', () => {
    const g = grams('ب', 12);
    const sig = oneHashMinHash(g, 128, SEED);
    expect(sig.every((v) => v !== 0xffffffff)).toBe(true);
  });

  it('leaves a text with no 5-grams all empty: it collides with nothing but another empty one', () => {
    expect(oneHashMinHash(new Uint32Array(0), 8, SEED).every((v) => v === 0xffffffff)).toBe(true);
  });

  it('agrees in about the share of bins that the Jaccard similarity says, and far less for unrelated texts', () => {
    // 300 shared 5-grams and 100 of each own: Jaccard 300/500 = 0.6.
    const shared = grams('ج', 300);
    const a = sortedDistinct(Uint32Array.from([...shared, ...grams('د', 100)]));
    const b = sortedDistinct(Uint32Array.from([...shared, ...grams('ه', 100)]));
    const similar = agreeing(oneHashMinHash(a, 128, SEED), oneHashMinHash(b, 128, SEED));
    expect(similar).toBeGreaterThan(0.45);
    expect(similar).toBeLessThan(0.75);
    expect(agreeing(oneHashMinHash(grams('و', 400), 128, SEED), oneHashMinHash(grams('ز', 400), 128, SEED))).toBeLessThan(0.05);
  });
});
