// CSV and TSV archives (.csv, .tsv, either gzipped): a header row naming the
// columns (read/fields.ts: title, headline, عنوان …), then one article per
// row. Quoted cells may hold the delimiter, quotes ("") and line breaks,
// which separate paragraphs of the body; a tags cell is split on «،» «,»
// «؛» «;» «|». Parsed by csv-parse as the text streams in.

import { type CsvError, type Options, parse } from 'csv-parse';
import { readFailureReason, readTextChunks } from './decode';
import { CsvRecordGuard, oversizedSize } from './csv-guard';
import { FIELDS, FieldResolver } from './fields';
import { DEFAULT_MAX_RECORD_BYTES, oversizedReason } from './lines';
import { RecordError, recordToArticle } from './record';
import { type ReadOptions, type ReadOutcome, formatNames } from './types';

/** A parsed row or a row csv-parse skipped, with the line it starts on. */
type CsvEvent = { kind: 'row'; cells: string[]; line: number; end: number } | { kind: 'skip'; error: CsvError | undefined; line: number };

/**
 * The line each record starts on, from what csv-parse counts: the line a
 * record ends on and the blank lines skipped so far (its `raw` option would
 * say it directly but makes parsing several times slower).
 */
class LineTracker {
  private end = 0;
  private empty = 0;

  next(info: { lines?: unknown; empty_lines?: unknown }): number {
    const lines = typeof info.lines === 'number' ? info.lines : this.end + 1;
    const empty = typeof info.empty_lines === 'number' ? info.empty_lines : this.empty;
    const start = this.end + 1 + (empty - this.empty);
    this.end = lines;
    this.empty = empty;
    return start;
  }
}

/**
 * Every row of a CSV (delimiter ",") or TSV ("\t") file as an outcome with
 * the line it starts on and its row number. A file that cannot be read, a
 * header without a title or body column, or a quote left open ends the file
 * with one reject; a bad row is rejected alone.
 */
export async function* readCsv(file: string, delimiter: ',' | '\t', options: ReadOptions = {}): AsyncGenerator<ReadOutcome> {
  const resolver = new FieldResolver(options.fields);
  const limit = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const guard = new CsvRecordGuard(delimiter, limit);
  const events: CsvEvent[] = [];
  const tracker = new LineTracker();
  const settings: Options = {
    delimiter,
    record_delimiter: '\n', // readTextChunks has made every line end one
    relax_quotes: true, // a quote inside an unquoted cell is text: «گفت "نه"»
    relax_column_count: true, // rows of the wrong length are rejected below, with the counts
    skip_empty_lines: true,
    skip_records_with_error: true,
    // Both called in order as the text is parsed, so rows and errors keep their order.
    on_record: (record, context) => {
      events.push({ kind: 'row', cells: record, line: tracker.next(context), end: context.lines });
      return undefined;
    },
    on_skip: (error) => {
      events.push({ kind: 'skip', error, line: tracker.next((error ?? {}) as { lines?: unknown; empty_lines?: unknown }) });
      return undefined;
    },
  };
  const parser = parse(settings);
  let parserError: Error | null = null;
  parser.on('error', (err) => (parserError = err));
  const feed = (chunk: string) =>
    new Promise<void>((resolve, reject) => parser.write(chunk, (err) => (err ? reject(err) : resolve())));
  const finish = () =>
    new Promise<void>((resolve, reject) => {
      parser.once('error', reject);
      parser.once('finish', resolve);
      parser.end();
    });

  let header: string[] | null = null;
  let candidates: ReturnType<FieldResolver['candidates']> | null = null;
  let rows = 0;
  let lastLine = 0;
  let stopped = false;

  /** The outcomes of the events parsed so far. */
  function* drain(): Generator<ReadOutcome> {
    while (events.length > 0 && !stopped) {
      const event = events.shift()!;
      const line = event.line;
      if (event.kind === 'skip') {
        yield { ok: false, file, line, record: ++rows, reason: `invalid CSV: ${event.error?.message ?? 'unreadable row'}` };
        continue;
      }
      lastLine = event.end;
      if (event.cells.every((c) => c.trim() === '')) continue;
      const oversized = oversizedSize(event.cells);
      if (oversized !== null && !header) {
        stopped = true;
        yield { ok: false, file, line, reason: `the header row is too large: ${oversizedReason(oversized, limit)}` };
        return;
      }
      if (oversized !== null) {
        yield { ok: false, file, line, record: ++rows, reason: oversizedReason(oversized, limit) };
        continue;
      }
      if (!header) {
        header = event.cells.map((c) => c.trim());
        candidates = resolver.candidates(header);
        for (const field of ['title', 'body'] as const) {
          if (candidates[field].length === 0) {
            stopped = true;
            yield {
              ok: false,
              file,
              line,
              reason: `the header has no "${field}" column (columns: ${formatNames(header)}); name it with --map ${field}=<column> (fields: ${FIELDS.join(', ')})`,
            };
            return;
          }
        }
        continue;
      }
      const where = { file, line, record: ++rows };
      if (event.cells.length !== header.length) {
        const sep = delimiter === '\t' ? 'tab' : '","';
        yield {
          ok: false,
          ...where,
          reason: `the row has ${event.cells.length} cells but the header has ${header.length} (a ${sep} or a quote out of place?)`,
        };
        continue;
      }
      const record: Record<string, string> = Object.create(null);
      header.forEach((name, i) => {
        if (!(name in record)) record[name] = event.cells[i];
      });
      try {
        yield { ok: true, article: recordToArticle(record, candidates!), ...where };
      } catch (err) {
        if (!(err instanceof RecordError)) throw err;
        yield { ok: false, ...where, reason: err.message };
      }
    }
  }

  const chunks = readTextChunks(file, { onBytes: options.onBytes });
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await chunks.next();
        if (next.done) {
          const rest = guard.end();
          if (rest) await feed(rest);
          await finish();
        } else {
          const text = guard.push(next.value);
          if (text) await feed(text);
        }
      } catch (err) {
        yield* drain();
        if (!stopped) yield { ok: false, file, ...(lastLine ? { line: lastLine + 1 } : {}), reason: readFailureReason(parserError ?? err, lastLine) };
        return;
      }
      yield* drain();
      if (stopped) return;
      if (next.done) break;
    }
    if (!header) yield { ok: false, file, reason: 'the file is empty: no header row' };
  } finally {
    await chunks.return(undefined);
    parser.destroy();
  }
}
