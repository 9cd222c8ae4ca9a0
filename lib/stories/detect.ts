// Wire stories: near-duplicate articles (the same agency story republished by
// several outlets, or twice by one) grouped into stories.
//
// What "overlap" means, in words: the share of the shorter article's runs of
// five consecutive words (word 5-grams, after the project's analyzer, so ي/ی,
// ZWNJ and digits do not hide a copy) that the other article also contains:
//   overlap(A, B) = |A ∩ B| / min(|A|, |B|)   over distinct 5-gram hashes.
// Containment rather than Jaccard because republication mostly cuts: an
// outlet that keeps the first two thirds of a wire story shares all of its
// 5-grams with the original yet has Jaccard ≈ 0.67 only.
//
// Boilerplate: 5-grams found in more than `maxShingleDf` articles (an
// agency's footer, «به گزارش خبرگزاری … از تهران») are left out of the
// overlap, so a shared footer cannot make two unrelated articles a story.
// The cap is an absolute count, not a share of the corpus, so that adding
// articles changes it only by crossing it, which the incremental path
// re-verifies (see addToStories).
//
// Candidates: MinHash over all 5-grams (one-permutation, hash.ts), LSH bands; only pairs sharing a band
// are verified, so the cost grows with the copies, not with n².
import { analyze } from '../persian/analyze';
import { hash32, oneHashMinHash, shingleHash, sortedDistinct } from './hash';

export interface StoryInput {
  id: string;
  body: string;
  source: string | null;
  /** ISO date or null; undated copies sort after dated ones. */
  publishedAt: string | null;
}

export interface StoryOptions {
  /** Minimum overlap (0..1] for two articles to be copies. */
  threshold?: number;
  /** Articles with fewer analyzed words are never grouped. */
  minWords?: number;
  /** 5-grams in more articles than this are boilerplate. */
  maxShingleDf?: number;
  bands?: number;
  rows?: number;
  seed?: number;
}

export interface Story {
  /** The representative's id: the earliest dated copy, ties by id. */
  id: string;
  /** Member ids, representative first, then by date and id. */
  members: string[];
}

// threshold 0.8 and minWords 20 are measured (`npm run eval -- --only stories`):
// 0.8 is the best F1 over the labelled corpus pairs and the lowest threshold
// with precision ≥ 0.95; docs/design.md has the sweep and why minWords is 20.
export const STORY_DEFAULTS = { threshold: 0.8, minWords: 20, maxShingleDf: 100, bands: 32, rows: 4, seed: 0x4b61766f, shingle: 5 } as const;

/**
 * Containment candidates (corpus.ts's SampledPostings says why): the 5-grams
 * sampled (hash ≡ 0 mod 8: about 1 in 8, the same ones in every copy of a
 * text) and how many two articles must share to be verified. An article of
 * minWords (20) words has about two sampled 5-grams. A power of two: corpus.ts
 * tests a hash against it with a mask.
 */
export const CONTAINMENT_SAMPLE = 8;
export const CONTAINMENT_MIN_SHARED = 2;

type Resolved = Required<StoryOptions>;

function resolve(options: StoryOptions): Resolved {
  const o = { ...STORY_DEFAULTS, ...options } as Resolved & { shingle: number };
  if (!(o.threshold > 0 && o.threshold <= 1)) throw new Error(`stories: threshold must be in (0, 1], got ${o.threshold}`);
  for (const k of ['minWords', 'maxShingleDf', 'bands', 'rows'] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 1) throw new Error(`stories: ${k} must be a positive integer, got ${o[k]}`);
  }
  return o;
}

/** The analyzed words of a body (no pieces, no alternative spellings). */
export function storyTerms(body: string): string[] {
  return analyze(body).filter((t) => !t.piece).map((t) => t.term);
}

/** Distinct hashed word 5-grams, sorted: each from its words' hashes (hash.ts). */
export function shingles(terms: readonly string[], seed: number = STORY_DEFAULTS.seed, size: number = STORY_DEFAULTS.shingle): Uint32Array {
  const wordHashes = terms.map((t) => hash32(t, seed));
  const n = Math.max(0, terms.length - size + 1);
  return sortedDistinct(Uint32Array.from({ length: n }, (_, i) => shingleHash(wordHashes, i, size, seed))).slice();
}

interface Doc {
  input: StoryInput;
  shingles: Uint32Array;
  eligible: boolean;
}

/** Everything a later addToStories needs; build it with detectStories. */
export interface StoryState {
  options: Resolved;
  docs: Map<string, Doc>;
  df: Map<number, number>;
  buckets: Map<string, string[]>;
  /** Per sampled 5-gram, the eligible articles having it, up to maxShingleDf + 1 (corpus.ts CONTAINMENT_SAMPLE). */
  sampled: Map<number, string[]>;
  candidates: Set<string>;
  verified: Set<string>;
  stories: Story[];
  /** Candidate pairs found since the last verification. */
  pending: string[];
}

function bandKeys(sh: Uint32Array, o: Resolved): string[] {
  const sig = oneHashMinHash(sh, o.bands * o.rows, o.seed);
  const keys: string[] = [];
  for (let b = 0; b < o.bands; b++) keys.push(b + ':' + Array.from(sig.subarray(b * o.rows, (b + 1) * o.rows)).join(','));
  return keys;
}

