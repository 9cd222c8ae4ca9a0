// What every reader hands the index builder: an article, or the reason one
// record could not become an article. Readers report bad records instead of
// throwing, so one broken file or line never stops a whole archive build.

import type { Article } from '@/lib/types';

export interface ReadReject {
  file: string;
  /** 1-based line of the record (JSON lines) or of the offending line (plain text). */
  line?: number;
  record?: number;
  /** Why, without the location (that is in file/line/record). */
  reason: string;
}

export type ReadOutcome =
  | { ok: true; article: Article; file: string; line?: number }
  | ({ ok: false } & ReadReject);

/** "data/a.jsonl:12: "title" must be a string": the one-line form for people. */
export function formatReject(r: ReadReject): string {
  const where = r.line !== undefined ? `:${r.line}` : r.record !== undefined ? ` record ${r.record}` : '';
  return `${r.file}${where}: ${r.reason}`;
}
