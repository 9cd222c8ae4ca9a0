// What an export row holds and how it is written: CSV (RFC 4180) and JSON Lines.
import type { Article } from '@/lib/types';
import { formatJalaliKey, tehranJalaliOf, tehranOffsetAt } from '@/lib/jalali';
import { gregorianDate } from '@/lib/ui/dates';

export type ExportFormat = 'csv' | 'jsonl';

// story_id comes last so that a reader taking the columns by position reads the others where they were.
export const EXPORT_COLUMNS = ['id', 'title', 'jalali_date', 'gregorian_date', 'source', 'tags', 'url', 'story_id'] as const;

export type ExportRecord = Record<(typeof EXPORT_COLUMNS)[number], string | null> & { tags_list: string[] };

/** Tags are joined with the Persian comma in CSV; JSON Lines keeps the list. */
export const TAG_SEPARATOR = '، ';

/** UTF-8 byte order mark: Excel reads the file as UTF-8 only with it. */
export const BOM = '\uFEFF';

/** `storyId`: the representative's id of the article's wire story (empty when it is in none). */
export function exportRecord(a: Article, storyId: string | null = null): ExportRecord {
  const jalali = a.jalali ? formatJalaliKey(a.jalali) : null;
  return {
    id: a.id,
    title: a.title,
    jalali_date: jalali,
    gregorian_date: gregorianDate(a.publishedAt, jalali),
    source: a.source,
    tags: a.tags.join(TAG_SEPARATOR),
    tags_list: a.tags,
    url: a.url,
    story_id: storyId,
  };
}

/**
 * One CSV field: quoted when it holds a comma, quote, CR or LF (or leading/trailing space); quotes doubled. A field
 * that a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR: an article is data from anyone)
 * gets a leading apostrophe, as OWASP advises, so Excel and LibreOffice show it as text.
 */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV record ending in CRLF, as RFC 4180 has it. */
