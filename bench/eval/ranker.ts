// What every evaluated system offers the metric code: ids best first.
import type { Article } from '../../lib/types';

export type MatchMode = 'all' | 'any';

export interface RankOptions {
  match: MatchMode;
  limit: number;
}

export interface Ranker {
  /** Article ids, best first, at most `limit`. */
  rank(q: string, options: RankOptions): string[];
  /** True when the system's analysis of `q` leaves no term to search for. */
  isEmptyQuery(q: string): boolean;
}

export interface System {
  /** Short name for the report. */
  name: string;
  /** How `match` is carried out, for the report. */
  describe: string;
  build(articles: readonly Article[]): Ranker;
}
