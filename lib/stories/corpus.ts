// detect.ts's stories over a whole index, by article number, in typed arrays:
// detect.ts keeps a Map entry per distinct 5-gram, and V8's Maps stop at 2^24
// entries, fewer than a 100,000-article archive has (about 36 million
// 5-grams). The algorithm is detect.ts's: 5-grams that more than
// `maxShingleDf` articles have are boilerplate; candidates share an LSH band
// (signature.ts); a candidate is a copy when overlap(A, B) = |A ∩ B| /
// min(|A|, |B|) over the other 5-grams reaches the threshold; stories are the
// connected groups, the earliest dated copy (ties by id) first.
//
// Incremental: `add` takes articles after the ones it holds. Only the new
// candidates are verified, unless a 5-gram became boilerplate, which can
// change an old pair's overlap: then the groups are made again from every
// candidate. The state a later build needs (per article its 5-grams,
// band keys and whether it is long enough; the candidate pairs) is `encode`d
// into a builder-only file; corpus.test.ts checks that adding equals a run
// over all.
import { CONTAINMENT_MIN_SHARED, CONTAINMENT_SAMPLE, STORY_DEFAULTS, type StoryOptions } from './detect';
import { type SignatureOptions, bandKeysOf, minHashes, shinglesOfWords } from './signature';
import { radixSort } from './radix';
import { lowerBound, sortedIndexOf } from '../search/sorted';

export type ResolvedStoryOptions = Required<StoryOptions>;

export function resolveStoryOptions(options: StoryOptions = {}): ResolvedStoryOptions {
  const o = { ...STORY_DEFAULTS, ...options };
  if (!(o.threshold > 0 && o.threshold <= 1)) throw new Error(`stories: threshold must be in (0, 1], got ${o.threshold}`);
  for (const k of ['minWords', 'maxShingleDf', 'bands', 'rows'] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`stories: ${k} must be a positive integer, got ${o[k]}`);
  }
  return { threshold: o.threshold, minWords: o.minWords, maxShingleDf: o.maxShingleDf, bands: o.bands, rows: o.rows, seed: o.seed };
}

/** What one article contributes: made where its words are (an analysis worker, or the build's thread). */
export interface StorySignature {
  /** Distinct hashed 5-grams of the body, sorted. */
  shingles: Uint32Array;
  /** One key per band; empty when the article is too short to be grouped. */
  keys: Uint32Array;
}

/** The signature of a body given as term ids of `terms` (its words, pieces left out). */
export function signatureOf(bodyWords: ArrayLike<number>, terms: readonly string[], options: SignatureOptions & { minWords: number }): StorySignature {
  const shingles = shinglesOfWords(bodyWords, terms, options.seed);
  const keys = bodyWords.length >= options.minWords ? bandKeysOf(minHashes(shingles, options), options) : new Uint32Array(0);
  return { shingles, keys };
}

/** How an article sorts in its story: by date (undated last), then id. */
export interface StoryOrder {
  ids: readonly string[];
  publishedAt: readonly (string | null)[];
}

/**
 * The 5-grams more than `cap` articles have (boilerplate), as a set. Counted
 * without a table of every 5-gram (34 million at 100,000 articles, 540 MB as
 * an open-addressing table): a first pass counts the 5-grams per bucket of
 * hash values (the top BUCKET_BITS bits, about four distinct 5-grams a
 * bucket at 100,000 articles), which can only overcount; a second pass counts
 * exactly the few 5-grams whose bucket passed the cap. A bucket's count is at
 * least each of its 5-grams' counts, so no boilerplate 5-gram is missed.
 */
const BUCKET_BITS = 23;

export class Boilerplate {
  /** Sorted. */
  readonly hashes: Uint32Array;
  /** One bit per 4,096 hash values: clear means no boilerplate 5-gram there, the common answer found without a search. */
  private readonly filter = new Uint32Array(1 << 15);

  constructor(hashes: Uint32Array) {
    this.hashes = hashes;
    for (let i = 0; i < hashes.length; i++) {
      const slot = hashes[i] >>> 12;
      this.filter[slot >>> 5] |= 1 << (slot & 31);
    }
  }

