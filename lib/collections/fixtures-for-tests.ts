// Small documents the collection tests share.
import { emptyStore, type Bookmark, type StoredCollections } from './schema';

export const INDEX = 'i-test';

export function bookmark(id: string, over: Partial<Bookmark> = {}): Bookmark {
  return {
    id,
    title: `خبر ${id}`,
    jalaliDate: '1402-03-10',
    publishedAt: '2023-05-31T10:00:00+03:30',
    source: 'ایرنا',
    url: `https://example.com/${id}`,
    note: '',
    tags: [],
    addedAt: '2023-06-01T08:00:00.000Z',
    ...over,
  };
}

export function store(collections: { id: string; name: string; items: Bookmark[] }[], searches: StoredCollections['searches'] = []): StoredCollections {
  return { ...emptyStore(INDEX), collections: collections.map((c) => ({ createdAt: '2023-06-01T08:00:00.000Z', ...c })), searches };
}
