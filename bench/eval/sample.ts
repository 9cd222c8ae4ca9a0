// A fixed, seeded sample of known-item queries: an article and a few
// consecutive words of its title, which a user remembers and types.
import { halfSpaceKind, hasHalfSpace, type HalfSpaceKind } from './perturb';

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function randomInt(rng: () => number, n: number): number {
  return Math.floor(rng() * n);
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The words of a title as a user would retype them: split at ordinary spaces
 * (a ZWNJ or a no-break space stays inside its word, as the archive wrote it),
 * punctuation trimmed from both ends, words of fewer than 2 letters/digits
 * dropped («و», «-»).
 */
export function titleWords(title: string): string[] {
  return title
    .split(/[ \t\r\n\u2000-\u200b\u202f\u3000]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}\p{M}]+$/u, ''))
    .filter((w) => (w.match(/[\p{L}\p{N}]/gu) ?? []).length >= 2);
}

/** A title's identity for duplicate detection: letters and digits only, yeh/kaf folded. */
export function titleKey(title: string): string {
  return title
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export interface KnownItem {
  /** The article to find. */
  id: string;
  title: string;
  /** 2–4 consecutive title words joined by spaces, without the trailing space. */
  query: string;
  /** The query holds a half-space (ZWNJ, NBSP between letters, spaced affix). */
  halfSpace: boolean;
  /** Which one (the first of ZWNJ, NBSP, spaced affix), or null. */
  halfSpaceKind: HalfSpaceKind | null;
}

export interface SampleOptions {
  size: number;
  seed: number;
  /** At least this many queries with a half-space, when the corpus has them. */
  minHalfSpace: number;
}

export interface SampleStats {
  candidates: number;
  duplicateTitlesExcluded: number;
  halfSpace: number;
}

/**
 * Picks the query for one title: a window of 2–4 consecutive words. When some
 * window holds a half-space one of those is chosen, so the half-space
 * perturbations have something to change.
 */
export function pickQuery(words: readonly string[], rng: () => number): string {
  const windows: string[] = [];
  for (let n = 2; n <= Math.min(4, words.length); n++) {
    for (let start = 0; start + n <= words.length; start++) windows.push(words.slice(start, start + n).join(' '));
  }
  const withHalfSpace = windows.filter(hasHalfSpace);
  if (withHalfSpace.length > 0) return withHalfSpace[randomInt(rng, withHalfSpace.length)];
  const n = 2 + randomInt(rng, Math.min(4, words.length) - 1);
  const start = randomInt(rng, words.length - n + 1);
  return words.slice(start, start + n).join(' ');
}

/**
 * The known-item sample: articles whose title has at least 3 words and is not
 * shared with another article (a duplicate title has two right answers),
 * shuffled with a seeded PRNG; the first `size` are taken, except that when
 * fewer than `minHalfSpace` of them have a half-space query, the first
 * `minHalfSpace` half-space items of the shuffle are taken with the first
 * others to fill. The result keeps the shuffle's order.
 */
export function sampleKnownItems(
  articles: readonly { id: string; title: string }[],
  options: SampleOptions,
): { items: KnownItem[]; stats: SampleStats } {
  const keyCount = new Map<string, number>();
  for (const a of articles) {
    const k = titleKey(a.title);
    keyCount.set(k, (keyCount.get(k) ?? 0) + 1);
  }
  const eligible = articles.filter((a) => titleWords(a.title).length >= 3);
  const unique = eligible.filter((a) => keyCount.get(titleKey(a.title)) === 1);
  const rng = mulberry32(options.seed);
  const all: KnownItem[] = shuffled(unique, rng).map((a) => {
    const query = pickQuery(titleWords(a.title), rng);
    return { id: a.id, title: a.title, query, halfSpace: hasHalfSpace(query), halfSpaceKind: halfSpaceKind(query) };
  });

  let items = all.slice(0, options.size);
  if (items.filter((i) => i.halfSpace).length < options.minHalfSpace) {
    const half = all.filter((i) => i.halfSpace).slice(0, options.minHalfSpace);
    const rest = all.filter((i) => !i.halfSpace).slice(0, options.size - half.length);
    const chosen = new Set([...half, ...rest]);
    items = all.filter((i) => chosen.has(i));
  }
  return {
    items,
    stats: {
      candidates: unique.length,
      duplicateTitlesExcluded: eligible.length - unique.length,
      halfSpace: items.filter((i) => i.halfSpace).length,
    },
  };
}
