// Changes to what is kept, as pure functions from one stored document to the next (the store applies them in
// one IndexedDB transaction), so every rule is tested without a browser.
import type { Bookmark, Collection, SavedSearch, StoredCollections } from './schema';

/** A random id that also works outside a secure context (where crypto.randomUUID is missing). */
export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What the page knows of an article when it is kept (the rest of a Bookmark is the researcher's). */
export type ArticleSnapshot = Pick<Bookmark, 'id' | 'title' | 'jalaliDate' | 'publishedAt' | 'source' | 'url'>;

const withCollection = (data: StoredCollections, id: string, change: (c: Collection) => Collection): StoredCollections => ({
  ...data,
  collections: data.collections.map((c) => (c.id === id ? change(c) : c)),
});

/** Tags as the researcher typed them, split at commas (Latin or Persian), trimmed, each once. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,،]/).map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean))];
}

export function createCollection(data: StoredCollections, name: string, now: Date, id = newId('c-')): { data: StoredCollections; id: string } {
  const trimmed = name.trim();
  const same = data.collections.find((c) => c.name === trimmed);
  if (same) return { data, id: same.id };
  return { data: { ...data, collections: [...data.collections, { id, name: trimmed, createdAt: now.toISOString(), items: [] }] }, id };
}

export function renameCollection(data: StoredCollections, id: string, name: string): StoredCollections {
  return withCollection(data, id, (c) => ({ ...c, name: name.trim() || c.name }));
}

export function deleteCollection(data: StoredCollections, id: string): StoredCollections {
  return { ...data, collections: data.collections.filter((c) => c.id !== id) };
}

/**
 * Keeps an article in a collection with a note and tags. Kept again, it keeps its place and the saved title;
 * the note and tags become the ones given (the keep form shows the current ones to edit).
 */
export function keepArticle(
  data: StoredCollections,
  collectionId: string,
  article: ArticleSnapshot,
  { note = '', tags = [] as string[] },
  now: Date,
): StoredCollections {
  return withCollection(data, collectionId, (c) => {
    const at = c.items.findIndex((i) => i.id === article.id);
    if (at >= 0) return { ...c, items: c.items.map((i, k) => (k === at ? { ...i, note, tags } : i)) };
    return { ...c, items: [...c.items, { ...article, note, tags, addedAt: now.toISOString() }] };
  });
}

export function removeArticle(data: StoredCollections, collectionId: string, articleId: string): StoredCollections {
  return withCollection(data, collectionId, (c) => ({ ...c, items: c.items.filter((i) => i.id !== articleId) }));
}

export function updateBookmark(data: StoredCollections, collectionId: string, articleId: string, change: Partial<Pick<Bookmark, 'note' | 'tags'>>): StoredCollections {
  return withCollection(data, collectionId, (c) => ({ ...c, items: c.items.map((i) => (i.id === articleId ? { ...i, ...change } : i)) }));
}

/** Moves an article `by` places (−1 up, +1 down) within its collection; at either end it stays. */
export function reorderArticle(data: StoredCollections, collectionId: string, articleId: string, by: number): StoredCollections {
  return withCollection(data, collectionId, (c) => {
    const from = c.items.findIndex((i) => i.id === articleId);
    const to = from + by;
    if (from < 0 || to < 0 || to >= c.items.length) return c;
    const items = [...c.items];
    const [item] = items.splice(from, 1);
    items.splice(to, 0, item);
    return { ...c, items };
  });
}

/**
 * Moves an article to another collection with its note, tags and date kept. When the target already holds it,
 * the notes are joined (neither is lost) and the tags united.
 */
export function moveArticle(data: StoredCollections, fromId: string, toId: string, articleId: string): StoredCollections {
  if (fromId === toId) return data;
  const item = data.collections.find((c) => c.id === fromId)?.items.find((i) => i.id === articleId);
  if (!item || !data.collections.some((c) => c.id === toId)) return data;
  const removed = removeArticle(data, fromId, articleId);
  return withCollection(removed, toId, (c) => {
    const there = c.items.find((i) => i.id === articleId);
    if (!there) return { ...c, items: [...c.items, item] };
    return { ...c, items: c.items.map((i) => (i === there ? { ...i, note: joinNotes(i.note, item.note), tags: [...new Set([...i.tags, ...item.tags])] } : i)) };
  });
}

/** Two notes as one, neither lost (one alone when they are equal or one is empty). */
export function joinNotes(a: string, b: string): string {
  if (!a.trim() || a === b) return b.trim() ? b : a;
  if (!b.trim()) return a;
  return `${a}\n—\n${b}`;
}

export function saveSearch(data: StoredCollections, search: Omit<SavedSearch, 'id'>, id = newId('s-')): StoredCollections {
  return { ...data, searches: [...data.searches, { id, ...search }] };
}

export function removeSearch(data: StoredCollections, id: string): StoredCollections {
  return { ...data, searches: data.searches.filter((s) => s.id !== id) };
}

/** Every kept article id, and in which collections (the results page marks them). */
export function keptIn(data: StoredCollections): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of data.collections) for (const i of c.items) out.set(i.id, [...(out.get(i.id) ?? []), c.name]);
  return out;
}

/** Every tag used, in Persian alphabetical order. */
export function allTags(data: StoredCollections): string[] {
  const tags = new Set<string>();
  for (const c of data.collections) for (const i of c.items) for (const t of i.tags) tags.add(t);
  return [...tags].sort((a, b) => a.localeCompare(b, 'fa'));
}
