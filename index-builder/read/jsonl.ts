// JSON Lines archives (.jsonl, .ndjson, and either gzipped): one record per
// line, e.g. in the shape of shared/corpus:
//   {"id": "HAM2-840127-155", "title": "…", "body": "…\n…",
//    "date": "2005-04-16", "date_jalali": "1384/01/27",
//    "source": "همشهری", "category": null, "tags": [], "url": null}
// Field names follow read/fields.ts. Read as a stream, so a large archive
// never sits in memory whole.

import { readFailureReason, readTextChunks } from './decode';
import { FieldResolver } from './fields';
import { DEFAULT_MAX_RECORD_BYTES, type OversizedLine, oversizedReason, splitLines } from './lines';
import { RecordError, jsonRecordToArticle } from './record';
import type { ReadOptions, ReadOutcome } from './types';

/** One line of a JSON Lines file → its article, or the reason it is not one. */
export function parseJsonlRecord(text: string, file: string, line: number, fields = new FieldResolver()): ReadOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, file, line, reason: `invalid JSON: ${(err as Error).message}` };
  }
  try {
    return { ok: true, article: jsonRecordToArticle(json, fields), file, line };
  } catch (err) {
    if (err instanceof RecordError) return { ok: false, file, line, reason: err.message };
    throw err;
  }
}

/**
 * Every non-blank line of a .jsonl/.ndjson file (gzipped when it ends in .gz)
 * as an outcome with its 1-based line number. A line over
 * `options.maxRecordBytes` is rejected alone and reading goes on. A file that
 * cannot be read, unzipped or decoded ends with one reject saying why; it never throws.
 */
export async function* readJsonl(file: string, options: ReadOptions = {}): AsyncGenerator<ReadOutcome> {
  const fields = new FieldResolver(options.fields);
  const limit = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const lines = splitLines(readTextChunks(file, { onBytes: options.onBytes }), limit);
  let line = 0;
  try {
    for (;;) {
      let next: IteratorResult<string | OversizedLine>;
      try {
        next = await lines.next();
      } catch (err) {
        yield { ok: false, file, ...(line > 0 ? { line: line + 1 } : {}), reason: readFailureReason(err, line) };
        return;
      }
      if (next.done) return;
      line++;
      const text = next.value;
      if (typeof text !== 'string') yield { ok: false, file, line, reason: oversizedReason(text.bytes, limit) };
      else if (text.trim() !== '') yield parseJsonlRecord(text, file, line, fields);
    }
  } finally {
    await lines.return(undefined);
  }
}
