// The hashes story detection is made of, shared by detect.ts (the reference,
// over text) and signature.ts (the builder's, over term ids), so that both
// give the same numbers by construction.
//
// A 5-gram's hash is made from its five words' hashes, not from its text: a
// build hashes each distinct word once (about 700,000 at 100,000 articles)
// instead of every character of every 5-gram (36 million 5-grams, about 30
// characters each), which made hashing 5× faster.
//
// The MinHash signature is one-permutation hashing with optimal
// densification (Shrivastava, ICML 2017): one hash per 5-gram picks its bin
// and its value, the least value in each bin is kept, and an empty bin takes
// the value of the first non-empty bin on its own seeded probe sequence. Its
// collision probability is the Jaccard similarity like k independent
// permutations', at the cost of one hash per 5-gram instead of k (128).
import { radixSort } from './radix';

/** murmur3's step over one 32-bit block `k` of the input. */
function block(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** A 32-bit murmur3-style hash of a string with a seed: stable across runs and platforms. */
export function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) h = block(h, text.charCodeAt(i));
  return mix32(h ^ text.length);
}

/** murmur3's finalizer: every input bit moves every output bit. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The hash of the `size` words from `at`, given their hashes (murmur3's block step over each). */
export function shingleHash(wordHashes: ArrayLike<number>, at: number, size: number, seed: number): number {
  let h = seed >>> 0;
  for (let w = 0; w < size; w++) h = block(h, wordHashes[at + w]);
  return mix32(h ^ size);
}

/** Distinct, sorted, in place: returns the view of the distinct values. */
export function sortedDistinct(values: Uint32Array): Uint32Array {
  radixSort(values);
  let m = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[m - 1]) values[m++] = values[i];
  return values.subarray(0, m);
}

/** The bin probed at `attempt` for empty bin `bin` (densification). */
function probe(bin: number, attempt: number, bins: number, seed: number): number {
  const x = mix32((Math.imul(bin + 1, 0x9e3779b9) ^ Math.imul(attempt, 0x85ebca6b) ^ seed) >>> 0);
  return Math.floor((x / 4294967296) * bins);
}

/**
 * The MinHash signature of distinct 5-gram hashes, `bins` values: all
 * 0xffffffff when there are none. Each bin's value is a 5-gram's mixed hash,
 * so two articles' bins agree when they share the 5-gram that is least there.
 */
export function oneHashMinHash(shingles: ArrayLike<number>, bins: number, seed: number): Uint32Array {
  const sig = new Uint32Array(bins).fill(0xffffffff);
  const filled = new Uint8Array(bins);
  for (let i = 0; i < shingles.length; i++) {
    const v = mix32((shingles[i] ^ seed) >>> 0);
    const b = Math.floor((v / 4294967296) * bins);
    filled[b] = 1;
    if (v < sig[b]) sig[b] = v;
  }
  if (shingles.length === 0) return sig;
  const out = sig.slice();
  for (let b = 0; b < bins; b++) {
    if (filled[b]) continue;
    let attempt = 1;
    let from = probe(b, attempt, bins, seed);
    while (!filled[from]) from = probe(b, ++attempt, bins, seed);
    out[b] = sig[from];
  }
  return out;
}
