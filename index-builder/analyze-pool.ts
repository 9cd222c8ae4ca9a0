// The analysis stage of a build: every article that the previous index cannot
// give back is run through the Persian analyzer, on worker threads when there
// are enough of them to pay for the workers' start (about half a second each:
// tsx compiles the analyzer in every worker).
//
// Each worker has a term table of its own and replies with its own ids plus
// the terms its table gained; the main thread maps them into one TermTable.
// Provisional ids differ from a single-threaded run, but nothing that reaches
// the index depends on them (assembleIndexData sorts the vocabulary), and each
// article's terms keep their order of first use: the bytes are the same.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ArticleAnalyzer, type ArticleTerms, type TermTable } from '../lib/search/index-data';
import type { Article } from '../lib/types';
import { type StorySignature, signatureOf } from '../lib/stories/corpus';
import type { SignatureOptions } from '../lib/stories/signature';
import type { BuildProgress } from './progress';

/**
 * Beyond this, more cores hardly shorten a build: reading, assembling and
 * writing (about 40% of a single-threaded build) stay on the main thread.
 */
export const MAX_WORKERS = 8;
/** Below this many articles to analyze, starting workers costs more than it saves. */
export const MIN_ARTICLES_FOR_WORKERS = 2000;
/** Articles per message: few messages, yet small enough to spread the last ones evenly. */
export const BATCH_SIZE = 250;

export interface AnalyzeOptions {
  /**
   * Worker threads to use; 0 analyzes in this thread. Default: the
   * KAVOSH_ANALYZE_WORKERS variable when set, else os.availableParallelism()
   * up to MAX_WORKERS, and none on a single core.
   */
  workers?: number;
  /** Fewer articles to analyze than this are analyzed in this thread (default MIN_ARTICLES_FOR_WORKERS). */
  minArticles?: number;
  batchSize?: number;
  /** The worker's module; tests put one that fails in its place. */
  entry?: URL;
  /** Where the warning goes when workers cannot start (default: stderr). */
  warn?: (message: string) => void;
  /**
   * Also make each analyzed article's story signature (lib/stories/corpus.ts)
   * from its body's words, where they are: on the workers, beside the analysis.
   */
  stories?: StorySignatureOptions;
}

export type StorySignatureOptions = SignatureOptions & { minWords: number };

/** An article's story signature from its analysis: the body is the words after the title's. */
export function storySignatureOf(a: ArticleTerms, terms: readonly string[], options: StorySignatureOptions): StorySignature {
  return signatureOf(a.words.subarray(a.titleLength), terms, options);
}

/** The articles an incremental build reads back from the previous index instead of analyzing them. */
export interface ReadBack {
  /** Per docId: the article's docId in the previous index, or -1 when it must be analyzed. */
  oldDocIds: Int32Array;
  termsOf(oldDocId: number, table: TermTable): ArticleTerms;
}

export interface Analysis {
  /** The TermTable's terms that `perArticle`'s ids refer to. */
  terms: readonly string[];
  /** Article d's analysis at d, in docId order. */
  perArticle: ArticleTerms[];
  /** Articles run through the analyzer (the others were read back). */
  analyzed: number;
  /** Worker threads that did it; 0 when it ran in this thread. */
  workers: number;
  /** With `stories`: the signature of article d at d, for the articles analyzed (not those read back). */
  signatures: (StorySignature | undefined)[];
}

/** A worker failed mid-analysis. The message is one line. */
export class AnalysisError extends Error {}

/** Main thread → worker: articles' text, and the batch number the reply names. */
export interface WorkerBatch {
  batch: number;
  texts: Pick<Article, 'title' | 'body'>[];
  stories?: StorySignatureOptions;
}

/** Worker → main thread. Ids are the worker's own; `newTerms` are its table's entries since its last reply. */
export type WorkerReply =
  | { type: 'ready' }
  | {
      type: 'batch';
      batch: number;
      newTerms: string[];
      /** Article k's terms and packed bytes are at termOffsets[k] .. termOffsets[k + 1]. */
      termOffsets: Uint32Array;
      terms: Uint32Array;
      packed: Uint8Array;
      wordOffsets: Uint32Array;
      words: Uint32Array;
      lengths: Uint32Array;
      titleLengths: Uint32Array;
      /** With `stories`: article k's 5-grams at shingleOffsets[k] .. [k + 1], its band keys at keyOffsets[k] .. [k + 1]. */
      shingleOffsets?: Uint32Array;
      shingles?: Uint32Array;
      keyOffsets?: Uint32Array;
      keys?: Uint32Array;
    };