  static count(signatures: readonly StorySignature[], cap: number): Boilerplate {
    return Boilerplate.counted(signatures, cap, 0).boilerplate;
  }

  /**
   * The boilerplate of all `signatures`, and whether the articles from
   * `first` on made any 5-gram boilerplate that the ones before did not have
   * as such (then an old pair's overlap may have changed).
   */
  static counted(signatures: readonly StorySignature[], cap: number, first: number): { boilerplate: Boilerplate; crossed: boolean } {
    const shift = 32 - BUCKET_BITS;
    const buckets = new Uint32Array(1 << BUCKET_BITS);
    for (const { shingles } of signatures) for (let i = 0; i < shingles.length; i++) buckets[shingles[i] >>> shift]++;
    const heavy = new Uint32Array(1 << (BUCKET_BITS - 5));
    let any = false;
    for (let b = 0; b < buckets.length; b++) {
      if (buckets[b] > cap) {
        heavy[b >>> 5] |= 1 << (b & 31);
        any = true;
      }
    }
    // Per 5-gram of a heavy bucket: its articles before `first`, then from `first` on.
    const before = new Map<number, number>(), after = new Map<number, number>();
    if (any) {
      signatures.forEach(({ shingles }, d) => {
        const counts = d < first || first === 0 ? before : after;
        for (let i = 0; i < shingles.length; i++) {
          const h = shingles[i], b = h >>> shift;
          if ((heavy[b >>> 5] & (1 << (b & 31))) !== 0) counts.set(h, (counts.get(h) ?? 0) + 1);
        }
      });
    }
    const found: number[] = [];
    let crossed = false;
    for (const [h, old] of before) {
      if (old + (after.get(h) ?? 0) > cap) found.push(h);
    }
    for (const [h, added] of after) {
      const old = before.get(h) ?? 0;
      if (old + added <= cap) continue;
      if (old === 0) found.push(h);
      if (old <= cap) crossed = true;
    }
    return { boilerplate: new Boilerplate(Uint32Array.from(found).sort()), crossed };
  }

  has(hash: number): boolean {
    const slot = hash >>> 12;
    if ((this.filter[slot >>> 5] & (1 << (slot & 31))) === 0) return false;
    return sortedIndexOf(this.hashes, hash) >= 0;
  }
}

