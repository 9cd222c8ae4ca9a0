// The "stories" section of `npm run eval`: pair precision and recall of
// lib/stories/detect.ts over the labelled corpus pairs (labels.json) and over
// synthetic republications, at the defaults and swept over the threshold,
// minWords and the boilerplate cap, so that STORY_DEFAULTS is chosen by the
// figures (docs/design.md quotes them).
import { detectStories, STORY_DEFAULTS, type StoryInput, type StoryState } from '../../../lib/stories/detect';
import type { Article } from '../../../lib/types';
import { fixed, ms, table } from '../report';
import { readLabels, type LabelledPair } from './labels';
import { documentFrequency, exactPairs, pairCounts, shingleDocs, storyInput, type ExactPair, type ShingledDoc } from './exact';
import { exactStories, pairScore, regroup, storyIndex, together, type Setting } from './score';
import { EDIT_KINDS, syntheticSet, type SyntheticSet } from './synthetic';

export const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9];
export const MIN_WORDS = [10, 20, 30, 40, 60, 80];
export const MAX_SHINGLE_DF = [10, 25, 50, 100, 200, 400];
const SYNTHETIC = { seed: 17, originals: 150, controls: 60 };

const DEFAULTS: Setting = { threshold: STORY_DEFAULTS.threshold, minWords: STORY_DEFAULTS.minWords, maxShingleDf: STORY_DEFAULTS.maxShingleDf };

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
}

interface Prepared {
  base: StoryState;
  words: Map<string, number>;
  docs: ShingledDoc[];
}

/** One detectStories run at the sweep's smallest minWords: every setting of the sweep is re-verified from it (score.ts regroup, tested equal to a full run). */
function prepare(inputs: readonly StoryInput[]): Prepared & { ms: number } {
  const [base, t] = timed(() => detectStories(inputs, { minWords: Math.min(...MIN_WORDS) }));
  const docs = shingleDocs(inputs);
  return { base, docs, words: new Map(docs.map((d) => [d.id, d.words])), ms: t };
}

/** Scores of one setting over the labelled pairs (all, and those whose both articles reach minWords) and the synthetic set. */
function scoreSetting(corpus: Prepared, synth: Prepared, labels: LabelledPair[], syn: SyntheticSet, s: Setting, exact: ExactPair[]) {
  const of = storyIndex(regroup(corpus.base, corpus.words, s));
  const pairs = labels.map((p) => ({ a: p.a, b: p.b, copy: p.label === 'copy' }));
  const long = pairs.filter((p) => corpus.words.get(p.a)! >= s.minWords && corpus.words.get(p.b)! >= s.minWords);
  const sof = storyIndex(regroup(synth.base, synth.words, s));
  const copies = syn.copies.filter((c) => together(sof, c.a, c.b)).length;
  const controls = syn.controls.filter((c) => together(sof, c.a, c.b)).length;
  // Synthetic false positives: pairs in one story that come from different originals.
  const origin = (id: string) => id.replace(/^synthetic:[^:]+:/, '');
  const stories = regroup(synth.base, synth.words, s);
  let wrong = 0;
  for (const st of stories) {
    for (let i = 0; i < st.members.length; i++) for (let j = i + 1; j < st.members.length; j++) if (origin(st.members[i]) !== origin(st.members[j])) wrong++;
  }
  // The same pairs if LSH missed no candidate (exact overlap, default boilerplate cap only).
  const exactOf = exactStories(exact, corpus.words, s);
  return { all: pairScore(pairs, of), long: pairScore(long, of), longPairs: long.length, exactLong: pairScore(long, exactOf), synthRecall: copies / syn.copies.length, controlsGrouped: controls, synthWrongPairs: wrong };
}

export interface StoriesReport {
  [key: string]: unknown;
}

