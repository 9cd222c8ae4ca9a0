import { describe, expect, it } from 'vitest';
import { radixSort } from './radix';

/** A seeded xorshift stream of uint32s: the same values every run. */
function values(n: number, seed = 2463534242): Uint32Array {
  const out = new Uint32Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x >>> 0;
  }
  return out;
}

describe('radixSort', () => {
  it('sorts hashes above 2^31 as unsigned numbers, as a comparison sort does', () => {
    const v = values(5000);
    const expected = Array.from(v).sort((a, b) => a - b);
    radixSort(v);
    expect(Array.from(v)).toEqual(expected);
  });

  it('sorts short arrays too (the insertion sort below 33 values)', () => {
    const v = Uint32Array.from([4294967295, 0, 2147483648, 7, 7, 1]);
    radixSort(v);
    expect(Array.from(v)).toEqual([0, 1, 7, 7, 2147483648, 4294967295]);
  });

  it('moves the payload with its value and keeps equal values in their order (stable)', () => {
    const keys = Uint32Array.from({ length: 100 }, (_, i) => (2 - (i % 3)) * 0x70000000);
    const docs = Uint32Array.from({ length: 100 }, (_, i) => i);
    radixSort(keys, docs, { values: new Uint32Array(200), payload: new Uint32Array(200) });
    // Key 0 is every third article from 2, then 0x70000000 from 1, then 0xe0000000 from 0.
    const expected = [2, 1, 0].flatMap((r) => Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 3 === r));
    expect(Array.from(docs)).toEqual(expected);
    expect(Array.from(keys)).toEqual(expected.map((i) => (2 - (i % 3)) * 0x70000000));
  });
});
