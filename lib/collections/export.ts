// A collection written out: CSV (with the BOM Excel needs), JSON Lines, and a citation list in the article page's
// citation format, one article a line, oldest first. The full text is added only when the page fetched it.
import { BOM, csvRow, TAG_SEPARATOR } from '@/app/api/export/format';
import { citationParts, citationText } from '@/lib/ui/citation';
import { gregorianDate } from '@/lib/ui/dates';
import type { Bookmark, Collection } from './schema';

export const COLLECTION_CSV_COLUMNS = ['id', 'title', 'jalali_date', 'gregorian_date', 'source', 'url', 'tags', 'note', 'in_index', 'text'] as const;

export interface ExportOptions {
  /** Each article's paragraphs, for the full text (absent: no text column filled). */
  texts?: ReadonlyMap<string, readonly string[]>;
  /** Articles the index no longer has (in_index false); an id in neither set is unknown (empty). */
  missing?: ReadonlySet<string>;
  present?: ReadonlySet<string>;
}

const inIndex = (id: string, o: ExportOptions) => (o.missing?.has(id) ? false : o.present?.has(id) ? true : null);

const textOf = (id: string, o: ExportOptions) => o.texts?.get(id)?.join('\n\n') ?? null;

export function collectionCsv(items: readonly Bookmark[], options: ExportOptions = {}): string {
  let out = BOM + csvRow(COLLECTION_CSV_COLUMNS);
  for (const b of items) {
    const present = inIndex(b.id, options);
    out += csvRow([
      b.id,
      b.title,
      b.jalaliDate,
      gregorianDate(b.publishedAt, b.jalaliDate),
      b.source,
      b.url,
      b.tags.join(TAG_SEPARATOR),
      b.note,
      present === null ? null : String(present),
      textOf(b.id, options),
    ]);
  }
  return out;
}

export function collectionJsonl(collection: Pick<Collection, 'name'>, items: readonly Bookmark[], options: ExportOptions = {}): string {
  return items
    .map((b) => {
      const text = options.texts?.get(b.id);
      return JSON.stringify({
        collection: collection.name,
        id: b.id,
        title: b.title,
        jalali_date: b.jalaliDate,
        gregorian_date: gregorianDate(b.publishedAt, b.jalaliDate),
        published_at: b.publishedAt,
        source: b.source,
        url: b.url,
        tags: b.tags,
        note: b.note,
        added_at: b.addedAt,
        in_index: inIndex(b.id, options),
        ...(text ? { text } : {}),
      });
    })
    .map((line) => line + '\n')
    .join('');
}

/** Milliseconds of an article's date for ordering (its instant, else its Tehran day), or null when undated. */
function dateKey(b: Bookmark): number | null {
  if (b.publishedAt) {
    const ms = Date.parse(b.publishedAt);
    if (!Number.isNaN(ms)) return ms;
  }
  const day = gregorianDate(null, b.jalaliDate);
  return day ? Date.parse(`${day}T00:00:00+03:30`) : null;
}

/** Oldest first, undated last; equal dates keep the collection's order. */
export function byDate(items: readonly Bookmark[]): Bookmark[] {
  return items
    .map((b, i) => ({ b, i, k: dateKey(b) }))
    .sort((x, y) => (x.k === null ? (y.k === null ? x.i - y.i : 1) : y.k === null ? -1 : x.k - y.k || x.i - y.i))
    .map((x) => x.b);
}

export function citationOf(b: Bookmark): string {
  return citationText(citationParts({ source: b.source, title: [{ text: b.title }], jalaliDate: b.jalaliDate, publishedAt: b.publishedAt, url: b.url }));
}

/** One citation a line, by date; with full text, each citation is followed by its paragraphs and a blank line. */
export function citationList(items: readonly Bookmark[], options: ExportOptions = {}): string {
  return byDate(items)
    .map((b) => {
      const text = textOf(b.id, options);
      return text ? `${citationOf(b)}\n\n${text}\n` : citationOf(b);
    })
    .join('\n') + '\n';
}

/** The file name of an export: kavosh-<collection name>.<ext>, with characters file systems refuse replaced. */
export function exportFileName(name: string, ext: string): string {
  const safe = name.trim().replace(/[\s\\/:*?"<>|\u0000-\u001f]+/g, '-').slice(0, 80) || 'collection';
  return `kavosh-${safe}.${ext}`;
}