export function runStories(articles: readonly Article[], labelsFile: string, log: (s: string) => void = console.log): StoriesReport {
  const started = performance.now();
  const inputs = articles.map(storyInput);
  const labels = readLabels(labelsFile);
  const ids = new Set(inputs.map((i) => i.id));
  for (const p of labels) for (const id of [p.a, p.b]) if (!ids.has(id)) throw new Error(`${labelsFile}: no article «${id}» in the corpus (pair ${p.a} | ${p.b})`);

  // --- the real corpus: one run, re-verified at the defaults and for the sweep ---
  const corpus = prepare(inputs);
  const fullMs = corpus.ms;
  const defaultStories = regroup(corpus.base, corpus.words, DEFAULTS);
  const full = { stories: defaultStories, candidates: new Set([...corpus.base.candidates].filter((p) => p.split('\u0000').every((id) => corpus.words.get(id)! >= DEFAULTS.minWords))) };
  const docs = corpus.docs;
  const df = documentFrequency(docs);
  const docById = new Map(docs.map((d) => [d.id, d]));
  const members = full.stories.reduce((n, s) => n + s.members.length, 0);
  log(`${inputs.length} articles (body only; title left out: outlets retitle copies) · defaults: threshold ${DEFAULTS.threshold}, minWords ${DEFAULTS.minWords}, maxShingleDf ${DEFAULTS.maxShingleDf}, ${STORY_DEFAULTS.bands} bands × ${STORY_DEFAULTS.rows} rows`);
  log(`detectStories (minWords ${corpus.base.options.minWords}): ${ms(fullMs)}; at the defaults ${full.stories.length} stories of ${members} articles from ${full.candidates.size} LSH candidate pairs.`);
  log(`Every setting below re-verifies that run's candidates (bench/eval/stories/score.ts regroup; score.test.ts checks it equals a full run).`);

  // --- LSH against the exact overlap -----------------------------------------------
  const exact = exactPairs(docs, df, { minOverlap: DEFAULTS.threshold, minWords: DEFAULTS.minWords });
  const lshMissed = exact.filter((p) => !full.candidates.has(p.a < p.b ? p.a + '\u0000' + p.b : p.b + '\u0000' + p.a));
  const ofFull = storyIndex(full.stories);
  const lshMissedApart = lshMissed.filter((p) => !together(ofFull, p.a, p.b));
  log(`Exact overlap (inverted index, no MinHash): ${exact.length} pairs of articles ≥ ${DEFAULTS.minWords} words reach ${DEFAULTS.threshold}; LSH missed ${lshMissed.length} of them as candidates, ${lshMissedApart.length} left in different stories:`);
  for (const p of lshMissed.slice(0, 10)) {
    const a = docById.get(p.a)!, b = docById.get(p.b)!;
    const shared = pairCounts(a.shingles, b.shingles, df, Infinity).common;
    const jac = shared / (a.shingles.length + b.shingles.length - shared);
    log(`  ${p.a} | ${p.b}  overlap ${fixed(p.overlap, 3)}, 5-grams ${a.shingles.length}/${b.shingles.length} (Jaccard ≈ ${fixed(jac, 2)})${together(ofFull, p.a, p.b) ? ', joined through another copy' : ''}`);
  }

  // --- synthetic republications ----------------------------------------------------
  const near = exactPairs(docs, df, { minOverlap: 0.1 });
  const inPair = new Set(near.flatMap((p) => [p.a, p.b]));
  const pool = inputs.filter((a) => !inPair.has(a.id) && (corpus.words.get(a.id) ?? 0) >= 80);
  const syn = syntheticSet(pool, SYNTHETIC);
  const synth = prepare(syn.docs);

  // --- at the defaults ------------------------------------------------------------
  const at = scoreSetting(corpus, synth, labels, syn, DEFAULTS, near);
  const nCopy = labels.filter((p) => p.label === 'copy').length;
  log(`\nLabelled pairs (labels.json, README.md there): ${labels.length}, ${nCopy} copy / ${labels.length - nCopy} distinct; ${at.longPairs} with both articles ≥ ${DEFAULTS.minWords} words.`);
  const row = (name: string, s: ReturnType<typeof pairScore>) => [name, s.tp, s.fp, s.fn, s.tn, fixed(s.precision, 3), fixed(s.recall, 3), fixed(s.f1, 3)];
  log(table(['pairs', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'F1'], [row(`both ≥ ${DEFAULTS.minWords} words`, at.long), row('all labelled', at.all)]));
  const words = (id: string) => corpus.words.get(id)!;
  const overlapOf = (a: string, b: string) => pairCounts(docById.get(a)!.shingles, docById.get(b)!.shingles, df, DEFAULTS.maxShingleDf).overlap;
  const errors = labels
    .filter((p) => (p.label === 'copy') !== together(ofFull, p.a, p.b))
    .map((p) => ({ ...p, overlap: overlapOf(p.a, p.b), words: [words(p.a), words(p.b)] }));
  const fps = errors.filter((e) => e.label === 'distinct');
  const fns = errors.filter((e) => e.label === 'copy');
  log(`False positives (${fps.length}):`);
  for (const e of fps) log(`  ${e.a} | ${e.b}  overlap ${fixed(e.overlap, 3)} words ${e.words.join('/')}  ${e.kind}${e.note ? ': ' + e.note : ''}`);
  const fnLong = fns.filter((e) => Math.min(...e.words) >= DEFAULTS.minWords);
  log(`Misses (${fns.length}: ${fns.length - fnLong.length} with an article under ${DEFAULTS.minWords} words, not grouped by design; the others):`);
  for (const e of fnLong) log(`  ${e.a} | ${e.b}  overlap ${fixed(e.overlap, 3)} words ${e.words.join('/')}  ${e.kind}${e.note ? ': ' + e.note : ''}`);

  const synRow = (kind: string, list: { a: string; b: string }[], of: Map<string, number>) => {
    const found = list.filter((c) => together(of, c.a, c.b)).length;
    return [kind, list.length, found, fixed(found / list.length, 3)];
  };
  const sof = storyIndex(regroup(synth.base, synth.words, DEFAULTS));
  log(`\nSynthetic republications: ${SYNTHETIC.originals} real articles (≥ 80 words, copies of nothing in the corpus, seed ${SYNTHETIC.seed}), one copy per edit; controls: ${SYNTHETIC.controls} pairs of different articles given one common agency line (in ${2 * SYNTHETIC.controls} articles) and ${SYNTHETIC.controls} given a line of their own (in 2).`);
  log(table(['edit', 'pairs', 'grouped', 'recall'], EDIT_KINDS.map((k) => synRow(k, syn.copies.filter((c) => c.kind === k), sof))));
  log(table(['control (must stay apart)', 'pairs', 'grouped', 'share'], (['footer-common', 'footer-rare'] as const).map((k) => synRow(k, syn.controls.filter((c) => c.kind === k), sof))));
  log(`Synthetic pairs wrongly in one story (different originals): ${at.synthWrongPairs}.`);

  // --- sweeps ----------------------------------------------------------------------
  const sweepRows: Record<string, unknown>[] = [];
  const sweep = (title: string, settings: Setting[], label: (s: Setting) => string) => {
    log(`\n${title}`);
    const rows = settings.map((s) => {
      const r = scoreSetting(corpus, synth, labels, syn, s, near);
      sweepRows.push({ ...s, ...r });
      const exactCell = s.maxShingleDf === DEFAULTS.maxShingleDf ? `${fixed(r.exactLong.precision, 3)}/${fixed(r.exactLong.recall, 3)}` : 'n/a';
      return [label(s), fixed(r.long.precision, 3), fixed(r.long.recall, 3), fixed(r.long.f1, 3), `${r.long.fp}/${r.long.fn}`, fixed(r.all.precision, 3), fixed(r.all.recall, 3), exactCell, fixed(r.synthRecall, 3), r.controlsGrouped, r.synthWrongPairs];
    });
    log(table(['setting', 'P (long)', 'R (long)', 'F1 (long)', 'FP/FN', 'P (all)', 'R (all)', 'P/R no-LSH', 'synth R', 'controls', 'synth FP'], rows));
  };
  log('\n(long: labelled pairs whose both articles reach that minWords; all: every labelled pair; P/R no-LSH: long pairs if every pair of exact overlap ≥ threshold were a candidate (the LSH ceiling); synth R: recall over the synthetic copies; controls: control pairs grouped, of ' + 2 * SYNTHETIC.controls + '; synth FP: synthetic pairs from different originals in one story.)');
  sweep(`Threshold (minWords ${DEFAULTS.minWords}, maxShingleDf ${DEFAULTS.maxShingleDf})`, THRESHOLDS.map((threshold) => ({ ...DEFAULTS, threshold })), (s) => `threshold ${s.threshold}`);
  sweep(`minWords (threshold ${DEFAULTS.threshold}, maxShingleDf ${DEFAULTS.maxShingleDf})`, MIN_WORDS.map((minWords) => ({ ...DEFAULTS, minWords })), (s) => `minWords ${s.minWords}`);
  sweep(`maxShingleDf (threshold ${DEFAULTS.threshold}, minWords ${DEFAULTS.minWords})`, MAX_SHINGLE_DF.map((maxShingleDf) => ({ ...DEFAULTS, maxShingleDf })), (s) => `maxShingleDf ${s.maxShingleDf}`);
  const totalMs = performance.now() - started;
  log(`\nStories section: ${(totalMs / 1000).toFixed(1)} s.`);
  return {
    articles: inputs.length,
    defaults: DEFAULTS,
    detect: { ms: fullMs, stories: full.stories.length, members, candidates: full.candidates.size },
    lsh: { exactPairs: exact.length, missedCandidates: lshMissed.length, missedApart: lshMissedApart.length, missed: lshMissed },
    labelled: { pairs: labels.length, copy: nCopy, atDefaults: { long: at.long, all: at.all }, falsePositives: fps, misses: fns },
    synthetic: { ...SYNTHETIC, copies: syn.copies.length, recall: at.synthRecall, controlsGrouped: at.controlsGrouped, wrongPairs: at.synthWrongPairs },
    sweep: sweepRows,
    ms: totalMs,
  };
}
