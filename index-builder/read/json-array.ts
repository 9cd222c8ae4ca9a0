// .json archives: an array of records, [{"title": …, "body": …}, …], with
// the field names of read/fields.ts. Exports from some tools are JSON Lines
// or a lone object saved as .json; a file of top-level objects one after the
// other is read like JSON Lines. The file is read as a stream and cut into
// one text per record before parsing, so a large array never becomes one
// string and one broken record does not lose the others.

import { readFailureReason, readTextChunks } from './decode';
import { FieldResolver } from './fields';
import { DEFAULT_MAX_RECORD_BYTES, oversizedReason } from './lines';
import { RecordError, jsonRecordToArticle } from './record';
import type { ReadOptions, ReadOutcome } from './types';

/** The text of one top-level record, where it starts, and its 1-based position. */
export interface JsonElement {
  /** Empty when the element is over the limit (`oversized`). */
  text: string;
  /** Its size in UTF-8 bytes, when over the splitter's limit: its text was dropped as it streamed past. */
  oversized?: number;
  line: number;
  record: number;
}

/** Where and why the file stopped being an array (or sequence) of JSON values. */
export interface JsonStructureError {
  line: number;
  reason: string;
}

class Stop extends Error {}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xfeff;

/**
 * Cuts JSON text, given chunk by chunk, into the texts of the elements of a
 * top-level array, or of top-level objects that follow one another. It
 * tracks only nesting and strings; each element's own syntax is left to
 * JSON.parse.
 */
export class JsonElementSplitter {
  private mode: 'start' | 'array' | 'objects' | 'end' = 'start';
  /** In an array: whether a value (else a "," or "]") comes next. */
  private wantValue = true;

  private collecting = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private primitive = false;
  private parts: string[] = [];
  /** UTF-8 bytes of the current element so far. */
  private bytes = 0;
  private startLine = 0;

  /** `maxBytes`: the longest element kept (`--max-record-bytes`); a longer one is still cut out, but not held. */
  constructor(private readonly maxBytes = Infinity) {}

  /** Adds text of the current element, dropping it all once the element is over the limit. */
  private keep(text: string): void {
    this.bytes += Buffer.byteLength(text, 'utf8');
    if (this.bytes > this.maxBytes) this.parts = [];
    else this.parts.push(text);
  }

  private element(): JsonElement {
    const record = ++this.count;
    if (this.bytes > this.maxBytes) return { text: '', oversized: this.bytes, line: this.startLine, record };
    return { text: this.parts.join(''), line: this.startLine, record };
  }

  /** The current line (1-based). */
  line = 1;
  private count = 0;
  /** Set when the text stopped making sense; nothing after it is read. */
  error: JsonStructureError | null = null;

  private fail(reason: string, line = this.line): never {
    this.error = { line, reason };
    throw new Stop();
  }

  private describe(c: number): string {
    return `"${String.fromCharCode(c)}"`;
  }

  /** The elements completed by this chunk; after an error, none (see `error`). */
  push(chunk: string): JsonElement[] {
    const out: JsonElement[] = [];
    if (this.error) return out;
    try {
      this.scan(chunk, out);
    } catch (err) {
      if (!(err instanceof Stop)) throw err;
    }
    return out;
  }

