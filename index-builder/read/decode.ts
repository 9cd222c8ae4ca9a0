// From the bytes of a file to text: gunzip when the name ends in .gz, find
// the encoding (UTF-8 with or without a byte-order mark, UTF-16 with one, or
// the Windows-1256 that older Persian tools save), refuse what is not text,
// and make every line end a plain "\n". Large files are decoded as a stream.

import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { fsPath } from './paths';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

/** The file is not text this reader can decode; `reason` says why, for the reject report. */
export class TextFileError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TextFileError';
  }
}

/** The first bytes looked at for NUL and control bytes. */
const BINARY_WINDOW = 8192;
/** How much of a file decides its encoding: enough for a few articles. */
const SNIFF_BYTES = 64 * 1024;
/** …unless it is all ASCII so far, which says nothing; then read on up to this much. */
const SNIFF_MAX_BYTES = 4 * 1024 * 1024;

// ------------------------------------------------------------------ sniffing

function hasBom(b: Uint8Array, ...bom: number[]): boolean {
  return bom.every((byte, i) => b[i] === byte);
}

/** Control bytes that text does not contain (tab, LF, VT, FF, CR and ESC aside). */
function isControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0b && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b;
}

function checkNotBinary(b: Uint8Array): void {
  const window = b.subarray(0, BINARY_WINDOW);
  if (window.includes(0)) {
    throw new TextFileError('not a text file: it has NUL bytes (binary data, or UTF-16 without a byte-order mark)');
  }
  let controls = 0;
  for (const byte of window) if (isControl(byte)) controls++;
  if (window.length > 0 && controls / window.length > 0.02) {
    throw new TextFileError(`not a text file: ${controls} control bytes in its first ${window.length} bytes`);
  }
}

function isValidUtf8(b: Uint8Array, complete: boolean): boolean {
  try {
    // In stream mode a character cut at the end of a prefix is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

// What each byte 0x80..0xFF is in Windows-1256, and whether it belongs to
// Persian text: Arabic-script letters and marks, ZWNJ/ZWJ, «», NBSP.
const PERSIAN_ISH = /[\u0600-\u06FF\u200C\u200D\u00AB\u00BB\u00A0\uFB50-\uFDFF\uFE70-\uFEFF]/;
let cp1256Persian: boolean[] | null = null;

function isPersianInCp1256(byte: number): boolean {
  if (!cp1256Persian) {
    const high = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));
    cp1256Persian = [...iconv.decode(high, 'win1256')].map((ch) => PERSIAN_ISH.test(ch));
  }
  return cp1256Persian[byte - 0x80];
}

/**
 * Bytes that are not UTF-8 but read as Persian in Windows-1256: at least 80%
 * of the bytes above 0x7F decode to Arabic-script letters, ZWNJ, «» or NBSP.
 * Random binary data scores about half, Latin-1 or Cyrillic text far less.
 */
export function looksLikeWindows1256(b: Uint8Array): boolean {
  let high = 0;
  let persian = 0;
  for (const byte of b) {
    if (byte < 0x80) continue;
    high++;
    if (isPersianInCp1256(byte)) persian++;
  }
  return high > 0 && persian / high >= 0.8;
}

export interface Sniffed {
  encoding: TextEncoding;
  /** Length of the byte-order mark, which the decoder drops. */
  bom: number;
}

/**
 * The encoding of a file from its first bytes (`complete` when that is the
 * whole file). Throws TextFileError when the bytes are not text.
 */
export function sniffEncoding(b: Uint8Array, complete: boolean): Sniffed {
  if (hasBom(b, 0xef, 0xbb, 0xbf)) {
    checkNotBinary(b.subarray(3));
    return { encoding: 'utf-8', bom: 3 };
  }
  if (hasBom(b, 0xff, 0xfe)) return { encoding: 'utf-16le', bom: 2 };
  if (hasBom(b, 0xfe, 0xff)) return { encoding: 'utf-16be', bom: 2 };
  if (hasBom(b, 0x1f, 0x8b)) throw new TextFileError('gzip-compressed data in a file whose name does not end in .gz');
  checkNotBinary(b);
  if (isValidUtf8(b, complete)) return { encoding: 'utf-8', bom: 0 };
  if (looksLikeWindows1256(b)) return { encoding: 'windows-1256', bom: 0 };
  throw new TextFileError('not a text file this reader can decode: neither UTF-8, UTF-16 with a byte-order mark, nor Windows-1256 Persian');
}

