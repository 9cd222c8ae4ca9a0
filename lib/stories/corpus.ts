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
// change an old pair's overlap: then the pairs of the articles having it are
// verified again. The state a later build needs (per article its 5-grams,
// band keys and whether it is long enough; the candidate pairs) is `encode`d
// into a builder-only file; corpus.test.ts checks that adding equals a run
// over all.
import { CONTAINMENT_MIN_SHARED, CONTAINMENT_SAMPLE, STORY_DEFAULTS, type StoryOptions } from './detect';
import { type SignatureOptions, bandKeysOf, minHashes, shinglesOfWords } from './signature';
import { radixSort } from './radix';

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

/** One hash range's 5-grams gathered from many articles, sorted on demand. */
class RangeBuffer {
  data: Uint32Array;
  used = 0;
  constructor(capacity: number) {
    this.data = new Uint32Array(capacity);
  }
  append(values: Uint32Array): void {
    if (this.used + values.length > this.data.length) {
      const grown = new Uint32Array(Math.max(this.data.length * 2, this.used + values.length));
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
    }
    this.data.set(values, this.used);
    this.used += values.length;
  }
  sorted(scratch: Uint32Array): Uint32Array {
    const part = this.data.subarray(0, this.used);
    radixSort(part, undefined, { values: scratch });
    return part;
  }
}

