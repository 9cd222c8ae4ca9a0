// A byte limit per CSV record, ahead of csv-parse: its own max_record_size,
// with skip_records_with_error, reports every character past the limit and
// keeps the cell growing, so a 2 GB cell still ended the file. This guard
// knows just enough of the quoting (a quote opens a cell only at its start,
// "" inside a quoted cell is a quote, as csv-parse with relax_quotes reads
// them) to find where records end, holds only the record being read, and
// passes the text through unchanged but for a record over the limit, which
// becomes one cell naming its size, over as many lines as it had, so the
// line numbers csv-parse counts stay those of the file.

/** The one cell a record over the limit is replaced by: NUL is in no decoded text readers pass on. */
export const OVERSIZED_CELL = '\u0000oversized-record:';

const QUOTE = 0x22;
const NEWLINE = 0x0a;

export class CsvRecordGuard {
  private quoted = false;
  /** The last character seen was a quote inside a quoted cell: it closes it unless a quote follows. */
  private quoteHeld = false;
  /** The character before the current position, across chunks (a quote opens a cell only after a delimiter or a line end). */
  private previous = NEWLINE;
  /** The text of the record being read, while it is within the limit. */
  private held: string[] = [];
  private bytes = 0;
  private dropping = false;
  private newlines = 0;

  constructor(
    delimiter: string,
    private readonly maxBytes: number,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  private readonly delimiter: number;

  /** The text to give the parser for this chunk. */
  push(chunk: string): string {
    if (chunk === '') return '';
    const out: string[] = [];
    let from = 0; // the start, in this chunk, of the record being read
    // Jumps from quote to line end with indexOf: a loop over every character made CSV reading 25% slower.
    let nextQuote = -2;
    let nextNewline = -2;
    for (let i = 0; i < chunk.length; ) {
      if (this.quoteHeld) {
        this.quoteHeld = false;
        if (chunk.charCodeAt(i) === QUOTE) {
          i++; // "" : a quote in the cell
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        const q = chunk.indexOf('"', i);
        if (q < 0) break;
        this.quoteHeld = true;
        i = q + 1;
        continue;
      }
      if (nextQuote !== -1 && nextQuote < i) nextQuote = chunk.indexOf('"', i);
      if (nextNewline !== -1 && nextNewline < i) nextNewline = chunk.indexOf('\n', i);
      if (nextNewline >= 0 && (nextQuote < 0 || nextNewline < nextQuote)) {
        this.endRecord(chunk.slice(from, nextNewline + 1), out);
        i = from = nextNewline + 1;
      } else if (nextQuote >= 0) {
        const before = nextQuote === 0 ? this.previous : chunk.charCodeAt(nextQuote - 1);
        if (before === this.delimiter || before === NEWLINE) this.quoted = true;
        i = nextQuote + 1;
      } else break;
    }
    this.previous = chunk.charCodeAt(chunk.length - 1);
    if (from < chunk.length) this.add(chunk.slice(from));
    return out.join('');
  }

  /** What is left: a last record without a line end. */
  end(): string {
    const out: string[] = [];
    if (this.dropping || this.held.length > 0) this.endRecord('', out, false);
    return out.join('');
  }

  private add(text: string): void {
    this.bytes += Buffer.byteLength(text, 'utf8');
    if (!this.dropping && this.bytes > this.maxBytes) {
      this.dropping = true;
      for (const part of this.held) this.newlines += countNewlines(part);
      this.held = [];
    }
    if (this.dropping) this.newlines += countNewlines(text);
    else this.held.push(text);
  }

  private endRecord(last: string, out: string[], withNewline = true): void {
    if (this.held.length === 0 && !this.dropping && this.bytes + last.length * 3 <= this.maxBytes) {
      out.push(last); // the common case: a record inside one chunk, well within the limit
    } else {
      this.add(withNewline ? last.slice(0, -1) : last);
      if (this.dropping) {
        out.push(`"${OVERSIZED_CELL}${this.bytes}${'\n'.repeat(this.newlines)}"${withNewline ? '\n' : ''}`);
      } else {
        out.push(...this.held, withNewline ? '\n' : '');
      }
    }
    this.held = [];
    this.bytes = 0;
    this.dropping = false;
    this.newlines = 0;
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/** The size of a record the guard replaced, from its cells, or null. */
export function oversizedSize(cells: readonly string[]): number | null {
  if (cells.length !== 1 || !cells[0].startsWith(OVERSIZED_CELL)) return null;
  return Number.parseInt(cells[0].slice(OVERSIZED_CELL.length), 10);
}
