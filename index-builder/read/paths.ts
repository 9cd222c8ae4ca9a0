// File names as the builder carries them. Linux allows any bytes but "/" and
// NUL in a name, and Node decodes a name that is not UTF-8 with U+FFFD, after
// which the file cannot be opened by that name ("ENOENT"). So a name read from
// a folder is decoded losslessly instead: each byte that is not part of valid
// UTF-8 becomes a lone surrogate U+DC80..U+DCFF (Python's "surrogateescape"),
// which no decoded name contains, and is turned back into that byte where the
// file is opened (fsPath). Names are printed through `printable`, so a newline
// or an escape sequence in a name cannot forge a line of the summary or log.

const LONE_ESCAPE = /(?<![\uD800-\uDBFF])[\uDC80-\uDCFF]/;

/** A name as a folder listing gives it (bytes) → the string the builder carries. */
export function nameFromBytes(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let out = '';
    for (let i = 0; i < bytes.length; ) {
      const n = validSequenceAt(bytes, i);
      if (n > 0) {
        out += bytes.subarray(i, i + n).toString('utf8');
        i += n;
      } else out += String.fromCharCode(0xdc00 + bytes[i++]);
    }
    return out;
  }
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0. */
function validSequenceAt(b: Buffer, i: number): number {
  const x = b[i];
  if (x < 0x80) return 1;
  const n = x >= 0xc2 && x <= 0xdf ? 2 : x >= 0xe0 && x <= 0xef ? 3 : x >= 0xf0 && x <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > b.length) return 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(i, i + n));
    return n;
  } catch {
    return 0;
  }
}

/** The path to give `fs` for a carried name: the original bytes when it holds escaped ones. */
export function fsPath(file: string): string | Buffer {
  if (!LONE_ESCAPE.test(file)) return file;
  const bytes: number[] = [];
  for (let i = 0; i < file.length; i++) {
    const c = file.charCodeAt(i);
    const escaped = c >= 0xdc80 && c <= 0xdcff && !(i > 0 && file.charCodeAt(i - 1) >= 0xd800 && file.charCodeAt(i - 1) <= 0xdbff);
    if (escaped) bytes.push(c - 0xdc00);
    else {
      const cp = file.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      bytes.push(...Buffer.from(ch, 'utf8'));
      i += ch.length - 1;
    }
  }
  return Buffer.from(bytes);
}

/**
 * A path as printed in summaries, logs and messages: control characters
 * (C0, DEL, C1, line and paragraph separators) and backslashes JSON-escaped
 * ("\n", "\u001b"), a byte that is not UTF-8 as "\xff"; the rest, Persian
 * included, as it is.
 */
export function printable(file: string): string {
  // eslint-disable-next-line no-control-regex
  return file.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (ch === '\\') return '\\\\';
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
    if (named[ch]) return named[ch];
    if (c >= 0xdc80 && c <= 0xdcff) return `\\x${(c - 0xdc00).toString(16).padStart(2, '0')}`;
    return `\\u${c.toString(16).padStart(4, '0')}`;
  });
}