const pairKey = (a: string, b: string) => (a < b ? a + '\u0000' + b : b + '\u0000' + a);

/** overlap(A, B) over the 5-grams that are not boilerplate; 0 when either has none left. */
function overlap(a: Uint32Array, b: Uint32Array, df: Map<number, number>, cap: number): number {
  let i = 0, j = 0, na = 0, nb = 0, common = 0;
  const ok = (s: number) => (df.get(s) ?? 0) <= cap;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) { if (ok(a[i])) na++; i++; }
    else if (i >= a.length || b[j] < a[i]) { if (ok(b[j])) nb++; j++; }
    else { if (ok(a[i])) { na++; nb++; common++; } i++; j++; }
  }
  const m = Math.min(na, nb);
  return m === 0 ? 0 : common / m;
}

function verify(state: StoryState, key: string): boolean {
  const [a, b] = key.split('\u0000');
  const o = state.options;
  return overlap(state.docs.get(a)!.shingles, state.docs.get(b)!.shingles, state.df, o.maxShingleDf) >= o.threshold;
}

function insert(state: StoryState, input: StoryInput): string[] {
  if (state.docs.has(input.id)) throw new Error(`stories: duplicate article id «${input.id}»`);
  const terms = storyTerms(input.body);
  const sh = shingles(terms, state.options.seed);
  const doc: Doc = { input, shingles: sh, eligible: terms.length >= state.options.minWords };
  state.docs.set(input.id, doc);
  const crossed: number[] = [];
  for (const s of sh) {
    const c = (state.df.get(s) ?? 0) + 1;
    state.df.set(s, c);
    if (c === state.options.maxShingleDf + 1) crossed.push(s);
  }
  if (!doc.eligible) return crossed.map(String);
  const added: string[] = [];
  for (const k of bandKeys(sh, state.options)) {
    const ids = state.buckets.get(k);
    if (!ids) { state.buckets.set(k, [input.id]); continue; }
    for (const other of ids) {
      const p = pairKey(input.id, other);
      if (!state.candidates.has(p)) { state.candidates.add(p); added.push(p); }
    }
    ids.push(input.id);
  }
  // Containment candidates, as corpus.ts finds them: a short copy inside a long article matches no band.
  const shared = new Map<string, number>();
  for (const s of sh) {
    if (s % CONTAINMENT_SAMPLE !== 0) continue;
    const list = state.sampled.get(s) ?? [];
    if (list.length > state.options.maxShingleDf) continue;
    for (const other of list) shared.set(other, (shared.get(other) ?? 0) + 1);
    list.push(input.id);
    state.sampled.set(s, list);
  }
  for (const [other, k] of shared) {
    const p = pairKey(input.id, other);
    if (k >= CONTAINMENT_MIN_SHARED && !state.candidates.has(p)) { state.candidates.add(p); added.push(p); }
  }
  state.pending.push(...added);
  return crossed.map(String);
}

function compareDocs(a: StoryInput, b: StoryInput): number {
  const da = a.publishedAt, db = b.publishedAt;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function group(state: StoryState): Story[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (parent.get(x) !== r) { const n = parent.get(x)!; parent.set(x, r); x = n; }
    return r;
  };
  for (const key of state.verified) {
    const [a, b] = key.split('\u0000');
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const byRoot = new Map<string, StoryInput[]>();
  for (const id of parent.keys()) {
    const r = find(id);
    const list = byRoot.get(r) ?? [];
    list.push(state.docs.get(id)!.input);
    byRoot.set(r, list);
  }
  const stories = [...byRoot.values()].map((list) => {
    list.sort(compareDocs);
    return { id: list[0].id, members: list.map((d) => d.id) };
  });
  return stories.sort((a, b) => compareDocs(state.docs.get(a.id)!.input, state.docs.get(b.id)!.input));
}


function settle(state: StoryState, crossedAny: boolean): Story[] {
  // A 5-gram that just became boilerplate can lower an old pair's overlap, so
  // then every candidate is verified again; otherwise only the new ones.
  const toCheck = crossedAny ? [...state.candidates] : state.pending;
  if (crossedAny) state.verified.clear();
  for (const p of toCheck) if (verify(state, p)) state.verified.add(p);
  state.pending = [];
  state.stories = group(state);
  return state.stories;
}

/** Finds the stories among `articles`: groups of two or more copies; single articles are in none. */
export function detectStories(articles: readonly StoryInput[], options: StoryOptions = {}): StoryState {
  const state: StoryState = { options: resolve(options), docs: new Map(), df: new Map(), buckets: new Map(), sampled: new Map(), candidates: new Set(), verified: new Set(), stories: [], pending: [] };
  for (const a of [...articles].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) insert(state, a);
  settle(state, true);
  return state;
}

/**
 * Adds articles to a state from detectStories (changed in place and
 * returned): each joins a story, merges stories or starts one. The stories
 * equal detectStories over the union (tested).
 */
export function addToStories(state: StoryState, articles: readonly StoryInput[]): StoryState {
  let crossed = false;
  for (const a of articles) if (insert(state, a).length > 0) crossed = true;
  settle(state, crossed);
  return state;
}
