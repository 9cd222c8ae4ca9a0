// Retrieval metrics, trec_eval style, with binary relevance. Pure functions:
// `ranked` is a run's ids best first (duplicates are not expected), `relevant`
// the ids judged relevant for the query.

/** Mean of a list; 0 for an empty list. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * Average precision: the precision at the rank of each relevant document
 * retrieved, summed and divided by the number of relevant documents (retrieved
 * or not). 0 when nothing is relevant.
 */
export function averagePrecision(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranked.forEach((id, i) => {
    if (relevant.has(id)) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / relevant.size;
}

/** Share of the first k ranks holding a relevant document (a short run still divides by k). */
export function precisionAt(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i])) hits++;
  return hits / k;
}

/**
 * nDCG@k with binary gains and the log2(rank + 1) discount; the ideal DCG puts
 * min(k, |relevant|) relevant documents first. 0 when nothing is relevant.
 */
export function ndcgAt(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i])) dcg += 1 / Math.log2(i + 2);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** 1-based rank of `target` within the first `limit` ids, or 0 when absent. */
export function rankOf(target: string, ranked: readonly string[], limit = ranked.length): number {
  const i = ranked.indexOf(target);
  return i >= 0 && i < limit ? i + 1 : 0;
}

/** 1 when `target` is among the first k ids, else 0. */
export function successAt(k: number, target: string, ranked: readonly string[]): number {
  const r = rankOf(target, ranked);
  return r > 0 && r <= k ? 1 : 0;
}

/** Reciprocal rank of `target` within the first `limit` ids (default 1,000), 0 when absent. */
export function reciprocalRank(target: string, ranked: readonly string[], limit = 1000): number {
  const r = rankOf(target, ranked, limit);
  return r === 0 ? 0 : 1 / r;
}
