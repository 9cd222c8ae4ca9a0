// The proximity bonus: typed words that stand side by side in an article as
// they were typed add their idf, more in the title. «کار می کند» ranks the
// article titled so above one that has «کار» somewhere.
import type { ParsedQuery } from '../query/parse';
import type { TermExpander } from '../query/expand';
import { SideBySide } from '../proximity';
import type { IndexStore } from '../store/index-store';
import { bestUnordered } from '../top';
import type { Bm25 } from './bm25';
import type { RankingWeights } from './weights';

export class ProximityBonus {
  /** One article's decoded word codes (grown to the longest article seen). */
  private readonly words = { values: new Uint32Array(4096) };

  constructor(
    private readonly store: IndexStore,
    private readonly expander: TermExpander,
    private readonly bm25: Bm25,
    private readonly weights: Pick<RankingWeights, 'adjacentTitle' | 'adjacentBody' | 'proximityTop'>,
  ) {}

  /** Adds to `score` the bonus of the best `proximityTop` of `docs` (by `score`). */
  add(docs: readonly number[], query: ParsedQuery, score: Float64Array): void {
    const typed = query.sequence;
    if (typed.length < 2 || docs.length === 0) return;
    const { store, expander } = this;
    const sideBySide = new SideBySide(typed.length);
    const weight: number[] = [];
    typed.forEach((clause, j) => {
      const ids = clause.prefix ? expander.variants(clause) : [{ id: store.termId(clause.terms[0]), weight: 1 }, ...expander.variants(clause)];
      // Positions hold word codes, so the side-by-side check is set up in codes.
      for (const { id } of ids) if (id >= 0) sideBySide.addTerm(j, store.wordCode(id));
      if (!clause.prefix) {
        for (const run of expander.apartRuns(clause.terms[0])) {
          const df = new Map(run.map((id) => [store.wordCode(id), store.documentFrequency(id)]));
          sideBySide.addRun(j, run.map((id) => store.wordCode(id)), (code) => df.get(code)!);
        }
      }
      const exact = store.termId(clause.terms[0]);
      weight.push(exact >= 0 ? this.bm25.idf(store.documentFrequency(exact)) : 0);
    });
    const { adjacentTitle, adjacentBody, proximityTop } = this.weights;
    for (const docId of bestUnordered(docs, proximityTop, score)) {
      const n = store.wordsOf(docId, this.words);
      const seen = sideBySide.in(this.words.values.subarray(0, n), store.titleLength[docId]);
      for (let j = 0; j + 1 < typed.length; j++) {
        if (!seen[j]) continue;
        const pairIdf = (weight[j] + weight[j + 1]) / 2;
        score[docId] += pairIdf * (seen[j] === 2 ? adjacentTitle : adjacentBody);
      }
    }
  }
}