// ------------------------------------------------------------------ decoding

interface ChunkDecoder {
  write(bytes: Buffer): string;
  end(): string;
}

function decoderFor(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'windows-1256') {
    // iconv-lite rather than TextDecoder: Node builds without full ICU lack it.
    const decoder = iconv.getDecoder('win1256');
    return { write: (b) => decoder.write(b), end: () => decoder.end() ?? '' };
  }
  // TextDecoder drops the byte-order mark itself.
  const decoder = new TextDecoder(encoding, { fatal: true });
  return { write: (b) => decoder.decode(b, { stream: true }), end: () => decoder.decode() };
}

/** Decodes one chunk after another, turning a decoding error into a TextFileError that says where. */
class Decoder {
  private readonly inner: ChunkDecoder;
  private offset = 0;
  private first = true;

  constructor(readonly encoding: TextEncoding) {
    this.inner = decoderFor(encoding);
  }

  private guard(run: () => string, length: number): string {
    let text: string;
    try {
      text = run();
    } catch {
      const where = this.offset === 0 ? '' : ` after the first ${this.offset.toLocaleString('en-US')} bytes`;
      throw new TextFileError(`not valid ${this.encoding} text${where} (was the file saved in two encodings?)`);
    }
    if (this.first && this.encoding.startsWith('utf-16') && text.slice(0, BINARY_WINDOW / 2).includes('\0')) {
      throw new TextFileError(`not a text file: it has NUL characters in ${this.encoding}`);
    }
    this.first = false;
    this.offset += length;
    return text;
  }

  write(bytes: Buffer): string {
    return this.guard(() => this.inner.write(bytes), bytes.length);
  }

  end(): string {
    return this.guard(() => this.inner.end(), 0);
  }
}

/** CRLF and lone CR → LF, across chunk boundaries. */
class NewlineNormalizer {
  private heldCr = false;

  push(text: string): string {
    if (this.heldCr) text = '\r' + text;
    this.heldCr = text.endsWith('\r');
    if (this.heldCr) text = text.slice(0, -1);
    return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  }

  end(): string {
    return this.heldCr ? '\n' : '';
  }
}

/** A whole file's bytes (already gunzipped) as text; throws TextFileError. CR and CRLF are left as they are. */
export function decodeBytes(bytes: Buffer): { text: string; encoding: TextEncoding } {
  const { encoding } = sniffEncoding(bytes, true);
  const decoder = new Decoder(encoding);
  return { text: decoder.write(bytes) + decoder.end(), encoding };
}

type Stamp = { size: number; mtimeMs: number } | null;

const stampOf = (file: string): Promise<Stamp> => stat(fsPath(file)).then(({ size, mtimeMs }) => ({ size, mtimeMs }), () => null);

/**
 * Why what was read is not the file (it was truncated, rewritten or removed
 * while read), or null. Without this a file cut mid-character while read was
 * reported as "saved in two encodings?".
 */
async function changedSince(file: string, before: Stamp): Promise<string | null> {
  if (!before) return null;
  const after = await stampOf(file);
  const n = (x: number) => x.toLocaleString('en-US');
  if (!after) return 'the file was removed during the build, while it was read';
  if (after.size === before.size && after.mtimeMs === before.mtimeMs) return null;
  const sizes = after.size === before.size ? `still ${n(after.size)} bytes, modified` : `${n(before.size)} bytes when reading began, ${n(after.size)} when it ended`;
  return `the file changed during the build (${sizes}); build again to read it as it is now`;
}

/**
 * A whole small file (one plain-text article) as text, gunzipped when its
 * name ends in .gz. Throws TextFileError for what is not text, and the
 * system's error when the file cannot be read.
 */
