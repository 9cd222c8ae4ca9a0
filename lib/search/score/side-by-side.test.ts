import { describe, expect, it } from 'vitest';
import { articleWith } from '../../article';
import { MemoryStore } from '../article-store';
import { buildIndexData } from '../index-data';
import { TermExpander } from '../query/expand';
import { parseQuery } from '../query/parse';
import { IndexStore } from '../store/index-store';
import { Bm25 } from './bm25';
import { ProximityBonus } from './side-by-side';
import { DEFAULT_WEIGHTS } from './weights';

const articles = [
  articleWith({ id: 'title', title: 'مهار خشم', body: ['متن'] }),
  articleWith({ id: 'body', title: 'خبر', body: ['راه مهار خشم'] }),
  articleWith({ id: 'reversed', title: 'خبر', body: ['خشم را مهار کرد'] }),
];
const store = new IndexStore(buildIndexData(articles), new MemoryStore(articles));
const bm25 = new Bm25(store.docLength, store.titleLength, store.size, DEFAULT_WEIGHTS);
const bonus = new ProximityBonus(store, new TermExpander(store, DEFAULT_WEIGHTS.variant), bm25, DEFAULT_WEIGHTS);
const added = (q: string) => {
  const score = new Float64Array(store.size);
  bonus.add([0, 1, 2], parseQuery(q), score);
  return Object.fromEntries(articles.map((a, d) => [a.id, score[d]]));
};

describe('ProximityBonus', () => {
  it('rewards words side by side as typed, more in the title than in the body', () => {
    const got = added('مهار خشم');
    expect(got.title).toBeGreaterThan(got.body);
    expect(got.body).toBeGreaterThan(0);
  });

  it('gives nothing for the words in the other order', () => {
    expect(added('مهار خشم').reversed).toBe(0);
  });

  it('gives nothing to a one-word query', () => {
    expect(Object.values(added('مهار'))).toEqual([0, 0, 0]);
  });
});
