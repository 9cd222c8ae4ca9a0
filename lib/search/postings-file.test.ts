import { describe, expect, it } from 'vitest';
import { createFlexIndex, postingsOf } from './flex';
import {
  PostingsFileError,
  countPostingPart,
  decodePostingPart,
  decodePostingsFlat,
  decodeRegistry,
  encodeFlatPostingParts,
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


describe('postings laid out flat (one ascending list per term, as the builder lays them out)', () => {
  // sample()'s postings: خانه [0, 5], کتاب [0, 2, 300], ملی [0, 2]; نان has none.
  const docs = Uint32Array.from([0, 5, 0, 2, 300, 0, 2]);
  const tfOffsets = Uint32Array.from([0, 2, 5, 7, 7]);

  it('are written as the same parts as FlexSearch’s postings, cut at the same bound', () => {
    const { index, vocabulary } = sample();
    expect(encodeFlatPostingParts(docs, tfOffsets)).toEqual(encodePostingParts(index, vocabulary));
    expect(encodeFlatPostingParts(docs, tfOffsets, 1)).toEqual(encodePostingParts(index, vocabulary, 1));
  });

  it('are read back from the parts at once, at each term’s tf offset', () => {
    const { index, vocabulary } = sample();
    expect(decodePostingsFlat(encodePostingParts(index, vocabulary, 1), tfOffsets)).toEqual(docs);
  });

  it('are not read from parts whose lists do not ascend', () => {
    const index = createFlexIndex();
    index.import('1.map', [['کتاب', [Uint32Array.from([5, 2])]]] as unknown as string);
    expect(decodePostingsFlat(encodePostingParts(index, ['کتاب']), Uint32Array.from([0, 2]))).toBeNull();
  });

  it('have a registry written from the ids alone', () => {
    const { index } = sample();
    expect(encodeRegisteredIds([0, 2, 5, 300])).toEqual(encodeRegistry(index));
  });
});