function defaultWorkers(): number {
  const fromEnv = Number(process.env.KAVOSH_ANALYZE_WORKERS?.trim() || NaN);
  if (Number.isInteger(fromEnv) && fromEnv >= 0) return fromEnv;
  const cores = os.availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, MAX_WORKERS);
}

export async function analyzeArticles(
  articles: readonly Article[],
  { readBack, progress, ...options }: AnalyzeOptions & { readBack?: ReadBack; progress?: BuildProgress } = {},
): Promise<Analysis> {
  const analyzer = new ArticleAnalyzer();
  const perArticle = new Array<ArticleTerms>(articles.length);
  const signatures = new Array<StorySignature | undefined>(options.stories ? articles.length : 0);
  const todo: number[] = [];
  for (let d = 0; d < articles.length; d++) if (!readBack || readBack.oldDocIds[d] < 0) todo.push(d);

  const batchSize = Math.max(1, options.batchSize ?? BATCH_SIZE);
  const workers = Math.min(options.workers ?? defaultWorkers(), Math.ceil(todo.length / batchSize));
  const pool =
    workers > 0 && todo.length >= (options.minArticles ?? MIN_ARTICLES_FOR_WORKERS)
      ? runPool(articles, todo, perArticle, signatures, analyzer.table, { workers, batchSize, entry: options.entry, progress, stories: options.stories })
      : null;
  // Read back while the workers start and analyze: this thread is otherwise idle.
  try {
    if (readBack) {
      for (let d = 0; d < articles.length; d++) {
        if (readBack.oldDocIds[d] >= 0) perArticle[d] = readBack.termsOf(readBack.oldDocIds[d], analyzer.table);
      }
    }
  } catch (e) {
    pool?.stop();
    throw e;
  }
  // Only now: the rate and ETA shown are the analysis's, not the reading back's (seconds at 100,000
  // articles). The workers' replies wait until this thread awaits them, so none is counted before.
  progress?.analyzing(todo.length);
  if (pool) {
    const outcome = await pool.outcome;
    if (outcome === 'done') return { terms: analyzer.table.terms, perArticle, analyzed: todo.length, workers, signatures };
    // Whatever a worker that did start sent is analyzed again below: its terms stay in the
    // table but no article has them, and assembleIndexData leaves such terms out.
    (options.warn ?? ((m) => process.stderr.write(`index: warning: ${m}\n`)))(
      `analysis workers could not start (${outcome.notStarted}); analyzing in this thread instead`,
    );
  }
  for (let k = 0; k < todo.length; k++) {
    const d = todo[k];
    perArticle[d] = analyzer.analyze(articles[d]);
    if (options.stories) signatures[d] = storySignatureOf(perArticle[d], analyzer.table.terms, options.stories);
    if ((k + 1) % batchSize === 0 || k + 1 === todo.length) progress?.analyzed(k + 1);
  }
  return { terms: analyzer.table.terms, perArticle, analyzed: todo.length, workers: 0, signatures };
}

/** The ESM entry of tsx's API, found through its package.json exports rather than a guessed path. */
function tsxApiUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: string | { default: string } }> };
  const entry = exports['./esm/api'].import;
  return new URL(typeof entry === 'string' ? entry : entry.default, pathToFileURL(manifest)).href;
}

/**
 * What a worker runs first. Node 20 does not apply the `--import tsx` hooks
 * of process.execArgv to a worker's own entry ("Unknown file extension .ts"),
 * and vitest's workers have no tsx at all; so the worker loads tsx's API
 * itself and imports its TypeScript entry through it, under any launcher.
 */
function bootCode(entry: URL): string {
  return `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}));`;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  error?: unknown;
  /** This worker's term id → the main table's id, for ids below `known`. */
  remap: Int32Array;
  known: number;
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0];

/**
 * Analyzes `todo` on `workers` threads into `perArticle`. The outcome is
 * 'done', or `{ notStarted }` when a worker failed before it was ready
 * (nothing is lost: the caller analyzes everything itself), or an
 * AnalysisError when a worker failed after that. `stop` ends the workers.
 */