export function csvRow(fields: readonly (string | null)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

export function csvHeader(): string {
  return csvRow(EXPORT_COLUMNS);
}

export function csvRecord(r: ExportRecord): string {
  return csvRow(EXPORT_COLUMNS.map((c) => r[c]));
}

export function jsonlRecord(r: ExportRecord): string {
  return (
    JSON.stringify({
      id: r.id,
      title: r.title,
      jalali_date: r.jalali_date,
      gregorian_date: r.gregorian_date,
      source: r.source,
      tags: r.tags_list,
      url: r.url,
      story_id: r.story_id,
    }) + '\n'
  );
}

/** kavosh-<query words>-<date>.csv, and an ASCII fallback for old clients. */
export function exportFilename(q: string, format: ExportFormat, today: string): { ascii: string; utf8: string } {
  const words = q
    .replace(/[^\p{L}\p{N}\s\u200c-]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .join('-')
    .slice(0, 60);
  const ext = format === 'csv' ? 'csv' : 'jsonl';
  const asciiWords = /^[A-Za-z0-9-]+$/.test(words) ? words : '';
  return {
    ascii: ['kavosh', asciiWords, today].filter(Boolean).join('-') + `.${ext}`,
    utf8: ['kavosh', words, today].filter(Boolean).join('-') + `.${ext}`,
  };
}

/** The Content-Disposition header for a download named `name` (RFC 6266 / 5987). */
export function contentDisposition(name: { ascii: string; utf8: string }): string {
  const encoded = encodeURIComponent(name.utf8).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * What an export was counted from, so a published figure can be traced: the
 * search as asked, when it was exported (Tehran time, and the Jalali day) and
 * when the index was built. JSON Lines open with it as their first record;
 * a CSV opens with it as a `#` line only when asked (`meta=1`), since most CSV
 * readers take every line as a row.
 */
export interface ExportMeta {
  query: string;
  match: string;
  sort: string;
  from: string | null;
  to: string | null;
  source: string[];
  tag: string[];
  /** `include` when a date filter kept the undated articles. */
  undated: 'exclude' | 'include';
  /** Rows in the file: articles, or stories with `group=story`. */
  total: number;
  /** `story`: one row per story (its copy that ranks best); `none`: one per article. */
  group: 'none' | 'story';
  /** ISO 8601 with the Tehran offset. */
  exported_at: string;
  exported_jalali: string;
  /** ISO 8601 (UTC), or null when the index did not record it. */
  index_built_at: string | null;
}

/** `now` as an instant in Tehran time, to the second: «2026-12-02T09:30:00+03:30». */
export function tehranIso(now: Date): string {
  const offset = tehranOffsetAt(now);
  const [sign, hh, mm] = [offset[0] === '-' ? -1 : 1, Number(offset.slice(1, 3)), Number(offset.slice(4, 6))];
  const local = new Date(now.getTime() + sign * (hh * 60 + mm) * 60_000);
  return local.toISOString().slice(0, 19) + offset;
}

export function exportMeta(
  search: { q: string; match: string; sort: string; from: string | null; to: string | null; undated: 'exclude' | 'include'; source: string[]; tag: string[]; group?: 'none' | 'story' },
  total: number,
  now: Date,
  builtAt: string | null,
): ExportMeta {
  return {
    query: search.q,
    match: search.match,
    sort: search.sort,
    from: search.from,
    to: search.to,
    undated: search.undated,
    source: search.source,
    tag: search.tag,
    total,
    group: search.group ?? 'none',
    exported_at: tehranIso(now),
    exported_jalali: formatJalaliKey(tehranJalaliOf(now)),
    index_built_at: builtAt,
  };
}

/** The first record of a JSON Lines export: one key, so no article record can be taken for it. */
export function jsonlMetaRecord(meta: ExportMeta): string {
  return JSON.stringify({ kavosh_export: meta }) + '\n';
}

/** The `#` line opening a CSV export when asked: one line, whatever the query holds. */
export function csvMetaLine(meta: ExportMeta): string {
  const one = (text: string) => text.replace(/[\r\n]+/g, ' ');
  const parts = [
    `query: ${one(meta.query)}`,
    `match: ${meta.match}`,
    `sort: ${meta.sort}`,
    meta.from ? `from: ${meta.from}` : null,
    meta.to ? `to: ${meta.to}` : null,
    (meta.from || meta.to) && meta.undated === 'include' ? 'undated: included' : null,
    meta.source.length ? `source: ${meta.source.map(one).join(' | ')}` : null,
    meta.tag.length ? `tag: ${meta.tag.map(one).join(' | ')}` : null,
    meta.group === 'story' ? `stories (one row each): ${meta.total}` : `articles: ${meta.total}`,
    `exported: ${meta.exported_at} (${meta.exported_jalali})`,
    `index built: ${meta.index_built_at ?? 'unknown'}`,
  ];
  return `# Kavosh export; ${parts.filter(Boolean).join('; ')}\r\n`;
}

/**
 * Rows of an export, pulled lazily from `rows` in chunks of about `chunk`
 * records (fewer when they take over `chunkMs` to write): memory holds one chunk, never the whole result. The iterator is
 * closed when the reader cancels or `signal` aborts. Each chunk after the first
 * is made in a later turn of the event loop (setImmediate), so one export
 * never holds the server for longer than one chunk.
 */
export function exportStream(
  rows: Iterator<Article>,
  format: ExportFormat,
  options: { signal?: AbortSignal; chunk?: number; chunkMs?: number; meta?: ExportMeta; csvMeta?: boolean; extras?: ExportExtras; storyOf?: (a: Article) => string | null } = {},
): ReadableStream<Uint8Array> {
  const extras = options.extras ?? {};
  const storyOf = options.storyOf ?? (() => null);
  const columns = extraColumns(extras);
  const head =
    format === 'csv'
      ? BOM + (options.meta && options.csvMeta ? csvMetaLine(options.meta) : '') + csvRow([...EXPORT_COLUMNS, ...columns])
      : options.meta
        ? jsonlMetaRecord(options.meta)
        : '';
  const write =
    columns.length === 0
      ? (a: Article) => (format === 'csv' ? csvRecord : jsonlRecord)(exportRecord(a, storyOf(a)))
      : format === 'csv'
        ? (a: Article) => {
            const r = exportRecord(a, storyOf(a));
            const more = extraValues(a, extras);
            return csvRow([...EXPORT_COLUMNS.map((c) => r[c]), ...columns.map((c) => (c === 'link' ? (more.link as string) : (more[c] as string[]).join(c === 'text' ? PARAGRAPH_SEPARATOR : SNIPPET_SEPARATOR)))]);
          }
        : (a: Article) => {
            const line = jsonlRecord(exportRecord(a, storyOf(a)));
            return line.slice(0, -2) + ',' + JSON.stringify(extraValues(a, extras)).slice(1) + '\n';
          };
  return rowStream(rows, write, head, options);
}

/** What an export may add beside the article's fields (`text=snippets|full`, `link=1`). */
export interface ExportExtras {
  /** The snippets of the search in the article, as plain text (`text=snippets`). */
  snippets?: (a: Article) => string[];
  /** The whole text (`text=full`): JSON Lines keep the paragraphs as an array. */
  full?: boolean;
  /** The article's page in this Kavosh (`link=1`). */
  link?: (a: Article) => string;
}

/** Paragraphs in one CSV cell; snippets in one CSV cell. */
export const PARAGRAPH_SEPARATOR = '\n\n';
export const SNIPPET_SEPARATOR = ' … ';

function extraColumns(extras: ExportExtras): ('snippets' | 'text' | 'link')[] {
  return [...(extras.snippets ? ['snippets' as const] : []), ...(extras.full ? ['text' as const] : []), ...(extras.link ? ['link' as const] : [])];
}

function extraValues(a: Article, extras: ExportExtras): { snippets?: string[]; text?: string[]; link?: string } {
  return {
    ...(extras.snippets ? { snippets: extras.snippets(a) } : {}),
    ...(extras.full ? { text: a.body } : {}),
    ...(extras.link ? { link: extras.link(a) } : {}),
  };
}

/** Any rows written as text after `head`, streamed as exportStream streams articles (the concordance's export too). */
export function rowStream<T>(
  rows: Iterator<T>,
  write: (row: T) => string,
  head: string,
  options: { signal?: AbortSignal; chunk?: number; chunkMs?: number } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunk = options.chunk ?? 256;
  // A chunk also ends after this long: rows of long articles cost more, and the time between two turns of the
  // event loop is what a cheap query waits behind each concurrent export.
  const chunkMs = options.chunkMs ?? 8;
  let started = false;
  let done = false;
  let cancelled = false;
  const close = () => {
    if (done) return;
    done = true;
    rows.return?.();
  };
  options.signal?.addEventListener('abort', close, { once: true });
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // Between two chunks the event loop runs: other requests are answered while a long export is written,
        // instead of waiting for its last row (a 110k export took the whole server for 7–12 s).
        if (started) await new Promise<void>((resolve) => setImmediate(resolve));
        // Cancelled while waiting: the stream is closed already, and the rows are not computed further.
        if (cancelled) return;
        if (done || options.signal?.aborted) {
          close();
          controller.close();
          return;
        }
        let text = '';
        if (!started) {
          started = true;
          text += head;
        }
        const until = performance.now() + chunkMs;
        for (let i = 0; i < chunk && (i === 0 || performance.now() < until); i++) {
          const next = rows.next();
          if (next.done) {
            done = true;
            break;
          }
          text += write(next.value);
        }
        if (text) controller.enqueue(encoder.encode(text));
        if (done) {
          options.signal?.removeEventListener('abort', close);
          controller.close();
        }
      },
      cancel() {
        cancelled = true;
        close();
      },
    },
    // One chunk at a time: the next is made only when the client has taken this one.
    { highWaterMark: 1 },
  );
}
