// The per-article half of story detection (lib/stories/detect.ts), made for a
// build of 100,000 articles: the same 5-gram hashes and MinHash values as
// detect.ts (both from hash.ts), computed from the words the index's analysis
// already made (no second run of the analyzer), each distinct word hashed once.
// corpus.test.ts checks the equality.
import { STORY_DEFAULTS } from './detect';
import { hash32, mix32, oneHashMinHash, shingleHash, sortedDistinct } from './hash';

export interface SignatureOptions {
  bands: number;
  rows: number;
  seed: number;
}

/** Per term id of one term table, its hash32: a table only grows, so a hash once made stays right. */
class WordHashes {
  hashes = new Uint32Array(1024);
  known = new Uint8Array(1024);
  constructor(readonly seed: number) {}

  of(id: number, terms: readonly string[]): number {
    if (id >= this.known.length) {
      const size = Math.max(id + 1, this.known.length * 2);
      const hashes = new Uint32Array(size), known = new Uint8Array(size);
      hashes.set(this.hashes);
      known.set(this.known);
      this.hashes = hashes;
      this.known = known;
    }
    if (!this.known[id]) {
      this.hashes[id] = hash32(terms[id], this.seed);
      this.known[id] = 1;
    }
    return this.hashes[id];
  }
}

const wordHashCache = new WeakMap<readonly string[], WordHashes>();

function wordHashesFor(terms: readonly string[], seed: number): WordHashes {
  let cache = wordHashCache.get(terms);
  if (!cache || cache.seed !== seed) wordHashCache.set(terms, (cache = new WordHashes(seed)));
  return cache;
}

/**
 * detect.ts's `shingles` of `words` given as term ids of `terms`: every
 * 5-gram's hash, distinct and sorted.
 */
export function shinglesOfWords(words: ArrayLike<number>, terms: readonly string[], seed: number = STORY_DEFAULTS.seed, size: number = STORY_DEFAULTS.shingle): Uint32Array {
  const n = words.length - size + 1;
  if (n <= 0) return new Uint32Array(0);
  const cache = wordHashesFor(terms, seed);
  const hashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) hashes[i] = cache.of(words[i], terms);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = shingleHash(hashes, i, size, seed);
  return sortedDistinct(out).slice();
}

/** detect.ts's MinHash signature (hash.ts's one-permutation hashing), bands × rows values. */
export function minHashes(sh: Uint32Array, { bands, rows, seed }: SignatureOptions): Uint32Array {
  return oneHashMinHash(sh, bands * rows, seed);
}

/**
 * One 32-bit key per LSH band: a hash of the band's `rows` MinHash values.
 * detect.ts keys a band by the values themselves; two different bands hash
 * alike once in 2^32, which only adds a candidate that verification then
 * judges by its real overlap, so no pair is grouped that detect.ts would not
 * group unless their overlap passes the threshold.
 */
export function bandKeysOf(sig: Uint32Array, { bands, rows, seed }: SignatureOptions, out = new Uint32Array(bands), at = 0): Uint32Array {
  for (let b = 0; b < bands; b++) {
    let h = (seed ^ Math.imul(b + 1, 0x85ebca6b)) >>> 0;
    for (let r = 0; r < rows; r++) {
      let k = Math.imul(sig[b * rows + r], 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      h ^= Math.imul(k, 0x1b873593);
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    }
    out[at + b] = mix32(h ^ rows);
  }
  return out;
}

