// The first k matches in the asked order: relevance (score, then newer, then
// index order) or date (undated articles last, then index order).
import type { SearchParams } from '../params';
import { topK } from '../top';
import type { ArticleDates } from './article-dates';

export function ordered(
  hits: readonly number[],
  k: number,
  order: SearchParams['sort'],
  score: Float64Array | null,
  dates: ArticleDates,
): number[] {
  const { newest, oldest } = dates;
  // A query without words has no scores: relevance is newest first.
  if (order === 'relevance' && score) return topK(hits, k, score, (a, b) => newest[b] - newest[a] || a - b);
  return topK(hits, k, order === 'oldest' ? oldest : newest, (a, b) => a - b);
}
