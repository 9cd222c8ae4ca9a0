// Distinctive terms of a result set: the words over-represented in the
// matching articles against the rest of a background (the same filters
// without the query, or the whole archive), scored by log-likelihood (G²)
// with the log ratio as the effect size. Counted in articles, from the
// positions' word codes (no text is read), over every match: exact.
//
// Inflected forms are one row (the stemmer's groups over the vocabulary,
// named by the form most articles use); stop words, affixes, numbers and
// the query's own words are left out.
import { isAffix } from '../../persian/analyze';
import { stem } from '../../persian/stem';
import { isStopword } from '../../persian/stopwords';
import type { HighlightPlan } from '../highlight';
import type { IndexStore } from '../store/index-store';

/** The words of an index grouped as the terms table shows them; made once per index. */
export interface WordGroups {
  /** Per word code: its group, or -1 for a word never shown (stop word, affix, number, one letter). */
  groupOf: Int32Array;
  /** Per group: its forms, most articles first (the first names the row). */
  forms: string[][];
  /** Per word code: its vocabulary term. */
  termOf: string[];
}

const groupsKept = new WeakMap<IndexStore, WordGroups>();

/** Whether a word is one the table never shows. */
export function isFunctionWord(term: string): boolean {
  // Spelling keys begin with «ء», which folding removes from every word.
  return term.length < 2 || term.startsWith('ء') || isStopword(term) || isAffix(term) || /\d/.test(term);
}

export function wordGroups(store: IndexStore): WordGroups {
  const kept = groupsKept.get(store);
  if (kept) return kept;
  const { vocabulary } = store;
  // Every term has a code (a bijection); terms that are never words (pieces, spelling keys) never occur in positions.
  const codes = vocabulary.length;
  const termOf: string[] = new Array(codes).fill('');
  const idOf = new Int32Array(codes).fill(-1);
  for (let id = 0; id < vocabulary.length; id++) {
    const code = store.wordCode(id);
    // Terms that are not words (pieces, spelling keys) have no code of their own.
    if (code < codes) {
      idOf[code] = id;
      termOf[code] = vocabulary[id];
    }
  }
  const known = (t: string) => store.termId(t) >= 0;
  const frequency = (t: string) => store.documentFrequency(store.termId(t));
  const byStem = new Map<string, number>();
  const members: number[][] = [];
  const groupOf = new Int32Array(codes).fill(-1);
  for (let code = 0; code < codes; code++) {
    const term = termOf[code];
    if (idOf[code] < 0 || isFunctionWord(term)) continue;
    const key = stem(term, known, { frequency });
    let g = byStem.get(key);
    if (g === undefined) {
      byStem.set(key, (g = members.length));
      members.push([]);
    }
    members[g].push(code);
    groupOf[code] = g;
  }
  const forms = members.map((codesOf) =>
    codesOf.sort((a, b) => store.documentFrequency(idOf[b]) - store.documentFrequency(idOf[a]) || (termOf[a] < termOf[b] ? -1 : 1)).map((c) => termOf[c]),
  );
  const groups = { groupOf, forms, termOf };
  groupsKept.set(store, groups);
  return groups;
}

/**
 * Per group, in how many of `docs` it occurs (any form, anywhere in the
 * article); and, per group, how often. With `storyOf` (group=story) a unit is
 * a story (an article in no story is one): `docs` must hold each story's
 * copies side by side (collect/stories.ts byUnit), a group counts once per
 * story that has it in any of its copies there, so that a story's count in a
 * result set never exceeds its count in a background that holds those
 * copies; occurrences are counted in each unit's first copy only, so a story
 * republished 40 times adds its words once.
 */
