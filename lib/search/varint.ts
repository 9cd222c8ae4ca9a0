// Unsigned LEB128: seven bits a byte, the high bit set on every byte but a
// number's last. Word codes and posting gaps are mostly small, so most take one
// or two bytes instead of four; and since a number's last byte is the only one
// under 128, a number starts exactly where the byte before it is under 128,
// which lets a phrase be found by searching bytes (runAt below; match/phrase.ts).

/** Grows as needed; `bytes()` is a view of what was written. */
export class VarintWriter {
  private buffer: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.buffer = new Uint8Array(capacity);
  }

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2 + 5, this.length + bytes));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  write(value: number): void {
    this.room(5);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.buffer[this.length++] = value;
  }

  /** Bytes already encoded, copied as they are. */
  writeBytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** The numbers of `bytes[start, end)`, in order, into `out` (grown when short); returns how many. */
export function readVarints(bytes: Uint8Array, start: number, end: number, out: { values: Uint32Array }): number {
  // Every number takes at least a byte.
  if (out.values.length < end - start) out.values = new Uint32Array(Math.max(end - start, out.values.length * 2));
  const values = out.values;
  let n = 0;
  // Unrolled: most numbers take one or two bytes, and this loop decodes a
  // hundred million of them when the postings load.
  let i = start;
  while (i < end) {
    let b = bytes[i++];
    let v = b & 0x7f;
    if (b >= 0x80) {
      b = bytes[i++];
      v |= (b & 0x7f) << 7;
      if (b >= 0x80) {
        b = bytes[i++];
        v |= (b & 0x7f) << 14;
        if (b >= 0x80) {
          b = bytes[i++];
          v |= (b & 0x7f) << 21;
          // The fifth byte's bits pass 2^31: add, not or.
          if (b >= 0x80) v = (v >>> 0) + (bytes[i++] & 0x7f) * 2 ** 28;
        }
      }
    }
    values[n++] = v;
  }
  // Past `end` a number's last byte is missing (undefined reads as 0): the bytes were cut.
  if (i > end) throw new RangeError(`a number runs past the end of its ${end - start} bytes`);
  return n;
}

export function varintBytes(values: ArrayLike<number>): Uint8Array {
  const w = new VarintWriter(values.length * 2 + 5);
  for (let i = 0; i < values.length; i++) w.write(values[i]);
  return w.bytes().slice();
}

/**
 * Where the numbers coded in `words` first hold the numbers coded in
 * `pattern` one after another, in bytes; -1 when nowhere. The byte search is
 * native; a hit counts only where a number starts (at 0, or after a byte
 * under 128), never inside a longer one.
 */
export function runAt(words: Buffer, pattern: Uint8Array): number {
  for (let from = 0; ; from++) {
    const hit = words.indexOf(pattern, from);
    if (hit < 0 || hit === 0 || words[hit - 1] < 0x80) return hit;
    from = hit;
  }
}
