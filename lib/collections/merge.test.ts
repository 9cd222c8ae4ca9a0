import { describe, expect, it } from 'vitest';
import { mergeStores, resolveConflicts } from './merge';
import { bookmark, store } from './fixtures-for-tests';

const search = (id: string, query: string, note = '') => ({ id, name: `جستجوی ${id}`, note, query, total: 5, savedAt: '2023-06-01T08:00:00.000Z', builtAt: null });

describe('importing merges', () => {
  it('appends articles and collections it does not have, in their order', () => {
    const mine = store([{ id: 'c1', name: 'انتخابات', items: [bookmark('n1')] }]);
    const theirs = store([
      { id: 'c1', name: 'انتخابات', items: [bookmark('n2'), bookmark('n1')] },
      { id: 'c2', name: 'خشکسالی', items: [bookmark('n3')] },
    ]);
    const { data, conflicts, added } = mergeStores(mine, theirs);
    expect(data.collections.map((c) => [c.name, c.items.map((i) => i.id)])).toEqual([
      ['انتخابات', ['n1', 'n2']],
      ['خشکسالی', ['n3']],
    ]);
    expect(conflicts).toEqual([]);
    expect(added).toEqual({ collections: 1, articles: 2, searches: 0 });
  });

  it('joins a collection of the same name made on another machine (another id)', () => {
    const mine = store([{ id: 'c-mine', name: 'انتخابات', items: [bookmark('n1')] }]);
    const theirs = store([{ id: 'c-theirs', name: 'انتخابات', items: [bookmark('n2')] }]);
    expect(mergeStores(mine, theirs).data.collections.map((c) => [c.id, c.items.length])).toEqual([['c-mine', 2]]);
  });

  it('takes a collection of the same id as the same one, renamed on one side', () => {
    const mine = store([{ id: 'c1', name: 'انتخابات', items: [bookmark('n1')] }]);
    const theirs = store([{ id: 'c1', name: 'ورزش', items: [bookmark('n2')] }]);
    const { data } = mergeStores(mine, theirs);
    expect(data.collections).toHaveLength(1);
    expect(data.collections[0].name).toBe('انتخابات');
  });

  it('never replaces a note without asking: two different notes are a conflict and the current one stays', () => {
    const mine = store([{ id: 'c1', name: 'الف', items: [bookmark('n1', { note: 'منبع اصلی' })] }]);
    const theirs = store([{ id: 'c1', name: 'الف', items: [bookmark('n1', { note: 'نقل از ایرنا' })] }]);
    const { data, conflicts } = mergeStores(mine, theirs);
    expect(data.collections[0].items[0].note).toBe('منبع اصلی');
    expect(conflicts).toEqual([
      { kind: 'bookmark', collectionId: 'c1', collectionName: 'الف', id: 'n1', label: 'خبر n1', current: 'منبع اصلی', incoming: 'نقل از ایرنا' },
    ]);
  });

  it('takes an incoming note where there was none, and keeps one the import leaves empty, without conflicts', () => {
    const mine = store([{ id: 'c1', name: 'الف', items: [bookmark('n1'), bookmark('n2', { note: 'بماند' })] }]);
    const theirs = store([{ id: 'c1', name: 'الف', items: [bookmark('n1', { note: 'تازه' }), bookmark('n2')] }]);
    const { data, conflicts } = mergeStores(mine, theirs);
    expect(data.collections[0].items.map((i) => i.note)).toEqual(['تازه', 'بماند']);
    expect(conflicts).toEqual([]);
  });

  it('unites the tags of an article kept on both sides', () => {
    const mine = store([{ id: 'c1', name: 'الف', items: [bookmark('n1', { tags: ['آب', 'کشاورزی'] })] }]);
    const theirs = store([{ id: 'c1', name: 'الف', items: [bookmark('n1', { tags: ['کشاورزی', 'خراسان'] })] }]);
    expect(mergeStores(mine, theirs).data.collections[0].items[0].tags).toEqual(['آب', 'کشاورزی', 'خراسان']);
  });

  it('matches saved searches by their query and asks about their notes too', () => {
    const mine = store([], [search('s1', 'q=باران', 'پاییز')]);
    const theirs = store([], [search('s9', 'q=باران', 'بهار'), search('s2', 'q=برف')]);
    const { data, conflicts, added } = mergeStores(mine, theirs);
    expect(data.searches.map((s) => [s.id, s.note])).toEqual([
      ['s1', 'پاییز'],
      ['s2', ''],
    ]);
    expect(conflicts.map((c) => [c.kind, c.id, c.current, c.incoming])).toEqual([['search', 's1', 'پاییز', 'بهار']]);
    expect(added.searches).toBe(1);
  });

  it('applies each decided conflict: keep mine, take theirs, or keep both', () => {
    const mine = store([{ id: 'c1', name: 'الف', items: [bookmark('n1', { note: 'الف' }), bookmark('n2', { note: 'ب' }), bookmark('n3', { note: 'پ' })] }]);
    const theirs = store([{ id: 'c1', name: 'الف', items: [bookmark('n1', { note: 'الف۲' }), bookmark('n2', { note: 'ب۲' }), bookmark('n3', { note: 'پ۲' })] }]);
    const { data, conflicts } = mergeStores(mine, theirs);
    const resolved = resolveConflicts(data, conflicts, ['current', 'incoming', 'both']);
    expect(resolved.collections[0].items.map((i) => i.note)).toEqual(['الف', 'ب۲', 'پ\n—\nپ۲']);
  });

  it('changes nothing when a document is imported into itself', () => {
    const mine = store([{ id: 'c1', name: 'الف', items: [bookmark('n1', { note: 'یادداشت', tags: ['آب'] })] }], [search('s1', 'q=باران', 'پاییز')]);
    const { data, conflicts, added } = mergeStores(mine, structuredClone(mine));
    expect(data).toEqual(mine);
    expect(conflicts).toEqual([]);
    expect(added).toEqual({ collections: 0, articles: 0, searches: 0 });
  });
});
