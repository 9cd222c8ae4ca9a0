// The contract with FlexSearch: what the core reads of its internals (the
// strict index's `map`) and what its import takes. A FlexSearch upgrade that
// changes either fails here, before it answers wrongly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFlexIndex, postingsOf } from './flex';
import { flexIndexOf } from './index-data';

const root = path.resolve(import.meta.dirname, '..', '..');
const vocabulary = ['تهران', 'کتاب', 'ملی'];
// Postings: تهران in 0 and 2, کتاب in 1, ملی in 0, 1 and 2.
const index = flexIndexOf(vocabulary, Uint32Array.from([0, 2, 3, 6]), Uint32Array.from([0, 2, 1, 0, 1, 2]), [0, 1, 2]);

describe('FlexSearch, as the core uses it', () => {
  it('is the exact version package.json pins', () => {
    const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies.flexsearch;
    const installed = JSON.parse(readFileSync(path.join(root, 'node_modules', 'flexsearch', 'package.json'), 'utf8')).version;
    expect(pinned).toBe(installed);
  });

  it('keeps the imported postings of a term in its `map`, where postingsOf reads them', () => {
    expect(postingsOf(index, 'تهران')?.map((ids) => [...(ids ?? [])])).toEqual([[0, 2]]);
    expect(postingsOf(index, 'دانشگاه')).toBeUndefined();
  });

  it('answers its own search from the same postings', () => {
    expect(Array.from(index.search('ملی', { limit: 10 }) as number[])).toEqual([0, 1, 2]);
    expect(Array.from(index.search('تهران', { limit: 10 }) as number[])).toEqual([0, 2]);
  });

  it('adds what `add` is given to the same `map` (the builder and the server make one index)', () => {
    const built = createFlexIndex();
    built.add(7, 'کتاب ملی');
    expect(postingsOf(built, 'کتاب')?.map((ids) => [...(ids ?? [])])).toEqual([[7]]);
  });
});
