// The stories stage of a build (issue 17): the copies of one story among the
// articles, found over the analysis's words (lib/stories/corpus.ts), written as
// the index's stories file and, for the next build, its state.
//
// A rebuild does not hash again what it has: an article read back from the
// previous index takes its signature from the previous state, and a build
// that only appends articles (index-builder/append.ts) adds the new ones to
// the previous state, verifying only their candidate pairs. Either way the
// stories and both files' bytes equal a full build's (incremental.test.ts).
import path from 'node:path';
import { STORY_DEFAULTS, type StoryOptions } from '../lib/stories/detect';
import { StoryCorpus, type StoryOrder, type StorySignature, resolveStoryOptions } from '../lib/stories/corpus';
import { encodeStories } from '../lib/stories/file';
import { TermTable, type ArticleTerms } from '../lib/search/index-data';
import { type StorySignatureOptions, storySignatureOf } from './analyze-pool';
import { PROJECT_ROOT, sourceFingerprint } from './previous';

/** `--story-threshold`, or the stories left out (`--no-stories`). */
export type StoriesOption = { threshold?: number } | false;

/** The code a state's hashes come from: a state made by other code is not added to. */
export function storyCodeFingerprint(): string {
  return sourceFingerprint(['detect.ts', 'signature.ts', 'corpus.ts'].map((f) => path.join('lib', 'stories', f)));
}

export function signatureOptions(options: StoryOptions): StorySignatureOptions {
  const o = resolveStoryOptions(options);
  return { bands: o.bands, rows: o.rows, seed: o.seed, minWords: o.minWords };
}

/** The state file: the code's fingerprint (16 ASCII bytes), then the corpus's bytes, in pieces as they are written. */
function* encodeState(corpus: StoryCorpus, fingerprint: string): Generator<Uint8Array> {
  yield Buffer.from(fingerprint.padEnd(16).slice(0, 16), 'ascii');
  yield* corpus.encodeChunks();
}

/** The corpus bytes of a previous state made by this code, or null. */
function stateBody(bytes: Buffer | null, fingerprint: string): Uint8Array | null {
  if (!bytes || bytes.length < 16 || bytes.subarray(0, 16).toString('ascii') !== fingerprint.padEnd(16).slice(0, 16)) return null;
  // Copied to its own buffer: aligned for the uint32 views, whatever Node's pool gave.
  return new Uint8Array(bytes.subarray(16));
}

export interface StoriesInput {
  options: StoryOptions;
  /** Ids and dates by docId: a story's order. */
  order: StoryOrder;
  /** The signatures the analysis made, by docId of the articles it analyzed. */
  signatures: readonly (StorySignature | undefined)[];
  /** The analysis (for articles read back: their words give their signature when the previous state cannot). */
  terms: readonly string[];
  perArticle: readonly ArticleTerms[];
  previous?: {
    state: () => Buffer | null;
    /** Per docId, the article's docId in the previous index, or -1. */
    oldDocIds?: Int32Array;
    /** The build appends to the previous index of this many articles, which the analysis did not cover. */
    appendTo?: number;
    termsOf: (oldDocId: number, table: TermTable) => ArticleTerms;
  };
}

export interface StoriesOutput {
  /** The stories file (lib/stories/file.ts). */
  stories: Uint8Array;
  /** The state file for the next build, made in pieces as it is written. */
  state: () => Iterable<Uint8Array>;
  count: number;
  /** How the previous state served: added to, its signatures reused, or not at all. */
  reused: 'added to' | 'signatures' | 'none';
}

export function makeStories({ options, order, signatures, terms, perArticle, previous }: StoriesInput): StoriesOutput {
  const fingerprint = storyCodeFingerprint();
  const signing = signatureOptions(options);
  const body = previous ? stateBody(previous.state(), fingerprint) : null;
  let corpus: StoryCorpus | null = null;
  let reused: StoriesOutput['reused'] = 'none';
  const appendTo = previous?.appendTo;
  if (appendTo !== undefined) {
    // Only the new articles were analyzed (perArticle and signatures start at the first of them).
    let decoded: StoryCorpus | null = null;
    try {
      decoded = body && StoryCorpus.decode(body, options);
    } catch {
      decoded = null;
    }
    if (decoded && decoded.size === appendTo) {
      corpus = decoded;
      reused = 'added to';
    } else {
      corpus = new StoryCorpus(options);
      const table = new TermTable();
      const old: StorySignature[] = [];
      for (let d = 0; d < appendTo; d++) old.push(storySignatureOf(previous!.termsOf(d, table), table.terms, signing));
      corpus.add(old);
    }
    const added: StorySignature[] = [];
    for (let k = 0; k < perArticle.length; k++) added.push(signatures[k] ?? storySignatureOf(perArticle[k], terms, signing));
    corpus.add(added);
  } else {
    let kept: StorySignature[] | null = null;
    try {
      kept = body && previous?.oldDocIds ? StoryCorpus.signaturesIn(body, options) : null;
    } catch {
      kept = null;
    }
    if (kept) reused = 'signatures';
    const all: StorySignature[] = [];
    for (let d = 0; d < perArticle.length; d++) {
      const old = previous?.oldDocIds?.[d] ?? -1;
      all.push(signatures[d] ?? (kept && old >= 0 && old < kept.length ? kept[old] : storySignatureOf(perArticle[d], terms, signing)));
    }
    corpus = new StoryCorpus(options);
    corpus.add(all);
  }
  const groups = corpus.stories(order);
  return { stories: encodeStories(groups), state: () => encodeState(corpus!, fingerprint), count: groups.length, reused };
}

/** `--story-threshold`: a share in (0, 1]; otherwise an error naming the flag. */
export function parseStoryThreshold(text: string): number {
  const value = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(text) ? Number(text) : NaN;
  if (!(value > 0 && value <= 1)) {
    throw new Error(`--story-threshold takes the share of word sequences two copies have in common, a number above 0 and at most 1 (e.g. ${STORY_DEFAULTS.threshold}), not "${text}"`);
  }
  return value;
}
