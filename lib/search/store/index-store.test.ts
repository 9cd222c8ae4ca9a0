import { describe, expect, it } from 'vitest';
import { articleWith } from '../../article';
import { MemoryStore } from '../article-store';
import { buildIndexData } from '../index-data';
import { varintBytes } from '../varint';
import { IndexStore } from './index-store';

const articles = [
  articleWith({ id: 'a', title: 'وزیر امور خارجه', body: ['سفر وزیر به تهران'] }),
  articleWith({ id: 'b', title: 'خبر', body: ['امور خارجه و وزیر'] }),
];
const store = new IndexStore(buildIndexData(articles), new MemoryStore(articles));
const code = (term: string) => store.wordCode(store.termId(term));

describe('IndexStore', () => {
  it('finds a term by its analyzed form and says when it is absent', () => {
    expect(store.termId('وزیر')).toBeGreaterThanOrEqual(0);
    expect(store.termId('وزیران')).toBe(-1);
    expect(store.documentFrequency(-1)).toBe(0);
  });

  it('counts the articles of a term and lists them in its postings', () => {
    const id = store.termId('وزیر');
    expect(store.documentFrequency(id)).toBe(2);
    expect(store.postings(id).flatMap((ids) => [...(ids ?? [])])).toEqual([0, 1]);
  });

  it('gives the range of terms a prefix begins, and no term beyond it', () => {
    const [from, to] = store.termsBeginning('خار');
    expect(store.vocabulary.slice(from, to)).toEqual(['خارجه']);
    const [none, end] = store.termsBeginning('خارج‌ز');
    expect(end - none).toBe(0);
  });

  it('finds words one after another in the article, and in its title only when asked', () => {
    const pattern = varintBytes([code('امور'), code('خارجه')]);
    expect(store.sequenceAt(0, pattern, true)).toBeGreaterThan(0);
    // «امور خارجه» is in b's body, not its title.
    expect(store.sequenceAt(1, pattern, false)).toBeGreaterThan(0);
    expect(store.sequenceAt(1, pattern, true)).toBe(-1);
    // Not in the other order.
    expect(store.sequenceAt(0, varintBytes([code('خارجه'), code('امور')]), false)).toBe(-1);
  });

  it('reads an article’s words, title first', () => {
    const out = { values: new Uint32Array(1) };
    const n = store.wordsOf(1, out);
    expect([...out.values.subarray(0, n)]).toEqual(['خبر', 'امور', 'خارجه', 'و', 'وزیر'].map(code));
  });
});
