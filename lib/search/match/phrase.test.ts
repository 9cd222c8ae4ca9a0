import { describe, expect, it } from 'vitest';
import { articleWith } from '../../article';
import { MemoryStore } from '../article-store';
import { buildIndexData } from '../index-data';
import { Bm25 } from '../score/bm25';
import { DEFAULT_WEIGHTS } from '../score/weights';
import { IndexStore } from '../store/index-store';
import { PhraseMatcher } from './phrase';

const articles = [
  articleWith({ id: 'title', title: 'وزیر امور خارجه', body: ['سفر به تهران'] }),
  articleWith({ id: 'body', title: 'خبر', body: ['سخنان وزیر امور خارجه'] }),
  articleWith({ id: 'scattered', title: 'خبر', body: ['امور کشور و وزیر و خارجه'] }),
  articleWith({ id: 'apart', title: 'بین المللی', body: ['همایش بین المللی'] }),
];
const store = new IndexStore(buildIndexData(articles), new MemoryStore(articles));
const bm25 = new Bm25(store.docLength, store.titleLength, store.size, DEFAULT_WEIGHTS);
const phrases = new PhraseMatcher(store, bm25, DEFAULT_WEIGHTS.phrase);
const found = (terms: string[], titleOnly = false) => phrases.matches(terms, titleOnly).map(([d]) => articles[d].id).sort();

describe('PhraseMatcher', () => {
  it('finds the words one after another, in the title or the body', () => {
    expect(found(['وزیر', 'امور', 'خارجه'])).toEqual(['body', 'title']);
  });

  it('does not find the words scattered or in another order', () => {
    expect(found(['خارجه', 'امور'])).toEqual([]);
    expect(found(['وزیر', 'خارجه'])).toEqual([]);
  });

  it('keeps to the title when asked', () => {
    expect(found(['امور', 'خارجه'], true)).toEqual(['title']);
  });

  it('finds nothing when a word is not in the archive', () => {
    expect(found(['وزیر', 'نیرو'])).toEqual([]);
  });

  it('scores a phrase above its words scattered by the phrase weight', () => {
    const [[docId, score]] = phrases.matches(['سخنان', 'وزیر'], false);
    const words = ['سخنان', 'وزیر'].map((t) => bm25.tfPart(docId, store.tf[store.tfStart(store.termId(t)) + (t === 'سخنان' ? 0 : 1)]));
    expect(score).toBeCloseTo((words[0] + words[1]) * DEFAULT_WEIGHTS.phrase, 10);
  });

  it('scores a word found apart as one word, in the title when its halves stand there', () => {
    const [[docId, score]] = phrases.matches(['بین', 'المللی'], false, undefined, true);
    expect(articles[docId].id).toBe('apart');
    // Twice apart (title and body): tf 2 with the title bit, as one word would be.
    expect(score).toBeCloseTo(bm25.tfPart(docId, 2 | 128), 10);
  });
});
