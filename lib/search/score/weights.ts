// Every number the ranking uses, in one object, so that an evaluation can
// sweep them (bench/eval) and a reader finds them in one place. The defaults
// are the ones `npm run eval` measured (docs/design.md, "Matching and ranking").

export interface RankingWeights {
  /** BM25's term-frequency saturation (usual 1.2; range 0.5–3). */
  k1: number;
  /** BM25's length normalization (usual 0.75; range 0–1: 0 ignores length). */
  b: number;
  /**
   * A query word in the title adds this much, scaled down for long titles as
   * BM25 scales long bodies: the word is more of what a short title is about
   * (range 0–4; 0 turns title weighting off).
   */
  title: number;
  /** Inflected forms of a query word («دوستان» for «دوست») against the word itself (range 0–1). */
  variant: number;
  /** An exact phrase against its words scattered (range 1–4). */
  phrase: number;
  /** Two typed words side by side, in the title and in the body, times their idf (range 0–4). */
  adjacentTitle: number;
  adjacentBody: number;
  /** How many of the best articles by score have their proximity checked (range 0–1000). */
  proximityTop: number;
}

export const DEFAULT_WEIGHTS: Readonly<RankingWeights> = Object.freeze({
  k1: 1.2,
  b: 0.75,
  title: 1.0,
  variant: 0.8,
  phrase: 1.5,
  adjacentTitle: 1.5,
  adjacentBody: 0.5,
  proximityTop: 200,
});

const RANGES: Record<keyof RankingWeights, [number, number]> = {
  k1: [0.5, 3],
  b: [0, 1],
  title: [0, 4],
  variant: [0, 1],
  phrase: [1, 4],
  adjacentTitle: [0, 4],
  adjacentBody: [0, 4],
  proximityTop: [0, 1000],
};

/** The defaults with `changes` over them; a weight outside its range is an error naming it. */
export function rankingWeights(changes: Partial<RankingWeights> = {}): RankingWeights {
  const weights = { ...DEFAULT_WEIGHTS, ...changes };
  for (const [name, [lo, hi]] of Object.entries(RANGES) as [keyof RankingWeights, [number, number]][]) {
    const value = weights[name];
    if (!Number.isFinite(value) || value < lo || value > hi) {
      throw new RangeError(`ranking weight ${name}: expected a number from ${lo} to ${hi}, got ${value}`);
    }
  }
  return weights;
}
