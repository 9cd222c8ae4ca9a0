import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { openStore, storageKey, UnreadableStoreError } from './store';
import { createCollection, keepArticle } from './operations';
import { bookmark } from './fixtures-for-tests';

let n = 0;
/** A database of its own for each test. */
const freshDb = () => createStore(`kavosh-test-${++n}`, 'collections');
const now = new Date('2023-06-01T08:00:00Z');

describe('the IndexedDB store', () => {
  it('starts empty for an index it has never seen', async () => {
    const s = openStore('i-a', freshDb());
    expect(await s.load()).toMatchObject({ indexId: 'i-a', version: 2, collections: [], searches: [] });
  });

  it('keeps what was changed across opens', async () => {
    const db = freshDb();
    await openStore('i-a', db).change((d) => {
      const { data, id } = createCollection(d, 'انتخابات', now, 'c1');
      return keepArticle(data, id, bookmark('n1'), { note: 'مهم', tags: ['مجلس'] }, now);
    });
    const again = await openStore('i-a', db).load();
    expect(again.collections[0].items.map((i) => [i.id, i.note, i.tags])).toEqual([['n1', 'مهم', ['مجلس']]]);
  });

  it('keeps the collections of two indexes apart', async () => {
    const db = freshDb();
    await openStore('i-a', db).change((d) => createCollection(d, 'الف', now).data);
    expect((await openStore('i-b', db).load()).collections).toEqual([]);
  });

  it('reads a version 1 document left by an older Kavosh, and writes it back as version 2 on the next change', async () => {
    const db = freshDb();
    await set(
      storageKey('i-a'),
      {
        format: 'kavosh-collections',
        version: 1,
        indexId: 'i-a',
        bookmarks: [{ articleId: 'n1', collection: 'قدیمی', title: 'خبر کهنه', date: null, source: null, note: 'از نسخهٔ پیش', savedAt: '2022-01-01T00:00:00Z' }],
        searches: [],
      },
      db,
    );
    const s = openStore('i-a', db);
    expect((await s.load()).collections[0]).toMatchObject({ name: 'قدیمی', items: [{ id: 'n1', note: 'از نسخهٔ پیش' }] });
    await s.change((d) => d);
    expect(await get(storageKey('i-a'), db)).toMatchObject({ version: 2 });
  });

  it('never overwrites a document it cannot read (a newer Kavosh wrote it)', async () => {
    const db = freshDb();
    const newer = { format: 'kavosh-collections', version: 9, indexId: 'i-a', whatever: true };
    await set(storageKey('i-a'), newer, db);
    const s = openStore('i-a', db);
    await expect(s.load()).rejects.toBeInstanceOf(UnreadableStoreError);
    await expect(s.change((d) => createCollection(d, 'الف', now).data)).rejects.toBeInstanceOf(UnreadableStoreError);
    expect(await get(storageKey('i-a'), db)).toEqual(newer);
  });
});
