import { describe, expect, it } from 'vitest';
import { lowerBound, sortedIndexOf } from './sorted';

describe('binary search over sorted arrays', () => {
  const vocabulary = ['ایران', 'تهران', 'کتاب', 'کتابخانه'].sort();

  it('finds a term of the vocabulary, and where the words it begins start', () => {
    expect(vocabulary[sortedIndexOf(vocabulary, 'کتاب')]).toBe('کتاب');
    expect(vocabulary.slice(lowerBound(vocabulary, 'کتا'), lowerBound(vocabulary, 'کتا\uffff'))).toEqual(['کتاب', 'کتابخانه']);
  });

  it('does not find a term the vocabulary lacks («کتا» only begins words)', () => {
    expect(sortedIndexOf(vocabulary, 'کتا')).toBe(-1);
  });

  it('finds an id in a posting list, and not one between or past its ids', () => {
    const ids = Uint32Array.from([3, 8, 21, 400]);
    expect(sortedIndexOf(ids, 21)).toBe(2);
    expect(sortedIndexOf(ids, 9)).toBe(-1);
    expect(sortedIndexOf(ids, 401)).toBe(-1);
  });
});
