// The articles a query matches, and their scores: groups scored rarest first
// (with match=all each later group only confirms the articles still matching),
// excluded words removed, stop words and proximity added to the score.
import type { MatchMode, QueryTerm } from '../../types';
import type { Alternative, TermExpander } from '../query/expand';
import { MAX_QUERY_COST, queryCost, QueryTooCostlyError } from '../query/cost';
import type { ParsedQuery } from '../query/parse';
import type { Bm25 } from '../score/bm25';
import type { ProximityBonus } from '../score/side-by-side';
import type { IndexStore } from '../store/index-store';
import { DocMarks } from './doc-marks';
import type { PhraseMatcher } from './phrase';
import { scorePostings, type BestScores, type Within } from './walk';

/** Articles a query matched and their scores. `docs` and `score` are the matcher's scratch space, valid until its next match. */
export interface Matches {
  /** Matching docIds, unordered. */
  docs: number[];
  /** Score per docId (meaningful for `docs` only; 0 everywhere when the query has no words). */
  score: Float64Array;
  /** Words of the query that no article contains, as typed. */
  unmatched: string[];
  /** The query's groups with the compound alternatives the expansion added, for the forms report. */
  alternatives: Alternative[][];
}

export interface MatchOptions {
  /** Score for ranking (stop words, proximity); false when only the articles are wanted (counts). Default true. */
  rank?: boolean;
}

export class Matcher {
  private readonly score: Float64Array;
  /** The articles still matching the query so far. */
  private readonly matching: DocMarks;
  /** The articles one group matched, and the group's score for each (its best alternative's). */
  private readonly inGroup: DocMarks;
  private readonly groupScore: Float64Array;
  private readonly excluded: DocMarks;

  constructor(
    private readonly store: IndexStore,
    private readonly expander: TermExpander,
    private readonly phrases: PhraseMatcher,
    private readonly bm25: Bm25,
    private readonly proximity: ProximityBonus,
    /** The most work one query may ask for (query/cost.ts); lower in tests. */
    private readonly maxQueryCost = MAX_QUERY_COST,
  ) {
    const n = store.size;
    this.score = new Float64Array(n);
    this.matching = new DocMarks(n);
    this.inGroup = new DocMarks(n);
    this.groupScore = new Float64Array(n);
    this.excluded = new DocMarks(n);
  }

  match(query: ParsedQuery, mode: MatchMode, { rank = true }: MatchOptions = {}): Matches {
    const { store, score, matching, groupScore } = this;
    const unmatched: string[] = [];
    if (query.groups.length === 0) {
      score.fill(0);
      const docs = Array.from({ length: store.size }, (_, d) => d);
      return { docs: this.withoutExcluded(docs, query, { docs, has: () => true }), score, unmatched, alternatives: [] };
    }

    const alternatives = this.expander.withCompounds(query);
    const cost = queryCost(store, this.expander, query, alternatives);
    if (cost > this.maxQueryCost) throw new QueryTooCostlyError(cost, this.maxQueryCost);
    // Rarest group first: with match=all, later groups only confirm earlier ones.
    const groups = alternatives.map((group) => ({ group, df: this.expander.estimate(group) })).sort((a, b) => a.df - b.df);
    // With match=all each group makes a new set of the articles it confirms, so the next group scores only those.
    let current = matching.fresh();
    const { marks } = matching;
    let matched: number[] = [];
    const matchingSoFar: Within = {
      get docs() {
        return matched;
      },
      has: (docId) => marks[docId] === current,
    };
    groups.forEach(({ group, df }, g) => {
      if (df === 0) unmatched.push(...group.map((c) => c.text));
      // With match=all, once nothing is left nothing can match: skip the work.
      if (mode === 'all' && g > 0 && matched.length === 0) return;
      const docs = this.scoreGroup(group, mode === 'all' && g > 0 ? matchingSoFar : undefined);
      const idf = this.bm25.idf(df);
      if (g === 0) {
        for (let i = 0; i < docs.length; i++) {
          const docId = docs[i];
          matching.add(docId, current);
          score[docId] = idf * groupScore[docId];
        }
        matched = docs;
      } else if (mode === 'all') {
        const confirmed = matching.fresh();
        for (let i = 0; i < docs.length; i++) {
          const docId = docs[i];
          matching.add(docId, confirmed);
          score[docId] += idf * groupScore[docId];
        }
        current = confirmed;
        matched = docs;
      } else {
        for (let i = 0; i < docs.length; i++) {
          const docId = docs[i];
          if (!matching.has(docId, current)) {
            matching.add(docId, current);
            score[docId] = 0;
            matched.push(docId);
          }
          score[docId] += idf * groupScore[docId];
        }
      }
    });
    const docs = this.withoutExcluded(matched, query, matchingSoFar);
    if (rank) {
      // Stop words never decide a match, but an article that has them ranks higher.
      const remaining: Within = { docs, has: matchingSoFar.has };
      for (const group of query.optional) {
        if (docs.length === 0) break;
        const idf = this.bm25.idf(this.expander.estimate(group));
        for (const docId of this.scoreGroup(group, remaining)) score[docId] += idf * groupScore[docId];
      }
      this.proximity.add(docs, query, score);
    }
    return { docs, score, unmatched: [...new Set(unmatched)], alternatives };
  }

  /**
   * Scores one group (alternatives joined by OR) into groupScore; returns the
   * articles it matches. A word scores by its best variant; a phrase by its
   * words, once its words are checked to stand together.
   */
  private scoreGroup(group: readonly Alternative[], within?: Within): number[] {
    const { inGroup, groupScore, bm25 } = this;
    const mark = inGroup.fresh();
    const docs: number[] = [];
    // A group's score for an article is its best alternative's.
    const best: BestScores = { docs, marks: inGroup.marks, mark, score: groupScore };
    for (const clause of group) {
      const titleOnly = clause.field === 'title';
      if (clause.kind === 'word') {
        for (const { id, weight } of this.expander.variants(clause)) scorePostings(this.store, id, within, titleOnly, weight, bm25, best);
        continue;
      }
      for (const [docId, value] of this.phrases.matches(clause.terms, titleOnly, within, clause.apart)) {
        if (!inGroup.has(docId, mark)) {
          inGroup.add(docId, mark);
          docs.push(docId);
          groupScore[docId] = value;
        } else if (value > groupScore[docId]) groupScore[docId] = value;
      }
    }
    return docs;
  }

  /** `docs` without the articles an excluded clause matches; `within` tests membership of `docs`. */
  private withoutExcluded(docs: number[], query: ParsedQuery, within: Within): number[] {
    if (query.excluded.length === 0) return docs;
    const set = this.excluded.fresh();
    for (const clause of query.excluded) {
      for (const docId of this.scoreGroup([clause as QueryTerm], within)) this.excluded.add(docId, set);
    }
    return docs.filter((d) => !this.excluded.has(d, set));
  }
}
