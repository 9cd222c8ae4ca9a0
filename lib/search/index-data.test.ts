import { describe, expect, it } from 'vitest';
import { wordCodesOf } from './index-data';

describe('wordCodesOf: word codes by frequency', () => {
  it('gives the most frequent word code 0, and so on down', () => {
    expect([...wordCodesOf(Uint32Array.from([3, 9, 1]))]).toEqual([1, 0, 2]);
  });

  it('orders words of equal frequency by vocabulary id', () => {
    expect([...wordCodesOf(Uint32Array.from([2, 5, 2, 2]))]).toEqual([1, 0, 2, 3]);
  });

  it('codes a term that never occurs as a word last', () => {
    expect([...wordCodesOf(Uint32Array.from([0, 4, 0]))]).toEqual([1, 0, 2]);
  });
});
