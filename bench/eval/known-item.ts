// Known-item search: a few words of a title, re-spelled as users and archives
// do, must still bring the article to the top.
import { mean, rankOf, reciprocalRank, successAt } from './metrics';
import type { Perturbation } from './perturb';
import type { Ranker, MatchMode } from './ranker';
import type { KnownItem } from './sample';

export interface PerturbationScore {
  name: string;
  successAt10: number;
  mrr: number;
  /** Queries this perturbation actually changed. */
  changed: number;
  /** success@10 and MRR over the changed queries only (NaN when none changed). */
  changedSuccessAt10: number;
  changedMrr: number;
  /** The changed queries grouped by the half-space the original query holds ('none' without one). */
  changedByHalfSpace: Record<string, { changed: number; successAt10: number; mrr: number }>;
}

export interface KnownItemMiss {
  id: string;
  perturbation: string;
  query: string;
  /** Rank of the target for the unperturbed query (0: not in the top 1,000). */
  originalRank: number;
  rank: number;
}

export interface KnownItemResult {
  items: number;
  scores: PerturbationScore[];
  /** Items found in the top 10 as written but not once perturbed. */
  regressions: KnownItemMiss[];
  ms: number;
}

export function runKnownItem(
  ranker: Ranker,
  items: readonly KnownItem[],
  perturbations: readonly Perturbation[],
  match: MatchMode = 'all',
): KnownItemResult {
  const started = performance.now();
  // Queries are finished words: a trailing space, so nothing is a prefix.
  // Every perturbation runs every query, also when it leaves the query as it was.
  const run = (q: string) => (ranker.isEmptyQuery(q) ? [] : ranker.rank(q + ' ', { match, limit: 1000 }));
  const originalRank = items.map((it) => rankOf(it.id, run(it.query), 1000));
  const regressions: KnownItemMiss[] = [];

  const scores = perturbations.map((p): PerturbationScore => {
    const success: number[] = [];
    const rr: number[] = [];
    const changedSuccess: number[] = [];
    const changedRr: number[] = [];
    const groups = new Map<string, { s: number[]; r: number[] }>();
    items.forEach((it, i) => {
      const q = p.apply(it.query);
      const ids = run(q);
      const s = successAt(10, it.id, ids);
      const r = reciprocalRank(it.id, ids, 1000);
      success.push(s);
      rr.push(r);
      if (q === it.query) return;
      changedSuccess.push(s);
      changedRr.push(r);
      const g = groups.get(it.halfSpaceKind ?? 'none') ?? { s: [], r: [] };
      g.s.push(s);
      g.r.push(r);
      groups.set(it.halfSpaceKind ?? 'none', g);
      if (originalRank[i] >= 1 && originalRank[i] <= 10 && s === 0) {
        regressions.push({ id: it.id, perturbation: p.name, query: q, originalRank: originalRank[i], rank: rankOf(it.id, ids, 1000) });
      }
    });
    return {
      name: p.name,
      successAt10: mean(success),
      mrr: mean(rr),
      changed: changedSuccess.length,
      changedSuccessAt10: changedSuccess.length ? mean(changedSuccess) : NaN,
      changedMrr: changedRr.length ? mean(changedRr) : NaN,
      changedByHalfSpace: Object.fromEntries(
        [...groups].map(([k, g]) => [k, { changed: g.s.length, successAt10: mean(g.s), mrr: mean(g.r) }]),
      ),
    };
  });
  return { items: items.length, scores, regressions, ms: performance.now() - started };
}
