// The per-article half of story detection (lib/stories/detect.ts), made for a
// build of 100,000 articles: the same 5-gram hashes and MinHash values as
// detect.ts, computed from the words the index's analysis already made (no
// second run of the analyzer) and without building a string per 5-gram.
// detect.test.ts's examples and signature.test.ts check the equality.
import { STORY_DEFAULTS, hash32 } from './detect';

export interface SignatureOptions {
  bands: number;
  rows: number;
  seed: number;
}

/**
 * hash32(words[i..i+5).join(' '), seed) for every 5-gram of `words` (given as
 * term ids of `terms`), distinct and sorted: detect.ts's `shingles`, streamed.
 */
export function shinglesOfWords(words: ArrayLike<number>, terms: readonly string[], seed: number = STORY_DEFAULTS.seed, size: number = STORY_DEFAULTS.shingle): Uint32Array {
  const n = words.length - size + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = seed >>> 0;
    let length = 0;
    for (let w = 0; w < size; w++) {
      if (w > 0) {
        // The space between two words.
        let k = Math.imul(32, 0xcc9e2d51);
        k = (k << 15) | (k >>> 17);
        h ^= Math.imul(k, 0x1b873593);
        h = (h << 13) | (h >>> 19);
        h = (Math.imul(h, 5) + 0xe6546b64) | 0;
        length++;
      }
      const term = terms[words[i + w]];
      for (let c = 0; c < term.length; c++) {
        let k = Math.imul(term.charCodeAt(c), 0xcc9e2d51);
        k = (k << 15) | (k >>> 17);
        h ^= Math.imul(k, 0x1b873593);
        h = (h << 13) | (h >>> 19);
        h = (Math.imul(h, 5) + 0xe6546b64) | 0;
      }
      length += term.length;
    }
    out[i] = mix32(h ^ length);
  }
  out.sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[m - 1]) out[m++] = out[i];
  return out.slice(0, m);
}

function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const saltCache = new Map<string, Int32Array>();
function salts(n: number, seed: number): Int32Array {
  const key = `${n}:${seed}`;
  let s = saltCache.get(key);
  if (!s) {
    s = new Int32Array(n);
    for (let j = 0; j < n; j++) s[j] = Math.imul(j + 1, 0x9e3779b9) ^ seed;
    saltCache.set(key, s);
  }
  return s;
}

/** detect.ts's MinHash signature: per permutation j, the least mix32(s ^ salt_j) over the shingles. */
export function minHashes(sh: Uint32Array, { bands, rows, seed }: SignatureOptions): Uint32Array {
  const n = bands * rows;
  const salt = salts(n, seed);
  const sig = new Uint32Array(n).fill(0xffffffff);
  for (let i = 0; i < sh.length; i++) {
    const s = sh[i];
    for (let j = 0; j < n; j++) {
      let x = s ^ salt[j];
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x = (x ^ (x >>> 16)) >>> 0;
      if (x < sig[j]) sig[j] = x;
    }
  }
  return sig;
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

// hash32 is detect.ts's; re-exported so the equality test names both.
export { hash32 };