/** Growable uint32 list. */
class U32List {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Candidates by containment, beside LSH's by resemblance: MinHash bands find
 * pairs whose Jaccard similarity is high, but a short copy inside a long
 * article (an outlet adding its own report under the wire text) has a high
 * overlap over the shorter and a low Jaccard, and no band matches. So every
 * 5-gram whose hash is 0 modulo CONTAINMENT_SAMPLE (detect.ts; chosen by content, so
 * both copies sample the same 5-grams of the text they share) keeps the
 * articles that have it, and two articles sharing CONTAINMENT_MIN_SHARED such
 * 5-grams are a candidate. Only the first `maxShingleDf` + 1 articles (in
 * article order) having a sampled 5-gram are paired through it: a 5-gram that
 * common is boilerplate and would pair everything with everything. Articles
 * are numbered in the order they are added, so adding articles later finds
 * the same pairs as one run over all.
 *
 * The (5-gram, article) entries are sorted by 5-gram, stably, so that the
 * articles having one sampled 5-gram are a contiguous run in article order
 * (read without a cache miss per entry, as linked lists per 5-gram were):
 * rebuilt on each `add` from the signatures, nothing of it is kept between
 * adds or in the state file.
 */
// A mask, not `%`: a hash above 2^31 read from a Uint32Array is a double, and `%` on doubles is a call to fmod.
const SAMPLE_MASK = CONTAINMENT_SAMPLE - 1;

function containmentCandidates(signatures: readonly StorySignature[], first: number, cap: number, pair: (a: number, b: number) => void): void {
  const n = signatures.length;
  // Entries article by article: article d's at offsets[d] .. offsets[d + 1].
  const offsets = new Uint32Array(n + 1);
  let m = 0;
  for (let d = 0; d < n; d++) {
    offsets[d] = m;
    if (signatures[d].keys.length === 0) continue;
    const sh = signatures[d].shingles;
    for (let i = 0; i < sh.length; i++) if ((sh[i] & SAMPLE_MASK) === 0) m++;
  }
  offsets[n] = m;
  if (offsets[first] === m) return;
  const keys = new Uint32Array(m), entry = new Uint32Array(m);
  for (let d = 0, k = 0; d < n; d++) {
    if (signatures[d].keys.length === 0) continue;
    const sh = signatures[d].shingles;
    for (let i = 0; i < sh.length; i++) if ((sh[i] & SAMPLE_MASK) === 0) (keys[k] = sh[i], entry[k] = k, k++);
  }
  radixSort(keys, entry);
  // pos: an entry's place in sorted order; docAt: the article at a place; then entry is reused for each place's run start.
  const pos = new Uint32Array(m), docAt = new Uint32Array(m);
  for (let q = 0; q < m; q++) pos[entry[q]] = q;
  for (let d = 0; d < n; d++) for (let e = offsets[d]; e < offsets[d + 1]; e++) docAt[pos[e]] = d;
  const runStart = entry;
  for (let q = 0; q < m; q++) runStart[q] = q > 0 && keys[q] === keys[q - 1] ? runStart[q - 1] : q;
  // Per new article, how many sampled 5-grams each earlier one shares with it (reset through `touched`).
  const shared = new Uint32Array(n);
  const touched = new U32List();
  for (let c = first; c < n; c++) {
    if (offsets[c] === offsets[c + 1]) continue;
    touched.length = 0;
    for (let e = offsets[c]; e < offsets[c + 1]; e++) {
      const q = pos[e], r = runStart[q];
      if (q - r > cap) continue;
      for (let t = r; t < q; t++) if (shared[docAt[t]]++ === 0) touched.push(docAt[t]);
    }
    const list = touched.data;
    for (let k = 0; k < touched.length; k++) {
      const d = list[k];
      if (shared[d] >= CONTAINMENT_MIN_SHARED) pair(d, c);
      shared[d] = 0;
    }
  }
}


/** A set of article pairs (a, b), open addressing over two uint32 arrays: a Set of 64-bit numbers boxes every key. */
class PairSet {
  private a = new Uint32Array(1 << 16);
  private b = new Uint32Array(1 << 16);
  /** 1 + b in use; 0 marks a free slot (b > a ≥ 0, so b + 1 ≥ 2). */
  private size = 0;

  /** Adds (a, b); false when it was there. */
  add(a: number, b: number): boolean {
    if ((this.size + 1) * 10 > this.a.length * 7) this.grow();
    const i = this.slot(a, b);
    if (this.b[i] !== 0) return false;
    this.a[i] = a;
    this.b[i] = b + 1;
    this.size++;
    return true;
  }

  private slot(a: number, b: number): number {
    const mask = this.a.length - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b)) >>> 0;
    i = (i ^ (i >>> 15)) & mask;
    while (this.b[i] !== 0 && (this.a[i] !== a || this.b[i] !== b + 1)) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { a, b } = this;
    this.a = new Uint32Array(a.length * 2);
    this.b = new Uint32Array(a.length * 2);
    for (let i = 0; i < a.length; i++) {
      if (b[i] === 0) continue;
      const j = this.slot(a[i], b[i] - 1);
      this.a[j] = a[i];
      this.b[j] = b[i];
    }
  }
}

const STATE_MAGIC = 0x53564b31; // "KVS1"

export class StoryCorpus {
  readonly options: ResolvedStoryOptions;
  private readonly signatures: StorySignature[] = [];
  private boilerplate = new Boilerplate(new Uint32Array(0));
  /** Candidate pairs, a < b, in the order found. */
  private readonly pairA = new U32List();
  private readonly pairB = new U32List();
  private readonly pairSet = new PairSet();
  /** Union-find over article numbers: the stories so far. */
  private parent = new Int32Array(0);
  /** Per article, its 5-grams that are not boilerplate, counted when first needed (-1: not yet); reset with the boilerplate. */
  private kept = new Int32Array(0);

