// BM25 (Robertson/Sparck Jones idf) with a title boost, as pure arithmetic
// over per-article arrays computed once per index.
import { TF_MAX, TF_TITLE } from '../index-data';
import type { RankingWeights } from './weights';

/** idf of a term in `df` of `n` articles; never negative, so a common word still adds a little. */
export function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export class Bm25 {
  /** BM25's length part per article, k1 · (1 − b + b · length / average). */
  private readonly lengthNorm: Float64Array;
  /** The title boost of each article, already normalized by its title's length. */
  private readonly titleBoost: Float32Array;
  private readonly k1: number;

  constructor(
    docLength: ArrayLike<number>,
    titleLength: ArrayLike<number>,
    private readonly n: number,
    weights: RankingWeights,
  ) {
    const { k1, b } = weights;
    this.k1 = k1;
    let words = 0;
    for (let d = 0; d < docLength.length; d++) words += docLength[d];
    const avgLength = Math.max(1, words / Math.max(1, n));
    this.lengthNorm = new Float64Array(n);
    for (let d = 0; d < n; d++) this.lengthNorm[d] = k1 * (1 - b + (b * docLength[d]) / avgLength);
    let titleWords = 0;
    for (let d = 0; d < titleLength.length; d++) titleWords += titleLength[d];
    const avgTitle = Math.max(1, titleWords / Math.max(1, n));
    this.titleBoost = new Float32Array(n);
    for (let d = 0; d < n; d++) {
      this.titleBoost[d] = (weights.title * (k1 + 1)) / (1 + k1 * (1 - b + (b * titleLength[d]) / avgTitle));
    }
  }

  /** The term-frequency part for one posting (its tf byte), plus the title boost when the term is in the title. */
  tfPart(docId: number, packed: number): number {
    const tf = packed & TF_MAX;
    const norm = (tf * (this.k1 + 1)) / (tf + this.lengthNorm[docId]);
    return norm + (packed & TF_TITLE ? this.titleBoost[docId] : 0);
  }

  idf(df: number): number {
    return idf(this.n, df);
  }
}
