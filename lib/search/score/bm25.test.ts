import { describe, expect, it } from 'vitest';
import { TF_TITLE } from '../index-data';
import { Bm25, idf } from './bm25';
import { DEFAULT_WEIGHTS } from './weights';

// Three articles: 10 words each, titles of 2, 2 and 8 words.
const bm25 = new Bm25([10, 10, 10], [2, 2, 8], 3, DEFAULT_WEIGHTS);

describe('BM25', () => {
  it('weighs a rare term above a common one, and a term in every article above zero', () => {
    expect(idf(100, 1)).toBeGreaterThan(idf(100, 50));
    expect(idf(100, 100)).toBeGreaterThan(0);
  });

  it('grows with a term’s count, less with each occurrence', () => {
    const one = bm25.tfPart(0, 1);
    const two = bm25.tfPart(0, 2);
    const three = bm25.tfPart(0, 3);
    expect(two).toBeGreaterThan(one);
    expect(three - two).toBeLessThan(two - one);
  });

  it('adds the title boost for a title word, more for a short title than a long one', () => {
    expect(bm25.tfPart(0, 1 | TF_TITLE)).toBeGreaterThan(bm25.tfPart(0, 1));
    expect(bm25.tfPart(0, 1 | TF_TITLE) - bm25.tfPart(0, 1)).toBeGreaterThan(bm25.tfPart(2, 1 | TF_TITLE) - bm25.tfPart(2, 1));
  });

  it('adds nothing for the title when its weight is 0', () => {
    const flat = new Bm25([10, 10, 10], [2, 2, 8], 3, { ...DEFAULT_WEIGHTS, title: 0 });
    expect(flat.tfPart(0, 1 | TF_TITLE)).toBe(flat.tfPart(0, 1));
  });
});