  constructor(options: StoryOptions = {}) {
    this.options = resolveStoryOptions(options);
  }

  get size(): number {
    return this.signatures.length;
  }

  /** Adds the next articles (numbers size, size + 1, …) and settles the stories. */
  add(signatures: readonly StorySignature[]): void {
    const first = this.signatures.length;
    for (const sig of signatures) {
      if (sig.keys.length !== 0 && sig.keys.length !== this.options.bands) throw new Error(`stories: a signature has ${sig.keys.length} band keys, expected ${this.options.bands}`);
      this.signatures.push(sig);
    }
    const { boilerplate, crossed } = Boilerplate.counted(this.signatures, this.options.maxShingleDf, first);
    this.boilerplate = boilerplate;
    this.kept = new Int32Array(this.signatures.length).fill(-1);
    const parent = new Int32Array(this.signatures.length);
    parent.set(this.parent);
    for (let d = first; d < parent.length; d++) parent[d] = d;
    this.parent = parent;
    const fresh = this.findCandidates(first);
    if (crossed && first > 0) {
      // Old pairs' overlap may have changed: the groups are made again from
      // every candidate, which verifies only the pairs not yet joined.
      for (let d = 0; d < parent.length; d++) parent[d] = d;
      this.join(0, this.pairA.length);
    } else {
      this.join(fresh, this.pairA.length);
    }
  }

  /** Pairs sharing a band key with at least one article from `first` on; returns where they start in the pair list. */
  private findCandidates(first: number): number {
    const start = this.pairA.length;
    const n = this.signatures.length;
    const eligible: number[] = [];
    for (let d = 0; d < n; d++) if (this.signatures[d].keys.length !== 0) eligible.push(d);
    if (eligible.length > 0 && eligible[eligible.length - 1] >= first) {
      // Per band, the eligible articles sorted by their key: a run of one key
      // is a bucket, and its pairs with a new article are candidates.
      const m = eligible.length;
      const keys = new Uint32Array(m), docs = new Uint32Array(m);
      const scratch = { values: new Uint32Array(m), payload: new Uint32Array(m) };
      for (let b = 0; b < this.options.bands; b++) {
        for (let k = 0; k < m; k++) {
          keys[k] = this.signatures[eligible[k]].keys[b];
          docs[k] = eligible[k];
        }
        // Stable: within a run the articles stay in ascending order.
        radixSort(keys, docs, scratch);
        for (let i = 0; i < m; ) {
          let j = i + 1;
          while (j < m && keys[j] === keys[i]) j++;
          for (let y = j - 1; y > i && docs[y] >= first; y--) for (let x = i; x < y; x++) this.pair(docs[x], docs[y]);
          i = j;
        }
      }
    }
    containmentCandidates(this.signatures, first, this.options.maxShingleDf, (a, b) => this.pair(a, b));
    return start;
  }

  private pair(a: number, b: number): void {
    if (!this.pairSet.add(a, b)) return;
    this.pairA.push(a);
    this.pairB.push(b);
  }

  private find(x: number): number {
    const parent = this.parent;
    let r = x;
    while (parent[r] !== r) r = parent[r];
    while (parent[x] !== r) {
      const next = parent[x];
      parent[x] = r;
      x = next;
    }
    return r;
  }

