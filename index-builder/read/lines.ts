/** A line longer than the limit: dropped unread, only its size is kept (at least this many bytes). */
export interface OversizedLine {
  readonly oversized: true;
  /** Its length in UTF-8 bytes. */
  readonly bytes: number;
}

/** What a line-based reader takes per record unless told otherwise (`--max-record-bytes`). */
export const DEFAULT_MAX_RECORD_BYTES = 20 * 1024 * 1024;

/** The reject reason of a record over the limit (`--max-record-bytes`). */
export function oversizedReason(bytes: number, limit: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `record too large: ${n(bytes)} bytes, over --max-record-bytes ${n(limit)}; not read (the records after it are)`;
}

/**
 * The lines of a text given in chunks whose line ends are already "\n"
 * (see readTextChunks), without their "\n". A last line without one counts;
 * a final "\n" does not start another. A line over `maxBytes` (UTF-8) is not
 * held: its text is dropped as it streams past and an OversizedLine stands in
 * its place, so a 2 GB line neither exhausts memory nor (past V8's longest
 * string) ends the file with the lines after it unread.
 */
export async function* splitLines(chunks: AsyncIterable<string>, maxBytes = Infinity): AsyncGenerator<string | OversizedLine> {
  let parts: string[] = [];
  let bytes = 0;
  let dropping = false;
  for await (const chunk of chunks) {
    for (let start = 0; ; ) {
      const end = chunk.indexOf('\n', start);
      const piece = end < 0 ? (start === 0 ? chunk : chunk.slice(start)) : chunk.slice(start, end);
      bytes += Buffer.byteLength(piece, 'utf8');
      if (!dropping && bytes > maxBytes) {
        dropping = true;
        parts = [];
      }
      if (!dropping && piece !== '') parts.push(piece);
      if (end < 0) break;
      yield dropping ? { oversized: true, bytes } : parts.length === 1 ? parts[0] : parts.join('');
      parts = [];
      bytes = 0;
      dropping = false;
      start = end + 1;
    }
  }
  if (dropping) yield { oversized: true, bytes };
  else if (parts.length > 0) yield parts.join('');
}
