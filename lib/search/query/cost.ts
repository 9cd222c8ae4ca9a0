// What a query costs before it runs, so that one request cannot hold the
// server for seconds («"در این" "از این" …» with a hundred common phrases).
import type { QueryTerm } from '../../types';
import { ParamError } from '../params';
import type { IndexStore } from '../store/index-store';
import type { Alternative, TermExpander } from './expand';
import type { ParsedQuery } from './parse';

/** A phrase candidate's byte search, in postings' worth of work. */
export const PHRASE_CHECK_COST = 4;
/**
 * The most work a query may ask for, in postings read. At 100,000 articles the
 * bench mix's costliest query asks for 0.78 million; ten common phrases at once
 * 4.2 million, answered in about 0.5 s on the 2-core machine; twenty 7.3 million, 0.8 s.
 */
export const MAX_QUERY_COST = 5_000_000;

/** A query that would take the server too long: the API answers it with 400 (a ParamError on `q`). */
export class QueryTooCostlyError extends ParamError {
  constructor(
    readonly cost: number,
    readonly limit: number,
  ) {
    super(
      'q',
      `q: the query asks for too much work at once (${cost.toLocaleString('en-US')} postings to read, at most ${limit.toLocaleString('en-US')}): use fewer common words or phrases`,
    );
    this.name = 'QueryTooCostlyError';
  }
}

/**
 * Postings a query reads: every variant's posting list, and for each phrase its
 * words' lists plus a byte search per candidate (its rarest word's articles,
 * each weighed PHRASE_CHECK_COST).
 */
export function queryCost(store: IndexStore, expander: TermExpander, query: ParsedQuery, groups: readonly (readonly Alternative[])[]): number {
  let cost = 0;
  const clauseCost = (clause: QueryTerm) => {
    if (clause.kind === 'word') {
      for (const { id } of expander.variants(clause)) cost += store.documentFrequency(id);
      return;
    }
    const dfs = clause.terms.map((t) => store.documentFrequency(store.termId(t)));
    if (dfs.some((df) => df === 0)) return;
    for (const df of dfs) cost += df;
    cost += Math.min(...dfs) * PHRASE_CHECK_COST;
  };
  for (const group of groups) group.forEach(clauseCost);
  for (const group of query.optional) group.forEach(clauseCost);
  query.excluded.forEach(clauseCost);
  return cost;
}

/** How much longer than a scan of the first group a later group's confirmation may read (binary search within a long posting list). */
const SEEK_FACTOR = 4;

/**
 * What a query will actually read, roughly, as opposed to queryCost's upper
 * bound: with match=all the rarest group is read and the others only confirm
 * its articles (by binary search when they are few), so «چه کار کنیم تا علاقه
 * به درس بیشتر شود» reads little although every word is common; with match=any
 * every group is read. A phrase's candidates each cost a byte search. The
 * server's scheduler sorts requests into cheap and expensive by this.
 */
export function expectedWork(store: IndexStore, expander: TermExpander, query: ParsedQuery, groups: readonly (readonly Alternative[])[], mode: 'all' | 'any'): number {
  if (groups.length === 0) return store.size;
  const weighed = groups.map((group) => expander.estimate(group) * (group.some((c) => c.kind === 'phrase') ? PHRASE_CHECK_COST : 1)).sort((a, b) => a - b);
  const first = weighed[0];
  let work = first;
  for (let g = 1; g < weighed.length; g++) work += mode === 'all' ? Math.min(weighed[g], first * SEEK_FACTOR) : weighed[g];
  // The matches: exclusions and stop words are looked up among them, and facets and order pass over them.
  const hits = Math.min(store.size, mode === 'all' ? first : weighed.reduce((sum, w) => sum + w, 0));
  for (const clause of query.excluded) work += Math.min(expander.estimate([clause]), hits * SEEK_FACTOR);
  for (const group of query.optional) work += Math.min(expander.estimate(group), hits * SEEK_FACTOR);
  return work + hits;
}