  /**
   * Verifies the candidates from..to and joins the copies. A pair whose
   * articles are already in one story is not verified: its edge could not
   * change the groups, which are all that is kept.
   */
  private join(from: number, to: number): void {
    const a = this.pairA.data, b = this.pairB.data;
    for (let k = from; k < to; k++) {
      const ra = this.find(a[k]), rb = this.find(b[k]);
      if (ra === rb) continue;
      if (this.isCopy(a[k], b[k])) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  private keptCount(d: number): number {
    let k = this.kept[d];
    if (k < 0) {
      const sh = this.signatures[d].shingles;
      k = 0;
      for (let i = 0; i < sh.length; i++) if (!this.boilerplate.has(sh[i])) k++;
      this.kept[d] = k;
    }
    return k;
  }

  /**
   * overlap(x, y) ≥ threshold, the overlap over the 5-grams that are not
   * boilerplate. Walks the article with fewer 5-grams, looking each up in the
   * other by binary search when that is shorter than a merge (a short copy
   * against a long article), and stops once the 5-grams left could not reach
   * the threshold (most candidates are not copies).
   */
  private isCopy(x: number, y: number): boolean {
    let a = this.signatures[x].shingles, b = this.signatures[y].shingles;
    if (a.length > b.length) [a, b] = [b, a];
    const m = Math.min(this.keptCount(x), this.keptCount(y));
    if (m === 0) return false;
    const t = this.options.threshold;
    // The least count of common 5-grams with common / m ≥ t, as that division rounds.
    let need = Math.ceil(t * m);
    while (need > 0 && (need - 1) / m >= t) need--;
    while (need / m < t) need++;
    const boiler = this.boilerplate;
    let common = 0;
    if (a.length * (32 - Math.clz32(b.length)) < a.length + b.length) {
      // `a` ascends, so each search starts where the last one ended.
      let lo = 0;
      for (let i = 0; i < a.length; i++) {
        if (common + a.length - i < need) return false;
        const v = a[i];
        lo = lowerBound(b, v, lo);
        if (lo < b.length && b[lo] === v && !boiler.has(v)) common++;
      }
    } else {
      let i = 0, j = 0;
      while (i < a.length && j < b.length) {
        if (a[i] < b[j]) {
          i++;
          if (common + a.length - i < need) return false;
        } else if (b[j] < a[i]) j++;
        else {
          if (!boiler.has(a[i])) common++;
          i++;
          j++;
        }
      }
    }
    return common >= need;
  }

  /** The stories as article numbers: each group of two or more, earliest first; groups ordered by their first. */
  stories(order: StoryOrder): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let d = 0; d < this.parent.length; d++) {
      const r = this.find(d);
      if (r === d && !byRoot.has(d)) continue;
      let list = byRoot.get(r);
      if (!list) byRoot.set(r, (list = [r]));
      if (r !== d) list.push(d);
    }
    const cmp = (x: number, y: number) => {
      const dx = order.publishedAt[x], dy = order.publishedAt[y];
      if (dx !== dy) {
        if (dx === null) return 1;
        if (dy === null) return -1;
        return dx < dy ? -1 : 1;
      }
      const ix = order.ids[x], iy = order.ids[y];
      return ix < iy ? -1 : ix > iy ? 1 : 0;
    };
    const groups = [...byRoot.values()].filter((g) => g.length > 1).map((g) => g.sort(cmp));
    return groups.sort((g, h) => cmp(g[0], h[0]));
  }

