// Collocates of a query's words: the words within ±window of each of its hits
// in the matching articles, ranked by logDice (Rychlý 2008), which does not
// grow with the size of the archive as MI does nor favour function words as
// raw counts do. Read from the positions' word codes (title and body, no
// text), over every match: exact. Words are counted by their inflection
// groups (terms.ts), so «دوست» and «دوستان» are one collocate.
import type { HighlightPlan } from '../highlight';
import type { IndexStore } from '../store/index-store';
import { round, type WordGroups } from './terms';

export interface CollocateRow {
  term: string;
  forms: string[];
  /** Times it stands within the window of a hit. */
  count: number;
  logDice: number;
}

/** 14 + log2(2·f(xy) / (f(x) + f(y))): 14 at most, when the two always come together. */
export function logDice(together: number, node: number, collocate: number): number {
  return 14 + Math.log2((2 * together) / (node + collocate));
}

/** Fewer co-occurrences than this is no collocation. */
export const MIN_TOGETHER = 2;

/**
 * The `size` collocates of the plan's words in `docs`, by logDice; `occurrences`
 * is each group's count over the whole archive (groupCounts over every article).
 */
export function collocates(
  store: IndexStore,
  docs: readonly number[],
  groups: WordGroups,
  occurrences: Float64Array,
  plan: HighlightPlan,
  window: number,
  size: number,
): { nodes: number; collocates: CollocateRow[] } {
  const { groupOf, termOf } = groups;
  // Which codes are the query's words: asked of the plan once per code that occurs, not per position.
  const node = new Int8Array(termOf.length); // 0 unknown, 1 a hit, -1 not
  const together = new Float64Array(groups.forms.length);
  const out = { values: new Uint32Array(1024) };
  let nodes = 0;
  const isNode = (code: number) => {
    if (node[code] === 0) node[code] = plan.wordGroup(termOf[code]) >= 0 ? 1 : -1;
    return node[code] === 1;
  };
  for (const d of docs) {
    const n = store.wordsOf(d, out);
    const codes = out.values;
    for (let i = 0; i < n; i++) {
      if (!isNode(codes[i])) continue;
      nodes++;
      const from = Math.max(0, i - window);
      const to = Math.min(n - 1, i + window);
      for (let j = from; j <= to; j++) {
        if (j === i || isNode(codes[j])) continue;
        const g = groupOf[codes[j]];
        if (g >= 0) together[g]++;
      }
    }
  }
  const rows: CollocateRow[] = [];
  for (let g = 0; g < together.length; g++) {
    if (together[g] < MIN_TOGETHER) continue;
    rows.push({ term: groups.forms[g][0], forms: groups.forms[g].slice(0, 8), count: together[g], logDice: logDice(together[g], nodes, occurrences[g]) });
  }
  rows.sort((a, b) => b.logDice - a.logDice || b.count - a.count || (a.term < b.term ? -1 : 1));
  return { nodes, collocates: rows.slice(0, size).map((r) => ({ ...r, logDice: round(r.logDice) })) };
}
