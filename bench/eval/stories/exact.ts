// The exact overlap of every pair of articles, as lib/stories/detect.ts
// defines it (shared distinct word 5-grams over the shorter article's, 5-grams
// in more than `maxShingleDf` articles left out), without MinHash: an inverted
// index of 5-gram hashes, so a pair is counted once per 5-gram it shares. It is
// the ground truth the LSH candidates are checked against, and the way the
// labelled pairs' candidates were found.
import { shingles, storyTerms, STORY_DEFAULTS, type StoryInput } from '../../../lib/stories/detect';
import type { Article } from '../../../lib/types';

/** The body text detectStories is given: the paragraphs, one per line (no title: outlets retitle copies). */
export function storyInput(article: Article): StoryInput {
  return { id: article.id, body: article.body.join('\n'), source: article.source, publishedAt: article.publishedAt };
}

export interface ShingledDoc {
  id: string;
  /** Analyzed words (the count minWords compares with). */
  words: number;
  shingles: Uint32Array;
}

export function shingleDocs(inputs: readonly StoryInput[]): ShingledDoc[] {
  return inputs.map((a) => {
    const terms = storyTerms(a.body);
    return { id: a.id, words: terms.length, shingles: shingles(terms) };
  });
}

/** How many articles hold each 5-gram. */
export function documentFrequency(docs: readonly ShingledDoc[]): Map<number, number> {
  const df = new Map<number, number>();
  for (const d of docs) for (const s of d.shingles) df.set(s, (df.get(s) ?? 0) + 1);
  return df;
}

export interface ExactPair {
  a: string;
  b: string;
  /** Shared non-boilerplate 5-grams over the shorter article's non-boilerplate 5-grams. */
  overlap: number;
  /** The same share with nothing left out as boilerplate. */
  rawOverlap: number;
  common: number;
}

/** Non-boilerplate 5-grams of `a` also in `b`, and each one's non-boilerplate count; the raw counts beside. */
export function pairCounts(a: Uint32Array, b: Uint32Array, df: Map<number, number>, cap: number) {
  let i = 0, j = 0, na = 0, nb = 0, common = 0, rawCommon = 0;
  const ok = (s: number) => (df.get(s) ?? 0) <= cap;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) { if (ok(a[i])) na++; i++; }
    else if (i >= a.length || b[j] < a[i]) { if (ok(b[j])) nb++; j++; }
    else { rawCommon++; if (ok(a[i])) { na++; nb++; common++; } i++; j++; }
  }
  const m = Math.min(na, nb);
  const rm = Math.min(a.length, b.length);
  return { common, overlap: m === 0 ? 0 : common / m, rawOverlap: rm === 0 ? 0 : rawCommon / rm };
}

/**
 * Every pair with overlap ≥ `minOverlap` (both ids ordered, sorted by overlap
 * descending, then ids). Pairs share a 5-gram to be counted, so a pair whose
 * only shared 5-grams are boilerplate has overlap 0 and is not listed.
 */
export function exactPairs(docs: readonly ShingledDoc[], df: Map<number, number>, options: { minOverlap: number; maxShingleDf?: number; minWords?: number }): ExactPair[] {
  const cap = options.maxShingleDf ?? STORY_DEFAULTS.maxShingleDf;
  const minWords = options.minWords ?? 0;
  const postings = new Map<number, number[]>();
  docs.forEach((d, i) => {
    if (d.words < minWords) return;
    for (const s of d.shingles) {
      const n = df.get(s)!;
      if (n < 2 || n > cap) continue;
      let p = postings.get(s);
      if (!p) postings.set(s, (p = []));
      p.push(i);
    }
  });
  const shared = new Map<number, number>();
  const n = docs.length;
  for (const p of postings.values()) {
    for (let x = 0; x < p.length; x++) for (let y = x + 1; y < p.length; y++) {
      const k = p[x] * n + p[y];
      shared.set(k, (shared.get(k) ?? 0) + 1);
    }
  }
  const nonBoiler = docs.map((d) => d.shingles.reduce((c, s) => c + (df.get(s)! <= cap ? 1 : 0), 0));
  const out: ExactPair[] = [];
  for (const [k, common] of shared) {
    const i = Math.floor(k / n), j = k % n;
    const overlap = common / Math.min(nonBoiler[i], nonBoiler[j]);
    if (overlap < options.minOverlap) continue;
    const [a, b] = docs[i].id < docs[j].id ? [docs[i], docs[j]] : [docs[j], docs[i]];
    out.push({ a: a.id, b: b.id, overlap, rawOverlap: pairCounts(a.shingles, b.shingles, df, cap).rawOverlap, common });
  }
  return out.sort((x, y) => y.overlap - x.overlap || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
}