export function groupCounts(
  store: IndexStore,
  docs: readonly number[],
  groups: WordGroups,
  counting: 'articles' | 'both' = 'both',
  storyOf?: Int32Array,
): { units: number; articles: Int32Array; occurrences: Float64Array } {
  const n = groups.forms.length;
  const articles = new Int32Array(n);
  // The results' table needs only article counts: a word's second write skipped (the background counts both).
  const both = counting === 'both';
  const occurrences = new Float64Array(both ? n : 0);
  const stamp = new Int32Array(n).fill(-1);
  const { groupOf } = groups;
  const codes = groupOf.length;
  // Units past the story numbers for articles in no story: storyOf has one entry per article, so docId + its length is free.
  const single = storyOf ? storyOf.length : 0;
  let units = 0;
  let previous = -1;
  // Decoded as counted (varint.ts's format, inlined): no array of codes per article; this loop reads every word of the archive once.
  const { bytes, starts } = store.wordBytes;
  for (const d of docs) {
    const s = storyOf ? storyOf[d] : -1;
    const unit = s >= 0 ? s : single + d;
    const first = unit !== previous;
    if (first) units++;
    previous = unit;
    const countHere = both && first;
    const end = starts[d + 1];
    let i = starts[d];
    while (i < end) {
      let b = bytes[i++];
      let code = b & 0x7f;
      // Codes are under the vocabulary's size (well under 2^28): at most four bytes, small integers throughout.
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[i++];
        code |= (b & 0x7f) << shift;
      }
      const g = code < codes ? groupOf[code] : -1;
      if (g < 0) continue;
      if (countHere) occurrences[g]++;
      if (stamp[g] !== unit) {
        stamp[g] = unit;
        articles[g]++;
      }
    }
  }
  return { units, articles, occurrences };
}

const xlnx = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);

/**
 * Dunning's log-likelihood G² of a 2×2 table: `a` of `n1` articles in the
 * results have the word, `b` of `n2` in the rest.
 */
export function logLikelihood(a: number, n1: number, b: number, n2: number): number {
  const n = n1 + n2;
  const has = a + b;
  const lacks = n - has;
  if (n1 === 0 || n2 === 0 || has === 0 || lacks === 0) return 0;
  return 2 * (xlnx(a, (n1 * has) / n) + xlnx(n1 - a, (n1 * lacks) / n) + xlnx(b, (n2 * has) / n) + xlnx(n2 - b, (n2 * lacks) / n));
}

/** log2 of the ratio of the word's shares in the results and in the rest, a half added to zero counts (Hardie's log ratio). */
export function logRatio(a: number, n1: number, b: number, n2: number): number {
  return Math.log2(((a || 0.5) / n1) / ((b || 0.5) / n2));
}

export interface TermRow {
  term: string;
  forms: string[];
  inResults: number;
  inBackground: number;
  score: number;
  logRatio: number;
}

/** Fewer articles than this in the results is no finding, however rare the word elsewhere. */
export const MIN_ARTICLES = 3;
/** Forms listed per row. */
const FORMS_LISTED = 8;

/**
 * The `size` terms most over-represented in `results` against the rest of
 * `background` (results ⊆ background), by G², the query's own words left out.
 */
export function distinctiveTerms(
  groups: WordGroups,
  results: { count: number; articles: Int32Array },
  background: { count: number; articles: Int32Array },
  plan: HighlightPlan,
  size: number,
): TermRow[] {
  const n1 = results.count;
  const n2 = background.count - results.count;
  const rows: TermRow[] = [];
  for (let g = 0; g < groups.forms.length; g++) {
    const a = results.articles[g];
    if (a < MIN_ARTICLES) continue;
    const b = Math.max(0, background.articles[g] - a);
    // Only what is over-represented: a word rarer in the results is not what sets them apart.
    if (n2 > 0 && a / n1 <= b / n2) continue;
    rows.push({ term: groups.forms[g][0], forms: groups.forms[g], inResults: a, inBackground: b, score: logLikelihood(a, n1, b, n2), logRatio: logRatio(a, n1, b, n2) });
  }
  rows.sort((x, y) => y.score - x.score || y.inResults - x.inResults || (x.term < y.term ? -1 : 1));
  const out: TermRow[] = [];
  for (const row of rows) {
    if (out.length >= size) break;
    if (row.forms.some((f) => plan.wordGroup(f) >= 0)) continue;
    out.push({ ...row, forms: row.forms.slice(0, FORMS_LISTED), score: round(row.score), logRatio: round(row.logRatio) });
  }
  return out;
}

export const round = (x: number) => Math.round(x * 100) / 100;
