// Importing a document into what is kept: everything new is added, nothing kept is lost, and a note is never
// replaced without the researcher choosing: two different notes come back as conflicts for the page to ask about.
import type { StoredCollections } from './schema';
import { joinNotes } from './operations';

export interface NoteConflict {
  /** Which note: a kept article's (in a collection) or a saved search's. */
  kind: 'bookmark' | 'search';
  /** The collection's id in the merged document (bookmarks only). */
  collectionId?: string;
  collectionName?: string;
  /** The article id, or the saved search's id in the merged document. */
  id: string;
  /** The article's title or the search's name, to show. */
  label: string;
  current: string;
  incoming: string;
}

export interface MergeResult {
  /** The merge with every conflicting note left as it was: applying it alone loses nothing. */
  data: StoredCollections;
  conflicts: NoteConflict[];
  added: { collections: number; articles: number; searches: number };
}

/** One note given both: unchanged when equal or the incoming is empty, taken when the current is empty. */
function noteMerge(current: string, incoming: string): { note: string; conflict: boolean } {
  if (current === incoming || !incoming.trim()) return { note: current, conflict: false };
  if (!current.trim()) return { note: incoming, conflict: false };
  return { note: current, conflict: true };
}

/**
 * `incoming` merged into `current` (same index). Collections are the same when their id or, failing that, their
 * name is; articles by id within a collection; saved searches by id or by the same query. Tags are united;
 * an article or search only in `incoming` is appended in its order.
 */
export function mergeStores(current: StoredCollections, incoming: StoredCollections): MergeResult {
  const conflicts: NoteConflict[] = [];
  const added = { collections: 0, articles: 0, searches: 0 };
  const collections = current.collections.map((c) => ({ ...c, items: [...c.items] }));
  for (const inc of incoming.collections) {
    let target = collections.find((c) => c.id === inc.id) ?? collections.find((c) => c.name === inc.name);
    if (!target) {
      // An id already taken by another collection (with another name) would make two collections one: give it a new one.
      const id = collections.some((c) => c.id === inc.id) ? `${inc.id}-i${collections.length}` : inc.id;
      target = { ...inc, id, items: [] };
      collections.push(target);
      added.collections++;
    }
    for (const item of inc.items) {
      const at = target.items.findIndex((i) => i.id === item.id);
      if (at < 0) {
        target.items.push(item);
        added.articles++;
        continue;
      }
      const mine = target.items[at];
      const { note, conflict } = noteMerge(mine.note, item.note);
      if (conflict) conflicts.push({ kind: 'bookmark', collectionId: target.id, collectionName: target.name, id: item.id, label: mine.title, current: mine.note, incoming: item.note });
      target.items[at] = { ...mine, note, tags: [...new Set([...mine.tags, ...item.tags])] };
    }
  }
  const searches = [...current.searches];
  for (const inc of incoming.searches) {
    const at = searches.findIndex((s) => s.id === inc.id || s.query === inc.query);
    if (at < 0) {
      searches.push(inc);
      added.searches++;
      continue;
    }
    const mine = searches[at];
    const { note, conflict } = noteMerge(mine.note, inc.note);
    if (conflict) conflicts.push({ kind: 'search', id: mine.id, label: mine.name, current: mine.note, incoming: inc.note });
    searches[at] = { ...mine, note };
  }
  return { data: { ...current, collections, searches }, conflicts, added };
}

export type ConflictChoice = 'current' | 'incoming' | 'both';

/** The merge with each conflict decided: keep the current note, take the incoming one, or keep both joined. */
export function resolveConflicts(data: StoredCollections, conflicts: readonly NoteConflict[], choices: readonly ConflictChoice[]): StoredCollections {
  const noteFor = (c: NoteConflict, i: number) =>
    choices[i] === 'incoming' ? c.incoming : choices[i] === 'both' ? joinNotes(c.current, c.incoming) : c.current;
  let out = data;
  conflicts.forEach((c, i) => {
    const note = noteFor(c, i);
    if (c.kind === 'search') {
      out = { ...out, searches: out.searches.map((s) => (s.id === c.id ? { ...s, note } : s)) };
    } else {
      out = {
        ...out,
        collections: out.collections.map((col) => (col.id === c.collectionId ? { ...col, items: col.items.map((it) => (it.id === c.id ? { ...it, note } : it)) } : col)),
      };
    }
  });
  return out;
}