/**
 * The 5-grams more than `cap` articles have (boilerplate), as a set. Counted
 * without a table of every 5-gram (36 million at 100,000 articles, 540 MB as
 * an open-addressing table): each article's 5-grams are sorted, so the values
 * in one range of hashes are a slice of every article, gathered range by
 * range into a small buffer, sorted and counted in runs.
 */
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
   * as such (then an old pair's overlap may have changed): one pass, each
   * range's 5-grams of the earlier and the later articles sorted apart and
   * counted side by side.
   */
  static counted(signatures: readonly StorySignature[], cap: number, first: number): { boilerplate: Boilerplate; crossed: boolean } {
    const RANGES = 64;
    const n = signatures.length;
    const cursor = new Uint32Array(n);
    let total = 0;
    for (const s of signatures) total += s.shingles.length;
    const found = new U32List(256);
    let crossed = false;
    const size = Math.max(1024, Math.ceil((total / RANGES) * 1.5));
    const before = new RangeBuffer(size), after = new RangeBuffer(first > 0 && first < n ? 1024 : 0);
    let scratch = new Uint32Array(size);
    for (let r = 0; r < RANGES; r++) {
      // Hashes below `end` (the last range ends past 2^32 - 1).
      const end = (r + 1) * (4294967296 / RANGES);
      before.used = after.used = 0;
      for (let d = 0; d < n; d++) {
        const sh = signatures[d].shingles;
        let i = cursor[d];
        const from = i;
        while (i < sh.length && sh[i] < end) i++;
        if (i === from) continue;
        (d < first || first === 0 ? before : after).append(sh.subarray(from, i));
        cursor[d] = i;
      }
      if (scratch.length < Math.max(before.used, after.used)) scratch = new Uint32Array(Math.max(before.used, after.used));
      const old = before.sorted(scratch), added = after.sorted(scratch);
      // Runs of one hash in both sorted parts, walked together.
      for (let i = 0, j = 0; i < old.length || j < added.length; ) {
        const v = j >= added.length || (i < old.length && old[i] <= added[j]) ? old[i] : added[j];
        let inOld = 0, inAdded = 0;
        while (i < old.length && old[i] === v) (i++, inOld++);
        while (j < added.length && added[j] === v) (j++, inAdded++);
        if (inOld + inAdded > cap) {
          found.push(v);
          if (inOld <= cap) crossed = true;
        }
      }
    }
    return { boilerplate: new Boilerplate(found.view().slice()), crossed };
  }

  has(hash: number): boolean {
    const slot = hash >>> 12;
    if ((this.filter[slot >>> 5] & (1 << (slot & 31))) === 0) return false;
    const h = this.hashes;
    let lo = 0, hi = h.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (h[mid] < hash) lo = mid + 1;
      else hi = mid;
    }
    return lo < h.length && h[lo] === hash;
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
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
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
 * 5-grams are a candidate. A list stops growing past `maxShingleDf` articles:
 * a 5-gram that common is boilerplate and would pair everything with
 * everything. Lists are built in article order, so adding articles later
 * finds the same pairs as one run over all.
 */

/** Per sampled 5-gram, its articles (a linked list in typed arrays: a Map per 5-gram would not fit V8's Map at scale). */
class SampledPostings {
  private keys: Uint32Array;
  /** 1 + the index of the list's last entry; 0 marks a free slot. */
  private last: Uint32Array;
  private lengths: Uint32Array;
  private used = 0;
  private readonly docs = new U32List();
  /** 1 + the previous entry of the same list; 0 ends it. */
  private readonly prev = new U32List();

  constructor(capacity = 1 << 16) {
    this.keys = new Uint32Array(capacity);
    this.last = new Uint32Array(capacity);
    this.lengths = new Uint32Array(capacity);
  }

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let i = (Math.imul(key, 0x85ebca6b) >>> 0) & mask;
    while (this.last[i] !== 0 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** Calls `each` for every article listed under `key` (none once the list is full), then lists `doc` unless full. */
  visitAndAdd(key: number, doc: number, cap: number, each: ((d: number) => void) | null): void {
    if ((this.used + 1) * 10 > this.keys.length * 7) this.grow();
    const i = this.slot(key);
    const length = this.last[i] === 0 ? 0 : this.lengths[i];
    if (length > cap) return;
    if (each) for (let e = this.last[i]; e !== 0; e = this.prev.data[e - 1]) each(this.docs.data[e - 1]);
    if (length === 0) {
      this.keys[i] = key;
      this.used++;
    }
    this.docs.push(doc);
    this.prev.push(this.last[i]);
    this.last[i] = this.docs.length;
    this.lengths[i] = length + 1;
  }

  private grow(): void {
    const { keys, last, lengths } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.last = new Uint32Array(keys.length * 2);
    this.lengths = new Uint32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (last[i] === 0) continue;
      const j = this.slot(keys[i]);
      this.keys[j] = keys[i];
      this.last[j] = last[i];
      this.lengths[j] = lengths[i];
    }
  }
}

const STATE_MAGIC = 0x53564b31; // "KVS1"

export class StoryCorpus {
  readonly options: ResolvedStoryOptions;
  private readonly signatures: StorySignature[] = [];
  private boilerplate = new Boilerplate(new Uint32Array(0));
  private readonly sampled = new SampledPostings();
  /** Candidate pairs, a < b, in the order found. */
  private readonly pairA = new U32List();
  private readonly pairB = new U32List();
  private pairSet = new Set<number>();
  /** Union-find over article numbers: the stories so far. */
  private parent = new Int32Array(0);

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
    const shared = new Map<number, number>();
    const count = (d: number) => shared.set(d, (shared.get(d) ?? 0) + 1);
    for (let c = first; c < n; c++) {
      if (this.signatures[c].keys.length === 0) continue;
      shared.clear();
      this.listSampled(c, count);
      for (const [d, k] of shared) if (k >= CONTAINMENT_MIN_SHARED) this.pair(d, c);
    }
    return start;
  }

  /** Lists article `c` under its sampled 5-grams, telling `each` the articles already there. */
  private listSampled(c: number, each: ((d: number) => void) | null): void {
    const sh = this.signatures[c].shingles;
    const cap = this.options.maxShingleDf;
    for (let i = 0; i < sh.length; i++) if (sh[i] % CONTAINMENT_SAMPLE === 0) this.sampled.visitAndAdd(sh[i], c, cap, each);
  }

  private pair(a: number, b: number): void {
    const key = a * 4294967296 + b;
    if (this.pairSet.has(key)) return;
    this.pairSet.add(key);
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
      if (this.overlap(a[k], b[k]) >= this.options.threshold) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  private overlap(x: number, y: number): number {
    const a = this.signatures[x].shingles, b = this.signatures[y].shingles;
    const boiler = this.boilerplate;
    let i = 0, j = 0, na = 0, nb = 0, common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        if (!boiler.has(a[i])) na++;
        i++;
      } else if (b[j] < a[i]) {
        if (!boiler.has(b[j])) nb++;
        j++;
      } else {
        if (!boiler.has(a[i])) {
          na++;
          nb++;
          common++;
        }
        i++;
        j++;
      }
    }
    for (; i < a.length; i++) if (!boiler.has(a[i])) na++;
    for (; j < b.length; j++) if (!boiler.has(b[j])) nb++;
    const m = Math.min(na, nb);
    return m === 0 ? 0 : common / m;
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
    const n = this.signatures.length;
    let words = 9 + 2 * n + 1 + 2 * this.pairA.length + n;
    for (const s of this.signatures) words += s.shingles.length + s.keys.length;
    const out = new Uint32Array(words);
    const o = this.options;
    const threshold = new Uint32Array(new Float64Array([o.threshold]).buffer);
    out.set([STATE_MAGIC, threshold[0], threshold[1], o.minWords, o.maxShingleDf, o.bands, o.rows, o.seed >>> 0, n]);
    let at = 9;
    for (const s of this.signatures) {
      out[at++] = s.shingles.length;
      out[at++] = s.keys.length;
      out.set(s.shingles, at);
      at += s.shingles.length;
      out.set(s.keys, at);
      at += s.keys.length;
    }
    // Sorted, so that the bytes do not depend on the order the pairs were found in.
    const pa = this.pairA.data, pb = this.pairB.data;
    const sorted = Uint32Array.from({ length: this.pairA.length }, (_, k) => k).sort((x, y) => pa[x] - pa[y] || pb[x] - pb[y]);
    out[at++] = sorted.length;
    for (const k of sorted) {
      out[at++] = pa[k];
      out[at++] = pb[k];
    }
    // Each article's story as its first article number: the union-find's roots are the least, whatever the order of joins.
    for (let d = 0; d < n; d++) out[at++] = this.find(d);
    return new Uint8Array(out.buffer);
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
    for (const sig of signatures) {
      corpus.signatures.push(sig);
      if (sig.keys.length > 0) corpus.listSampled(corpus.signatures.length - 1, null);
    }
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
