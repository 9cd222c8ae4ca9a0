// What every reader hands the index builder: an article, or the reason one
// record could not become an article. Readers report bad records instead of
// throwing, so one broken file or line never stops a whole archive build.

import type { Article } from '@/lib/types';
import type { FieldMap } from './fields';
import { printable } from './paths';

export interface ReadReject {
  file: string;
  /** 1-based line where the record starts (JSON Lines, CSV, JSON) or of the offending line (plain text). */
  line?: number;
  /** 1-based position of the record in a JSON array or CSV file (the header is not a record). */
  record?: number;
  /** Why, without the location (that is in file/line/record). */
  reason: string;
  /** The article id, when the record was read fine but a later record with the same id replaced it. */
  id?: string;
  /** …and where that later record is ("b.jsonl:3"). */
  replacedBy?: string;
}

export type ReadOutcome =
  | { ok: true; article: Article; file: string; line?: number; record?: number }
  | ({ ok: false } & ReadReject);

export interface ReadOptions {
  /** `--map field=column`: where to find a field that none of the usual spellings name. */
  fields?: FieldMap;
  /** Bytes read from disk (compressed bytes for .gz), for progress. */
  onBytes?: (bytes: number) => void;
  /** The longest record a line-based reader takes, in bytes (`--max-record-bytes`; default 20 MiB); a longer one is rejected alone. */
  maxRecordBytes?: number;
  /** Called as each file is opened, in reading order. */
  onFile?: (file: string) => void;
}

/** "a.jsonl:12" or "a.json record 3": where a record is, the name escaped (read/paths.ts). */
export function formatWhere(r: { file: string; line?: number; record?: number }): string {
  const file = printable(r.file);
  if (r.line !== undefined) return `${file}:${r.line}`;
  if (r.record !== undefined) return `${file} record ${r.record}`;
  return file;
}

/** "data/a.jsonl:12: "title" must be a string": the one-line form for people. */
export function formatReject(r: ReadReject): string {
  return `${formatWhere(r)}: ${r.reason}`;
}

/**
 * Names for a reject reason: escaped (a column name may hold a line break),
 * each cut at 40 characters, and past the first `limit` a count, not the
 * rest: «a, b, … and 9,990 more» for a header of 10,000 columns.
 */
export function formatNames(names: readonly string[], limit = 10): string {
  const shown = names.slice(0, limit).map((n) => printable(n.length > 40 ? `${n.slice(0, 40)}…` : n));
  if (names.length > limit) shown.push(`… and ${(names.length - limit).toLocaleString('en-US')} more`);
  return shown.join(', ');
}
