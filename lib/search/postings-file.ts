// FlexSearch's postings on disk. FlexSearch's own export writes JSON chunks cut
// by term count, and its first chunk (the most common words) held 91 MB of
// the 108 MB at 100,000 articles: slow to parse (about 2 s) and large in a
// serverless bundle. Here every term's posting lists are varint gaps in parts
// of bounded size, in vocabulary order, decoded into the arrays FlexSearch's
// import takes (`index.import('1.map', [[term, slots], …])`): about a quarter
// of the bytes, and several times faster to load.
import type { Index } from 'flexsearch';
import { postingsOf } from './flex';
import { VarintWriter, readVarints } from './varint';

/**
 * A part closes once it passes this many bytes. Small parts let a server
 * decode only those its first searches need (24 parts at 100,000 articles;
 * decoding all 24 MB took 350–500 ms here) instead of all of them at start.
 */
export const POSTING_PART_BYTES = 1 << 20;

const zigzag = (n: number) => (n >= 0 ? n * 2 : -n * 2 - 1);

/** The article ids FlexSearch registered (those with at least one term), ascending. */
export function registeredIds(index: Index): number[] {
  const reg = (index as unknown as { reg: Set<number> | Map<number, unknown> }).reg;
  return [...reg.keys()].sort((a, b) => a - b);
}

export function encodeRegistry(index: Index): Uint8Array {
  return encodeRegisteredIds(registeredIds(index));
}

/** The registry of the articles `ids` (ascending). */
export function encodeRegisteredIds(ids: readonly number[]): Uint8Array {
  const out = new VarintWriter();
  let previous = -1;
  for (const id of ids) {
    out.write(id - previous - 1);
    previous = id;
  }
  return out.bytes();
}

export function decodeRegistry(bytes: Uint8Array): number[] {
  const scratch = { values: new Uint32Array(1024) };
  const n = readVarints(bytes, 0, bytes.length, scratch);
  const ids = new Array<number>(n);
  let previous = -1;
  for (let i = 0; i < n; i++) ids[i] = previous = previous + 1 + scratch.values[i];
  return ids;
}

/**
 * Each part: per term with postings, the gap from the part's previous term
 * id (the first counts from -1), the number of slots, and per slot its length
 * and the zigzag gaps between ids (FlexSearch's order kept exactly: tf.u8
 * follows it).
 */
export function encodePostingParts(index: Index, vocabulary: readonly string[], partBytes = POSTING_PART_BYTES): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let out = new VarintWriter(1 << 20);
  let previous = -1;
  vocabulary.forEach((term, id) => {
    const slots = postingsOf(index, term);
    if (!slots) return;
    out.write(id - previous);
    previous = id;
    out.write(slots.length);
    for (const ids of slots) {
      const list = ids ?? [];
      out.write(list.length);
      let last = 0;
      for (const docId of list) {
        out.write(zigzag(docId - last));
        last = docId;
      }
    }
    if (out.length >= partBytes) {
      parts.push(out.bytes().slice());
      out = new VarintWriter(1 << 20);
      previous = -1;
    }
  });
  if (out.length > 0 || parts.length === 0) parts.push(out.bytes().slice());
  return parts;
}

/**
 * The parts encodePostingParts would write for the postings of `parts`
 * (the previous vocabulary's, one ascending slot per term) with ids added
 * after them: previous term v is term newIdOfOld[v] now, and term v gains
 * added[addedOffsets[v] .. addedOffsets[v + 1]), ids above all its previous
 * ones. A previous list's bytes are copied as they are; only a list that
 * gains ids is decoded, for its last id (a rebuild that adds 100 articles to
 * 100,000 decoded and encoded 19 million ids otherwise).
 */
export function appendPostingParts(
  parts: readonly Uint8Array[],
  newIdOfOld: Uint32Array,
  added: Uint32Array,
  addedOffsets: Uint32Array,
  partBytes = POSTING_PART_BYTES,
): Uint8Array[] {
  const size = addedOffsets.length - 1;
  const broken = (why: string) => new PostingsFileError(`a posting part ${why}: a partial copy?`);
  const appended: Uint8Array[] = [];
  let out = new VarintWriter(partBytes * 2 + 64);
  // The previous parts, read term by term in step with the new vocabulary.
  let p = -1;
  let bytes: Uint8Array = new Uint8Array(0);
  let at = 0;
  let oldId = -1;
  let oldTerm = -1;
  const next = () => {
    let b = bytes[at++];
    let value = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
    }
    if (at > bytes.length) throw broken('ends inside a number');
    return value;
  };
  let previous = -1;
  for (let v = 0; v < size; v++) {
    const from = addedOffsets[v];
    const to = addedOffsets[v + 1];
    const isOld = oldTerm + 1 < newIdOfOld.length && newIdOfOld[oldTerm + 1] === v;
    let length = to - from;
    let body = 0;
    let last = 0;
    if (isOld) {
      oldTerm++;
      while (at >= bytes.length) {
        if (++p >= parts.length) throw broken(`set ends before term ${oldTerm}`);
        bytes = parts[p];
        at = 0;
        oldId = -1;
      }
      oldId += next();
      if (oldId !== oldTerm) throw broken(`names term ${oldId} where term ${oldTerm} was expected`);
      if (next() !== 1) throw broken(`has other than one slot for term ${oldTerm}`);
      const count = next();
      // Every id takes a byte at least: a count beyond the bytes left is damage, not a long loop.
      if (count > bytes.length - at) throw broken(`claims ${count} ids for term ${oldTerm} in ${bytes.length - at} bytes`);
      length += count;
      body = at;
      if (to > from) {
        // Ids ascend: each zigzag gap is twice the gap, and the ids add up to the last.
        for (let k = 0; k < count; k++) {
          let b = bytes[at++];
          let gap = b & 0x7f;
          for (let shift = 7; b >= 0x80; shift += 7) {
            b = bytes[at++];
            gap += (b & 0x7f) * 2 ** shift;
          }
          last += gap / 2;
        }
      } else {
        // Skip the ids: a number ends at its one byte under 128.
        for (let k = 0; k < count; k++) while (bytes[at++] >= 0x80);
      }
      if (at > bytes.length) throw broken('ends inside a posting list');
    }
    if (length === 0) continue;
    out.write(v - previous);
    previous = v;
    out.write(1);
    out.write(length);
    if (isOld) out.writeBytes(bytes.subarray(body, at));
    for (let k = from; k < to; k++) {
      out.write(zigzag(added[k] - last));
      last = added[k];
    }
    if (out.length >= partBytes) {
      appended.push(out.bytes().slice());
      out = new VarintWriter(partBytes * 2 + 64);
      previous = -1;
    }
  }
  if (oldTerm + 1 !== newIdOfOld.length) throw broken(`set holds ${oldTerm + 1} of ${newIdOfOld.length} terms`);
  if (at < bytes.length || parts.slice(p + 1).some((part) => part.length > 0)) throw broken(`set holds more than ${newIdOfOld.length} terms`);
  if (out.length > 0 || appended.length === 0) appended.push(out.bytes().slice());
  return appended;
}