function runPool(
  articles: readonly Article[],
  todo: readonly number[],
  perArticle: ArticleTerms[],
  signatures: (StorySignature | undefined)[],
  table: TermTable,
  {
    workers,
    batchSize,
    entry = new URL('./analyze-worker.ts', import.meta.url),
    progress,
    stories,
  }: { workers: number; batchSize: number; entry?: URL; progress?: BuildProgress; stories?: StorySignatureOptions },
): { outcome: Promise<'done' | { notStarted: string }>; stop: () => void } {
  const batches = Math.ceil(todo.length / batchSize);
  let sent = 0;
  let received = 0;
  let done = 0;
  let settled = false;
  const slots: Slot[] = [];
  const stop = () => {
    settled = true;
    for (const slot of slots) void slot.worker.terminate();
  };

  const outcome = new Promise<'done' | { notStarted: string }>((resolve, reject) => {
    const settle = (then: () => void) => {
      if (settled) return;
      stop();
      then();
    };

    const send = (slot: Slot) => {
      if (sent >= batches) return;
      const batch = sent++;
      const texts = todo.slice(batch * batchSize, (batch + 1) * batchSize).map((d) => ({ title: articles[d].title, body: articles[d].body }));
      slot.worker.postMessage({ batch, texts, stories } satisfies WorkerBatch);
    };

    const place = (slot: Slot, m: Extract<WorkerReply, { type: 'batch' }>) => {
      if (slot.known + m.newTerms.length > slot.remap.length) {
        const grown = new Int32Array(Math.max(slot.remap.length * 2, slot.known + m.newTerms.length));
        grown.set(slot.remap);
        slot.remap = grown;
      }
      for (const term of m.newTerms) slot.remap[slot.known++] = table.id(term);
      const { remap } = slot;
      const { terms, words, termOffsets, wordOffsets } = m;
      // In place: the buffers were transferred, so they are this thread's now.
      for (let i = 0; i < terms.length; i++) terms[i] = remap[terms[i]];
      for (let i = 0; i < words.length; i++) words[i] = remap[words[i]];
      const first = m.batch * batchSize;
      for (let k = 0; k < m.lengths.length; k++) {
        perArticle[todo[first + k]] = {
          terms: terms.subarray(termOffsets[k], termOffsets[k + 1]),
          packed: m.packed.subarray(termOffsets[k], termOffsets[k + 1]),
          words: words.subarray(wordOffsets[k], wordOffsets[k + 1]),
          length: m.lengths[k],
          titleLength: m.titleLengths[k],
        };
        if (m.shingles && m.shingleOffsets && m.keys && m.keyOffsets) {
          signatures[todo[first + k]] = {
            shingles: m.shingles.subarray(m.shingleOffsets[k], m.shingleOffsets[k + 1]),
            keys: m.keys.subarray(m.keyOffsets[k], m.keyOffsets[k + 1]),
          };
        }
      }
      return m.lengths.length;
    };

    let boot: string;
    try {
      boot = bootCode(entry);
    } catch (e) {
      resolve({ notStarted: `tsx not found: ${firstLine(e)}` });
      return;
    }
    for (let index = 0; index < workers; index++) {
      let worker: Worker;
      try {
        // No execArgv: tsx comes from the boot code, and the launcher's flags would load it twice.
        worker = new Worker(boot, { eval: true, execArgv: [] });
      } catch (e) {
        settle(() => resolve({ notStarted: firstLine(e) }));
        return;
      }
      const slot: Slot = { worker, ready: false, remap: new Int32Array(1 << 16), known: 0 };
      slots.push(slot);
      const who = `analysis worker ${index + 1} of ${workers}`;
      worker.on('message', (m: WorkerReply) => {
        if (settled) return;
        if (m.type === 'ready') {
          slot.ready = true;
          return;
        }
        done += place(slot, m);
        progress?.analyzed(done);
        if (++received === batches) settle(() => resolve('done'));
        else send(slot);
      });
      // Decided at 'exit', not at 'error': errors travel apart from messages, and only
      // 'exit' comes after every message the worker sent (its 'ready' among them).
      worker.on('error', (e) => (slot.error ??= e));
      worker.on('exit', (code) => {
        const why = slot.error !== undefined ? firstLine(slot.error) : `exit code ${code}`;
        settle(() =>
          slot.ready
            ? reject(new AnalysisError(`${who} failed: ${why}`))
            : resolve({ notStarted: why }),
        );
      });
      // Two batches each, so a worker never waits for the main thread between batches.
      send(slot);
      send(slot);
    }
  });
  return { outcome, stop };
}
