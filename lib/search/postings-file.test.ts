import { describe, expect, it } from 'vitest';
import { createFlexIndex, postingsOf } from './flex';
import {
  PostingsFileError,
  appendPostingParts,
  countPostingPart,
  decodePostingPart,
  decodeRegistry,
  encodePostingParts,
  encodeRegisteredIds,
  encodeRegistry,
  registeredIds,
} from './postings-file';
import { importOnDemand } from './flex';

function sample() {
  const index = createFlexIndex();
  index.add(0, 'کتاب خانه ملی');
  index.add(2, 'کتاب ملی');
  index.add(5, 'خانه');
  index.add(300, 'کتاب');
  return { index, vocabulary: ['خانه', 'کتاب', 'ملی', 'نان'] };
}

/** Posting lists as plain arrays, whatever array kind holds them. */
const lists = (index: ReturnType<typeof createFlexIndex>, term: string) => postingsOf(index, term)?.map((ids) => Array.from(ids ?? []));

function reload(parts: Uint8Array[], reg: Uint8Array, vocabulary: string[]) {
  const index = createFlexIndex();
  const counts = new Uint32Array(vocabulary.length);
  index.import('1.reg', decodeRegistry(reg) as unknown as string);
  for (const part of parts) index.import('1.map', decodePostingPart(part, vocabulary, counts) as unknown as string);
  return { index, counts };
}

describe('FlexSearch postings in varint parts', () => {
  it('read back as the same posting lists, in FlexSearch’s order', () => {
    const { index, vocabulary } = sample();
    const { index: copy } = reload(encodePostingParts(index, vocabulary), encodeRegistry(index), vocabulary);
    for (const term of vocabulary) expect(lists(copy, term)).toEqual(lists(index, term));
    expect(lists(copy, 'کتاب')).toEqual([[0, 2, 300]]);
  });

  it('count each term’s postings, by vocabulary id, for the tf offsets (a term without postings counts 0)', () => {
    const { index, vocabulary } = sample();
    const { counts } = reload(encodePostingParts(index, vocabulary), encodeRegistry(index), vocabulary);
    expect([...counts]).toEqual([2, 3, 2, 0]);
  });

  it('cut parts at the byte bound, and the parts together hold every term', () => {
    const { index, vocabulary } = sample();
    const parts = encodePostingParts(index, vocabulary, 1);
    expect(parts).toHaveLength(3);
    const { index: copy } = reload(parts, encodeRegistry(index), vocabulary);
    for (const term of vocabulary) expect(lists(copy, term)).toEqual(lists(index, term));
  });

  it('keep FlexSearch’s registry of article ids', () => {
    const { index } = sample();
    expect(decodeRegistry(encodeRegistry(index))).toEqual(registeredIds(index));
    expect(registeredIds(index)).toEqual([0, 2, 5, 300]);
  });

  it('refuse a part that names a term the vocabulary does not have', () => {
    const { index, vocabulary } = sample();
    const [part] = encodePostingParts(index, vocabulary);
    expect(() => decodePostingPart(part, vocabulary.slice(0, 1), new Uint32Array(1))).toThrow(PostingsFileError);
  });

  it('count each term’s postings from the sizes alone, and name the part’s first and last terms', () => {
    const { index, vocabulary } = sample();
    const parts = encodePostingParts(index, vocabulary, 1);
    const counts = new Uint32Array(vocabulary.length);
    expect(parts.map((part) => countPostingPart(part, vocabulary.length, counts))).toEqual([
      { first: 0, last: 0 },
      { first: 1, last: 1 },
      { first: 2, last: 2 },
    ]);
    expect([...counts]).toEqual([2, 3, 2, 0]);
  });

  it('import a part only when one of its terms is first asked for', () => {
    const { index, vocabulary } = sample();
    const parts = encodePostingParts(index, vocabulary, 1);
    const copy = createFlexIndex();
    const loaded: number[] = [];
    importOnDemand(copy, (term) => {
      const p = vocabulary.indexOf(term);
      if (p < 0 || p >= parts.length || loaded.includes(p)) return;
      loaded.push(p);
      copy.import('1.map', decodePostingPart(parts[p], vocabulary, null) as unknown as string);
    });
    expect(lists(copy, 'کتاب')).toEqual([[0, 2, 300]]);
    expect(loaded).toEqual([1]);
    expect(postingsOf(copy, 'نان')).toBeUndefined();
  });
});


describe('appendPostingParts: the previous parts with ids added after each term’s', () => {
  it('writes what encodePostingParts writes for the extended postings, a new term sorted in, cut at the same bound', () => {
    const { index, vocabulary } = sample();
    // Article 301 has کتاب and the new term «زلزله», which sorts between خانه and کتاب.
    const extended = createFlexIndex();
    for (const [id, text] of [[0, 'کتاب خانه ملی'], [2, 'کتاب ملی'], [5, 'خانه'], [300, 'کتاب'], [301, 'زلزله کتاب']] as const) extended.add(id, text);
    const after = ['خانه', 'زلزله', 'کتاب', 'ملی'];
    // Per new term, the ids it gains: none, [301], [301], none.
    const added = Uint32Array.from([301, 301]);
    const addedOffsets = Uint32Array.from([0, 0, 1, 2, 2]);
    const previous = encodePostingParts(index, vocabulary, 1);
    expect(appendPostingParts(previous, Uint32Array.from([0, 2, 3]), added, addedOffsets, 1)).toEqual(encodePostingParts(extended, after, 1));
    expect(appendPostingParts(previous, Uint32Array.from([0, 2, 3]), added, addedOffsets)).toEqual(encodePostingParts(extended, after));
  });

  it('refuses parts that hold other terms than the vocabulary says', () => {
    const { index, vocabulary } = sample();
    const previous = encodePostingParts(index, vocabulary);
    expect(() => appendPostingParts(previous, Uint32Array.from([0, 1]), new Uint32Array(0), new Uint32Array(3))).toThrow(PostingsFileError);
  });

  it('has a registry written from the ids alone', () => {
    const { index } = sample();
    expect(encodeRegisteredIds([0, 2, 5, 300])).toEqual(encodeRegistry(index));
  });
});