  private scan(chunk: string, out: JsonElement[]): void {
    let from = 0; // where the current element's text in this chunk starts
    const finish = (end: number) => {
      this.keep(chunk.slice(from, end));
      out.push(this.element());
      this.parts = [];
      this.collecting = false;
      this.wantValue = false;
    };

    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.collecting) {
        if (c === NEWLINE) this.line++;
        if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === QUOTE) {
            this.inString = false;
            if (this.depth === 0) finish(i + 1);
          }
        } else if (this.primitive) {
          if (c === 0x2c || c === 0x5d || c === 0x7d || isSpace(c)) {
            if (c === NEWLINE) this.line--;
            finish(i);
            i--; // the delimiter belongs to the array
          }
        } else if (c === QUOTE) this.inString = true;
        else if (c === 0x7b || c === 0x5b) this.depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (--this.depth === 0) finish(i + 1);
        }
        continue;
      }

      if (c === NEWLINE) this.line++;
      if (isSpace(c)) continue;
      const begin = () => {
        this.collecting = true;
        from = i;
        this.parts = [];
        this.bytes = 0;
        this.startLine = this.line;
        this.depth = c === 0x7b || c === 0x5b ? 1 : 0;
        this.inString = c === QUOTE;
        this.escaped = false;
        this.primitive = !(this.depth === 1 || this.inString);
      };
      switch (this.mode) {
        case 'start':
          if (c === 0x5b) this.mode = 'array';
          else if (c === 0x7b) {
            this.mode = 'objects';
            begin();
          } else this.fail(`a .json file must hold an array of records ("[…]"); it starts with ${this.describe(c)}`);
          break;
        case 'array':
          if (this.wantValue) {
            if (c === 0x5d) this.mode = 'end'; // "[]", or a trailing comma before "]"
            else if (c === 0x2c) this.fail(`unexpected "," ${this.count ? `after record ${this.count}` : 'before the first record'}`);
            else begin();
          } else if (c === 0x2c) {
            this.wantValue = true;
          } else if (c === 0x5d) this.mode = 'end';
          else this.fail(`expected "," or "]" after record ${this.count}, found ${this.describe(c)}`);
          break;
        case 'objects':
          if (c === 0x7b) begin();
          else this.fail(`expected another JSON object after record ${this.count}, found ${this.describe(c)}`);
          break;
        case 'end':
          this.fail(`unexpected ${this.describe(c)} after the closing "]"`);
      }
    }
    if (this.collecting) this.keep(chunk.slice(from));
  }

  /** The last element, if the text ended right after one without a delimiter; sets `error` if the text is cut short. */
  end(): JsonElement[] {
    const out: JsonElement[] = [];
    if (this.error) return out;
    try {
      this.finishText(out);
    } catch (err) {
      if (!(err instanceof Stop)) throw err;
    }
    return out;
  }

  private finishText(out: JsonElement[]): void {
    if (this.collecting) {
      if (this.primitive) {
        out.push(this.element());
        this.collecting = false;
      } else {
        this.fail(`the file ends inside record ${this.count + 1}, which starts at line ${this.startLine}`, this.startLine);
      }
    }
    if (this.mode === 'start') this.fail('the file is empty: expected an array of records');
    if (this.mode === 'array') this.fail('the file ends before the closing "]" of the array');
  }
}

function toOutcome(element: JsonElement, file: string, fields: FieldResolver, limit: number): ReadOutcome {
  const where = { file, line: element.line, record: element.record };
  if (element.oversized !== undefined) return { ok: false, ...where, reason: oversizedReason(element.oversized, limit) };
  let json: unknown;
  try {
    json = JSON.parse(element.text);
  } catch (err) {
    return { ok: false, ...where, reason: `invalid JSON: ${(err as Error).message}` };
  }
  try {
    return { ok: true, article: jsonRecordToArticle(json, fields), ...where };
  } catch (err) {
    if (err instanceof RecordError) return { ok: false, ...where, reason: err.message };
    throw err;
  }
}

/**
 * Every record of a .json file (gzipped when it ends in .gz) as an outcome
 * with its record number and the line it starts on. A structural error
 * (text between records, a missing "]") ends the file with one reject; a
 * record over `options.maxRecordBytes` is rejected alone.
 */
export async function* readJsonArray(file: string, options: ReadOptions = {}): AsyncGenerator<ReadOutcome> {
  const fields = new FieldResolver(options.fields);
  const limit = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const splitter = new JsonElementSplitter(limit);
  const chunks = readTextChunks(file, { onBytes: options.onBytes });
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await chunks.next();
      } catch (err) {
        const line = splitter.line > 1 ? splitter.line : 0;
        yield { ok: false, file, ...(line ? { line } : {}), reason: readFailureReason(err, line && line - 1) };
        return;
      }
      const elements = next.done ? splitter.end() : splitter.push(next.value);
      for (const element of elements) yield toOutcome(element, file, fields, limit);
      if (splitter.error) {
        yield { ok: false, file, line: splitter.error.line, reason: `invalid JSON: ${splitter.error.reason}` };
        return;
      }
      if (next.done) return;
    }
  } finally {
    await chunks.return(undefined);
  }
}
