// What a researcher keeps, as stored in the browser and as written to the export file: one zod schema for both,
// so an imported file is read by the same rules as the browser's own store.
import { z } from './zod';

/** The stored format this code writes; older ones are read through migrate.ts. */
export const STORED_VERSION = 2;
/** Marks a Kavosh collections document, so that another JSON file is refused by name rather than by accident. */
export const FORMAT_NAME = 'kavosh-collections';

const MAX_TEXT = 20_000;
const text = (max = MAX_TEXT) => z.string().max(max);
const isoInstant = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO 8601 instant');

/** One kept article: what the results showed when it was kept, so it can be shown after the index loses it. */
export const bookmarkSchema = z.object({
  /** The article's id in the index (the /articles/<id> path). */
  id: z.string().min(1).max(500),
  title: text(2_000),
  /** "1402-03-10", or null for an undated article. */
  jalaliDate: z
    .string()
    .regex(/^\d{1,4}-\d{2}-\d{2}$/)
    .nullable(),
  publishedAt: z.string().max(40).nullable(),
  source: text(500).nullable(),
  url: text(4_000).nullable(),
  note: text(),
  tags: z.array(text(200).min(1)).max(100),
  addedAt: isoInstant,
});
export type Bookmark = z.infer<typeof bookmarkSchema>;

export const collectionSchema = z.object({
  id: z.string().min(1).max(100),
  name: text(200).min(1),
  createdAt: isoInstant,
  /** In the order the researcher put them. */
  items: z.array(bookmarkSchema).max(10_000),
});
export type Collection = z.infer<typeof collectionSchema>;

export const savedSearchSchema = z.object({
  id: z.string().min(1).max(100),
  name: text(200).min(1),
  note: text(),
  /** The search's API parameters as a query string (no page, no typing prefix): `q=…&source=…&sort=newest`. */
  query: text(8_000),
  /** The total when it was saved, and when that was. */
  total: z.number().int().nonnegative(),
  savedAt: isoInstant,
  /** The index's build date then (health's builtAt), so a changed total can be told from a changed archive. */
  builtAt: z.string().max(40).nullable(),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

/** Everything kept for one index: what IndexedDB holds under that index's id, and what «خروجی همه» writes. */
export const storedSchema = z.object({
  format: z.literal(FORMAT_NAME),
  version: z.literal(STORED_VERSION),
  /** The index these article ids belong to (`/api/health`'s index.id). */
  indexId: z.string().min(1).max(100),
  collections: z.array(collectionSchema).max(1_000),
  searches: z.array(savedSearchSchema).max(1_000),
});
export type StoredCollections = z.infer<typeof storedSchema>;

export function emptyStore(indexId: string): StoredCollections {
  return { format: FORMAT_NAME, version: STORED_VERSION, indexId, collections: [], searches: [] };
}
