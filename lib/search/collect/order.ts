// The first k matches in the asked order: relevance (score, then newer, then
// index order) or date (undated articles last, then index order).
import type { SearchParams } from '../params';
import { topK } from '../top';
import type { ArticleDates } from './article-dates';

/** The search's order as sort keys (higher first) and a tie-break: what `ordered` sorts by, and what picks a story's best copy. */
export function orderKeys(
  order: SearchParams['sort'],
  score: Float64Array | null,
  dates: ArticleDates,
): { keys: ArrayLike<number>; tie: (a: number, b: number) => number } {
  const { newest, oldest } = dates;
  // A query without words has no scores: relevance is newest first.
  if (order === 'relevance' && score) return { keys: score, tie: (a, b) => newest[b] - newest[a] || a - b };
  return { keys: order === 'oldest' ? oldest : newest, tie: (a, b) => a - b };
}

export function ordered(
  hits: readonly number[],
  k: number,
  order: SearchParams['sort'],
  score: Float64Array | null,
  dates: ArticleDates,
): number[] {
  const { keys, tie } = orderKeys(order, score, dates);
  return topK(hits, k, keys, tie);
}