export async function readWholeText(file: string, onBytes?: (n: number) => void): Promise<string> {
  const before = await stampOf(file);
  const raw = await readFile(fsPath(file));
  const changed = await changedSince(file, before);
  if (changed) throw new TextFileError(changed);
  onBytes?.(raw.length);
  let bytes = raw;
  if (/\.gz$/i.test(file)) {
    try {
      bytes = gunzipSync(raw);
    } catch (err) {
      throw new TextFileError(`not valid gzip data (${(err as Error).message})`);
    }
  }
  return decodeBytes(bytes).text;
}

function openBytes(file: string, onBytes?: (n: number) => void): Readable {
  const raw = createReadStream(fsPath(file), { highWaterMark: 1 << 20 });
  if (onBytes) raw.on('data', (chunk) => onBytes(chunk.length));
  if (!/\.gz$/i.test(file)) return raw;
  const gunzip = createGunzip({ chunkSize: 1 << 16 });
  // pipe() does not pass errors on; without this an unreadable file would
  // leave the reader waiting forever.
  raw.on('error', (err) => gunzip.destroy(err));
  gunzip.on('close', () => raw.destroy());
  return raw.pipe(gunzip);
}

/** A read error for people: zlib's terse messages get a word of context. */
export function describeReadError(err: unknown): string {
  if (err instanceof TextFileError) return err.reason;
  const e = err as NodeJS.ErrnoException;
  if (typeof e?.code === 'string' && e.code.startsWith('Z_')) return `not valid gzip data (${e.message})`;
  return e?.message ?? String(err);
}

/**
 * The reason for a reject when reading stopped after `line` lines (0: at the
 * start): the decoding problem as it is, any other error as "cannot read".
 */
export function readFailureReason(err: unknown, line: number): string {
  const after = line > 0 ? ` after line ${line}` : '';
  if (err instanceof TextFileError) return line > 0 ? `${err.reason} (after line ${line})` : err.reason;
  return `cannot read${after}: ${describeReadError(err)}`;
}

/**
 * The text of a file, decoded chunk by chunk, every line ending a "\n" and
 * the byte-order mark dropped. Throws TextFileError when the file is not text
 * (the caller turns it into a reject), and the system's or zlib's error when
 * it cannot be read. Never holds more than a few MB of the file at once.
 */
export async function* readTextChunks(file: string, options: { onBytes?: (n: number) => void } = {}): AsyncGenerator<string> {
  const before = await stampOf(file);
  const input = openBytes(file, options.onBytes);
  const newlines = new NewlineNormalizer();
  let decoder: Decoder | undefined;
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let sawHigh = false;

  /** Decides the encoding from the bytes held so far and decodes them. */
  const start = (complete: boolean): [Decoder, string] => {
    const prefix = Buffer.concat(pending);
    pending = [];
    const started = new Decoder(sniffEncoding(prefix, complete).encoding);
    return [started, started.write(prefix)];
  };

  try {
    let tail = '';
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        let text: string;
        if (decoder) {
          text = decoder.write(chunk);
        } else {
          pending.push(chunk);
          pendingLength += chunk.length;
          sawHigh ||= chunk.some((byte) => byte >= 0x80);
          if (pendingLength < SNIFF_BYTES || (!sawHigh && pendingLength < SNIFF_MAX_BYTES)) continue;
          [decoder, text] = start(false);
        }
        const out = newlines.push(text);
        if (out) yield out;
      }
      if (!decoder) [decoder, tail] = start(true);
      tail += decoder.end();
    } catch (err) {
      // A file cut while read fails to decode or unzip: say that, not what it looks like.
      const changed = await changedSince(file, before);
      throw changed ? new TextFileError(changed) : err;
    }
    // Before the last line: a file cut at a line end reads without an error, but not whole.
    const changed = await changedSince(file, before);
    if (changed) throw new TextFileError(changed);
    const out = newlines.push(tail) + newlines.end();
    if (out) yield out;
  } finally {
    // The consumer may stop early; the file must not stay open.
    input.destroy();
  }
}