export class PostingsFileError extends Error {}

/**
 * One part as FlexSearch's import wants it, and each term's posting count
 * added into `counts` (by vocabulary id), from which the tf offsets follow.
 * The posting lists are views into one Uint32Array per part rather than
 * arrays: building 19 million array elements took 330 ms of a 400 ms load
 * at 100,000 articles, and they take half the memory. FlexSearch reads them
 * by index and length, as it reads its own arrays.
 */
export function decodePostingPart(bytes: Uint8Array, vocabulary: readonly string[], counts: Uint32Array | null): [string, Uint32Array[]][] {
  const scratch = { values: new Uint32Array(0) };
  const n = readVarints(bytes, 0, bytes.length, scratch);
  const v = scratch.values;
  const broken = (why: string) => new PostingsFileError(`a posting part ${why}: a partial copy?`);
  let total = 0;
  for (let i = 0, id = -1; i < n; ) {
    id += v[i++];
    if (id >= vocabulary.length) throw broken(`names term ${id} of a vocabulary of ${vocabulary.length}`);
    if (i >= n) throw broken('ends inside a term');
    // Every slot and id is a number of its own: counts beyond the numbers left are damage, not a long loop.
    const slots = v[i++];
    if (slots > n - i) throw broken(`claims ${slots} slots for term ${id} with ${n - i} numbers left`);
    for (let s = slots; s > 0; s--) {
      if (i >= n) throw broken('ends inside a posting list');
      const length = v[i++];
      if (length > n - i) throw broken(`claims ${length} ids for term ${id} with ${n - i} numbers left`);
      total += length;
      i += length;
    }
  }
  const ids = new Uint32Array(total);
  const entries: [string, Uint32Array[]][] = [];
  let at = 0;
  for (let i = 0, id = -1; i < n; ) {
    id += v[i++];
    const slots: Uint32Array[] = new Array(v[i++]);
    for (let s = 0; s < slots.length; s++) {
      const length = v[i++];
      const start = at;
      let last = 0;
      for (let k = 0; k < length; k++) {
        const z = v[i++];
        last += z & 1 ? -((z + 1) >>> 1) : z >>> 1;
        ids[at++] = last;
      }
      slots[s] = ids.subarray(start, at);
      if (counts) counts[id] += length;
    }
    entries.push([vocabulary[id], slots]);
  }
  return entries;
}

/**
 * Each term's posting count added into `counts`, from a part's sizes alone
 * (the ids are skipped, not decoded), and the part's first and last term ids:
 * enough to lay out the tf offsets and to know which part holds a term.
 */
export function countPostingPart(bytes: Uint8Array, vocabularySize: number, counts: Uint32Array): { first: number; last: number } {
  const broken = (why: string) => new PostingsFileError(`a posting part ${why}: a partial copy?`);
  const end = bytes.length;
  let at = 0;
  // Past the end bytes[at] is undefined, and `undefined < 0x80` is false: a
  // number cut by the end would be read forever without the bound.
  const next = () => {
    let value = 0;
    for (let shift = 0; at < end; shift += 7) {
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
    throw broken('ends inside a number');
  };
  let id = -1;
  let first = -1;
  while (at < end) {
    id += next();
    if (id >= vocabularySize) throw broken(`names term ${id} of a vocabulary of ${vocabularySize}`);
    if (first < 0) first = id;
    const slots = next();
    // Every slot and every id takes a byte at least: a count beyond the bytes left is damage, not a long loop.
    if (slots > end - at) throw broken(`claims ${slots} slots for term ${id} in ${end - at} bytes`);
    for (let s = slots; s > 0; s--) {
      const length = next();
      if (length > end - at) throw broken(`claims ${length} ids for term ${id} in ${end - at} bytes`);
      counts[id] += length;
      // Skip the ids: a number ends at its one byte under 128.
      for (let k = 0; k < length; k++) while (bytes[at++] >= 0x80);
      if (at > end) throw broken('ends inside a posting list');
    }
  }
  return { first, last: id };
}
