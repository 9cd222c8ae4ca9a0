import { describe, expect, it } from 'vitest';
import { articleWith } from '../../article';
import { MemoryStore } from '../article-store';
import { buildIndexData } from '../index-data';
import { IndexStore } from '../store/index-store';
import { lookUp, walkPostings, type Within } from './walk';

const articles = Array.from({ length: 400 }, (_, i) =>
  articleWith({ id: `a${i}`, title: i % 2 ? 'خبر' : 'گزارش', body: [i % 100 === 0 ? 'خشم مهار شد' : 'خشم'] }),
);
const store = new IndexStore(buildIndexData(articles), new MemoryStore(articles));
const within = (docs: number[]): Within => ({ docs, has: (d) => docs.includes(d) });
const visited = (term: string, w?: Within) => {
  const out: number[] = [];
  walkPostings(store, store.termId(term), w, (docId) => out.push(docId));
  return out;
};

describe('walkPostings', () => {
  it('visits every posting when no articles are given', () => {
    expect(visited('خشم')).toHaveLength(400);
  });

  it('visits only the articles given, whether it looks them up or reads the list through', () => {
    const few = [0, 100, 300];
    expect(lookUp(few.length, 400)).toBe(true);
    expect(visited('خشم', within(few))).toEqual(few);
    const many = Array.from({ length: 300 }, (_, i) => i);
    expect(lookUp(many.length, 400)).toBe(false);
    expect(visited('خشم', within(many))).toEqual(many);
  });

  it('passes each posting’s tf byte, with the title bit for a title word', () => {
    const packed: number[] = [];
    walkPostings(store, store.termId('خبر'), within([1]), (_d, p) => packed.push(p));
    expect(packed).toEqual([128 + 1]);
  });

  it('does not visit an article outside the list that lacks the term', () => {
    expect(visited('مهار', within([1, 2, 3]))).toEqual([]);
  });
});
