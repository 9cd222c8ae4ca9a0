// Pair precision and recall of a set of stories, and the re-verification the
// sweep uses instead of a full detectStories run per setting.
import { addToStories, type Story, type StoryState } from '../../../lib/stories/detect';

/** Story index of each member id. */
export function storyIndex(stories: readonly Story[]): Map<string, number> {
  const of = new Map<string, number>();
  stories.forEach((s, i) => s.members.forEach((m) => of.set(m, i)));
  return of;
}

export const together = (of: Map<string, number>, a: string, b: string) => of.has(a) && of.get(a) === of.get(b);

export interface PairScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Predicted = both ids in one story. Precision is 1 when nothing is predicted (no false positive), recall 1 when nothing is to find. */
export function pairScore(pairs: readonly { a: string; b: string; copy: boolean }[], of: Map<string, number>): PairScore {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const p of pairs) {
    const predicted = together(of, p.a, p.b);
    if (predicted && p.copy) tp++;
    else if (predicted) fp++;
    else if (p.copy) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

export interface Setting {
  threshold: number;
  minWords: number;
  maxShingleDf: number;
}

/**
 * The stories detectStories(articles, setting) would give, from a state it
 * built over the same articles with `minWords` at most the setting's: the LSH
 * candidates do not depend on the threshold or the boilerplate cap, and a
 * larger minWords only drops the candidates of shorter articles, so the
 * candidates are filtered and verified again under the setting. The eval
 * checks this against a full run at the defaults.
 */
export function regroup(base: StoryState, words: Map<string, number>, setting: Setting): Story[] {
  if (setting.minWords < base.options.minWords) throw new Error(`regroup: minWords ${setting.minWords} is below the base state's ${base.options.minWords}`);
  const long = (id: string) => (words.get(id) ?? 0) >= setting.minWords;
  const candidates = new Set([...base.candidates].filter((p) => {
    const [a, b] = p.split('\u0000');
    return long(a) && long(b);
  }));
  const state: StoryState = { ...base, options: { ...base.options, ...setting }, candidates, verified: new Set(), stories: [], pending: [...candidates] };
  return addToStories(state, []).stories;
}

/**
 * The stories union-find would make from the exact pairs at `setting` (every
 * pair with overlap ≥ threshold, both articles ≥ minWords): what detectStories
 * would give if LSH missed no candidate. Members are unordered; only
 * membership is compared.
 */
export function exactStories(pairs: readonly { a: string; b: string; overlap: number }[], words: Map<string, number>, setting: Pick<Setting, 'threshold' | 'minWords'>): Map<string, number> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    while (parent.get(x) !== x) {
      const up = parent.get(parent.get(x)!)!;
      parent.set(x, up);
      x = up;
    }
    return x;
  };
  for (const p of pairs) {
    if (p.overlap < setting.threshold || (words.get(p.a) ?? 0) < setting.minWords || (words.get(p.b) ?? 0) < setting.minWords) continue;
    for (const id of [p.a, p.b]) if (!parent.has(id)) parent.set(id, id);
    const ra = find(p.a), rb = find(p.b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const roots = new Map<string, number>();
  const of = new Map<string, number>();
  for (const id of parent.keys()) {
    const r = find(id);
    if (!roots.has(r)) roots.set(r, roots.size);
    of.set(id, roots.get(r)!);
  }
  return of;
}