  /**
   * What a later build needs to `decode` and `add` to, in bytes (little-endian
   * uint32s): a header with the options, per article its 5-gram count, band
   * key count, 5-grams and keys, then the candidate pairs. Articles come in
   * order, so an index that grows writes a file that begins as the last one.
   */
  encode(): Uint8Array {
    const chunks = [...this.encodeChunks()];
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) (out.set(c, at), (at += c.length));
    return out;
  }

  /**
   * `encode`'s bytes in pieces of about `chunkWords` uint32s, made as they
   * are written: the state of 100,000 articles is 150 MB, as large as the
   * 5-grams it is made from, and need not be held beside them.
   */
  *encodeChunks(chunkWords = 1 << 18): Generator<Uint8Array> {
    const n = this.signatures.length;
    const o = this.options;
    const threshold = new Uint32Array(new Float64Array([o.threshold]).buffer);
    let out = new Uint32Array(chunkWords);
    let at = 0;
    const flush = function* (): Generator<Uint8Array> {
      if (at > 0) yield new Uint8Array(out.buffer, 0, at * 4);
      out = new Uint32Array(chunkWords);
      at = 0;
    };
    const put = function* (values: ArrayLike<number>): Generator<Uint8Array> {
      if (at + values.length > out.length) yield* flush();
      if (values.length > out.length) {
        const whole = values instanceof Uint32Array ? values : Uint32Array.from(values);
        yield new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
        return;
      }
      out.set(values, at);
      at += values.length;
    };
    yield* put([STATE_MAGIC, threshold[0], threshold[1], o.minWords, o.maxShingleDf, o.bands, o.rows, o.seed >>> 0, n]);
    for (const s of this.signatures) {
      yield* put([s.shingles.length, s.keys.length]);
      yield* put(s.shingles);
      yield* put(s.keys);
    }
    // Sorted, so that the bytes do not depend on the order the pairs were found in.
    const pa = this.pairA.data, pb = this.pairB.data;
    const sorted = Uint32Array.from({ length: this.pairA.length }, (_, k) => k).sort((x, y) => pa[x] - pa[y] || pb[x] - pb[y]);
    yield* put([sorted.length]);
    const pairs = new Uint32Array(2 * sorted.length);
    sorted.forEach((k, i) => ((pairs[2 * i] = pa[k]), (pairs[2 * i + 1] = pb[k])));
    yield* put(pairs);
    // Each article's story as its first article number: the union-find's roots are the least, whatever the order of joins.
    const roots = new Uint32Array(n);
    for (let d = 0; d < n; d++) roots[d] = this.find(d);
    yield* put(roots);
    yield* flush();
  }

  /** The per-article signatures a state holds, without counting or grouping; null when made with other options. */
  static signaturesIn(bytes: Uint8Array, options: StoryOptions = {}): StorySignature[] | null {
    const parsed = parseState(bytes, resolveStoryOptions(options));
    return parsed && parsed.signatures;
  }

  /**
   * A corpus from `encode`'s bytes, or null when they were made with other
   * options (then the caller starts over). Throws on bytes that are not such a
   * file.
   */
  static decode(bytes: Uint8Array, options: StoryOptions = {}): StoryCorpus | null {
    const corpus = new StoryCorpus(options);
    const parsed = parseState(bytes, corpus.options);
    if (!parsed) return null;
    const { signatures, pairs, roots } = parsed;
    const n = signatures.length;
    for (const sig of signatures) corpus.signatures.push(sig);
    for (let k = 0; k < pairs.length; k += 2) {
      if (pairs[k] >= pairs[k + 1] || pairs[k + 1] >= n) throw new Error('stories state file has a pair out of range');
      corpus.pair(pairs[k], pairs[k + 1]);
    }
    corpus.parent = new Int32Array(n);
    for (let d = 0; d < n; d++) {
      const r = roots[d];
      if (r > d || (r < d && corpus.parent[r] !== r)) throw new Error('stories state file has a story root out of range');
      corpus.parent[d] = r;
    }
    return corpus;
  }
}

function parseState(bytes: Uint8Array, o: ResolvedStoryOptions): { signatures: StorySignature[]; pairs: Uint32Array; roots: Uint32Array } | null {
  if (bytes.byteLength % 4 !== 0 || bytes.byteLength < 40) throw new Error('not a stories state file (its length)');
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const u = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
  if (u[0] !== STATE_MAGIC) throw new Error('not a stories state file (its first bytes)');
  const threshold = new Float64Array(u.slice(1, 3).buffer)[0];
  if (threshold !== o.threshold || u[3] !== o.minWords || u[4] !== o.maxShingleDf || u[5] !== o.bands || u[6] !== o.rows || u[7] !== o.seed >>> 0) return null;
  const n = u[8];
  let at = 9;
  const need = (count: number) => {
    if (at + count > u.length) throw new Error('stories state file is cut short');
  };
  const signatures: StorySignature[] = [];
  for (let d = 0; d < n; d++) {
    need(2);
    const ns = u[at++], nk = u[at++];
    if (nk !== 0 && nk !== o.bands) throw new Error('stories state file has an article with a wrong number of band keys');
    need(ns + nk);
    signatures.push({ shingles: u.subarray(at, at + ns), keys: u.subarray(at + ns, at + ns + nk) });
    at += ns + nk;
  }
  need(1);
  const count = u[at++];
  need(2 * count);
  const pairs = u.subarray(at, at + 2 * count);
  at += 2 * count;
  need(n);
  const roots = u.subarray(at, at + n);
  at += n;
  if (at !== u.length) throw new Error('stories state file has bytes after its end');
  return { signatures, pairs, roots };
}
