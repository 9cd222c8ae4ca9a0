// Hamshahri 2 development queries: MAP, P@10 and nDCG@10 over the judged corpus.
import { readFileSync } from 'node:fs';
import { averagePrecision, mean, ndcgAt, precisionAt } from './metrics';
import type { MatchMode, Ranker } from './ranker';

export interface Query {
  qid: string;
  text: string;
}

/** `qid<TAB>query` lines. */
export function parseQueries(tsv: string): Query[] {
  return tsv
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const tab = l.indexOf('\t');
      return { qid: l.slice(0, tab).trim(), text: l.slice(tab + 1).trim() };
    });
}

/** TREC qrels `qid 0 docid rel`: the relevant (rel > 0) ids per query. */
export function parseQrels(text: string): Map<string, Set<string>> {
  const qrels = new Map<string, Set<string>>();
  for (const line of text.split(/\r?\n/)) {
    const [qid, , docid, rel] = line.trim().split(/\s+/);
    if (!docid || !(Number(rel) > 0)) continue;
    if (!qrels.has(qid)) qrels.set(qid, new Set());
    qrels.get(qid)!.add(docid);
  }
  return qrels;
}

export const readQueries = (file: string) => parseQueries(readFileSync(file, 'utf8'));
export const readQrels = (file: string) => parseQrels(readFileSync(file, 'utf8'));

export interface QueryScore {
  qid: string;
  query: string;
  retrieved: number;
  relevant: number;
  ap: number;
  p10: number;
  ndcg10: number;
  /** The run's ids (top 1,000), to compare two runs. */
  run: string[];
}

export interface HamshahriRun {
  map: number;
  p10: number;
  ndcg10: number;
  /** Queries scored (those with at least one relevant document). */
  queries: number;
  perQuery: QueryScore[];
  ms: number;
}

/** Runs every judged query (with a trailing space: finished words) and averages the scores. */
export function runHamshahri(
  ranker: Ranker,
  queries: readonly Query[],
  qrels: ReadonlyMap<string, ReadonlySet<string>>,
  match: MatchMode,
): HamshahriRun {
  const started = performance.now();
  const perQuery: QueryScore[] = [];
  for (const q of queries) {
    const relevant = qrels.get(q.qid);
    if (!relevant || relevant.size === 0) continue;
    const run = ranker.isEmptyQuery(q.text) ? [] : ranker.rank(q.text + ' ', { match, limit: 1000 });
    perQuery.push({
      qid: q.qid,
      query: q.text,
      retrieved: run.length,
      relevant: relevant.size,
      ap: averagePrecision(run, relevant),
      p10: precisionAt(10, run, relevant),
      ndcg10: ndcgAt(10, run, relevant),
      run,
    });
  }
  return {
    map: mean(perQuery.map((s) => s.ap)),
    p10: mean(perQuery.map((s) => s.p10)),
    ndcg10: mean(perQuery.map((s) => s.ndcg10)),
    queries: perQuery.length,
    perQuery,
    ms: performance.now() - started,
  };
}

/** How many queries got the very same ranked ids in both runs. */
export function identicalRuns(a: HamshahriRun, b: HamshahriRun): number {
  const byQid = new Map(b.perQuery.map((s) => [s.qid, s.run]));
  return a.perQuery.filter((s) => {
    const other = byQid.get(s.qid);
    return other !== undefined && other.length === s.run.length && other.every((id, i) => id === s.run[i]);
  }).length;
}
