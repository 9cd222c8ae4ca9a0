import { describe, expect, it } from 'vitest';
import { allTags, createCollection, keepArticle, keptIn, moveArticle, parseTags, removeArticle, reorderArticle } from './operations';
import { bookmark, store } from './fixtures-for-tests';

const now = new Date('2023-06-01T08:00:00Z');
const ids = (d: ReturnType<typeof store>, i = 0) => d.collections[i].items.map((x) => x.id);

describe('changing collections', () => {
  it('creates a collection once per name', () => {
    const a = createCollection(store([]), ' انتخابات ', now, 'c1');
    const b = createCollection(a.data, 'انتخابات', now, 'c2');
    expect(b.id).toBe('c1');
    expect(b.data.collections.map((c) => c.name)).toEqual(['انتخابات']);
  });

  it('keeps an article again in its place, with the new note and tags', () => {
    const d = store([{ id: 'c1', name: 'الف', items: [bookmark('n1'), bookmark('n2')] }]);
    const again = keepArticle(d, 'c1', bookmark('n1', { title: 'عنوان تازه' }), { note: 'یادداشت', tags: ['آب'] }, now);
    expect(ids(again)).toEqual(['n1', 'n2']);
    expect(again.collections[0].items[0]).toMatchObject({ title: 'خبر n1', note: 'یادداشت', tags: ['آب'] });
  });

  it('reorders within a collection and stays put at the ends', () => {
    const d = store([{ id: 'c1', name: 'الف', items: [bookmark('n1'), bookmark('n2'), bookmark('n3')] }]);
    expect(ids(reorderArticle(d, 'c1', 'n3', -1))).toEqual(['n1', 'n3', 'n2']);
    expect(ids(reorderArticle(d, 'c1', 'n1', -1))).toEqual(['n1', 'n2', 'n3']);
    expect(ids(reorderArticle(d, 'c1', 'n3', +1))).toEqual(['n1', 'n2', 'n3']);
  });

  it('moves an article with its note, joining notes when the target has it already', () => {
    const d = store([
      { id: 'c1', name: 'الف', items: [bookmark('n1', { note: 'از الف' }), bookmark('n2', { note: 'دو' })] },
      { id: 'c2', name: 'ب', items: [bookmark('n2', { note: 'دوی ب', tags: ['x'] })] },
    ]);
    const moved = moveArticle(d, 'c1', 'c2', 'n1');
    expect([ids(moved, 0), ids(moved, 1)]).toEqual([['n2'], ['n2', 'n1']]);
    expect(moved.collections[1].items[1].note).toBe('از الف');
    const joined = moveArticle(d, 'c1', 'c2', 'n2');
    expect(joined.collections[1].items[0].note).toBe('دوی ب\n—\nدو');
  });

  it('removes from one collection only', () => {
    const d = store([
      { id: 'c1', name: 'الف', items: [bookmark('n1')] },
      { id: 'c2', name: 'ب', items: [bookmark('n1')] },
    ]);
    const r = removeArticle(d, 'c1', 'n1');
    expect([...keptIn(r)]).toEqual([['n1', ['ب']]]);
  });

  it('reads tags split at Latin and Persian commas, each once, and lists every tag in Persian order', () => {
    expect(parseTags(' آب ، کشاورزی,آب,, خراسان  رضوی ')).toEqual(['آب', 'کشاورزی', 'خراسان رضوی']);
    const d = store([{ id: 'c1', name: 'الف', items: [bookmark('n1', { tags: ['کشاورزی', 'آب'] }), bookmark('n2', { tags: ['باران'] })] }]);
    expect(allTags(d)).toEqual(['آب', 'باران', 'کشاورزی']);
  });
});
