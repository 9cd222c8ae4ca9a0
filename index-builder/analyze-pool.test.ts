import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ArticleTerms } from '../lib/search/index-data';
import type { Article } from '../lib/types';
import { AnalysisError, type Analysis, analyzeArticles } from './analyze-pool';
import { BuildError, buildIndex } from './build';
import { type BuildProgress, LineProgress } from './progress';
import { snapshot, tempFiles } from './testing';

const { dir: root } = tempFiles('kavosh-analyze-pool-');

// Worker threads start tsx and compile the analyzer: seconds on a loaded machine.
const SLOW = 60_000;

const WORDS = ['بارش', 'برف', 'تهران', 'كتابخانه', 'ملی', 'همکاری‌های', 'همکاری های', 'اقتصادی', 'زمین‌لرزه', 'نمایشگاه', 'کتاب', 'مجلس', 'بودجه', '۱۴۰۰', 'بين\u00a0المللي', 'می‌رود'];
const word = (i: number) => WORDS[i % WORDS.length];
/** Article i: words that differ from article to article, so each worker's table gains terms in its own order. */
const article = (i: number, extra = ''): Article => ({
  id: `n${i}`,
  title: `${word(i)} ${word(i * 5 + 1)} ${i}`,
  body: [`${word(i * 3)} و ${word(i * 7 + 2)} در روز ${i}. ${extra}`, `بند دوم ${word(i + 4)} ${word(i * 11)}${i % 7}`],
  publishedAt: null,
  jalali: null,
  source: i % 2 ? 'ایرنا' : 'ایسنا',
  tags: [],
  url: null,
  dateline: null,
  agency: null,
  category: null,
});
const record = (i: number, extra = '') => {
  const a = article(i, extra);
  return JSON.stringify({ id: a.id, title: a.title, body: a.body.join('\n\n'), source: a.source });
};
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

function archive(name: string, lines: string[]): string {
  const dir = path.join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'a.jsonl'), lines.join('\n') + '\n');
  return dir;
}

const noWarning = (m: string) => expect.unreachable(`unexpected warning: ${m}`);
/** Workers on, whatever the size, with small batches so that replies interleave. */
const WORKERS = { workers: 2, minArticles: 0, batchSize: 3, warn: noWarning };
const IN_THREAD = { workers: 0 };

/** Each article's analysis with terms as strings: comparable across term tables. */
const resolved = ({ terms, perArticle }: Analysis) =>
  perArticle.map((a: ArticleTerms) => ({
    terms: [...a.terms].map((id) => terms[id]),
    packed: [...a.packed],
    words: [...a.words].map((id) => terms[id]),
    length: a.length,
    titleLength: a.titleLength,
  }));

describe('analyzeArticles', () => {
  const articles = range(0, 40).map((i) => article(i));

  it('gives on worker threads what it gives in this thread, article by article', { timeout: SLOW }, async () => {
    const pooled = await analyzeArticles(articles, WORKERS);
    const inThread = await analyzeArticles(articles, IN_THREAD);
    expect(pooled.workers).toBe(2);
    expect(inThread.workers).toBe(0);
    expect(pooled.analyzed).toBe(40);
    expect(resolved(pooled)).toEqual(resolved(inThread));
  });

  it('analyzes a small build in this thread by default', async () => {
    const analysis = await analyzeArticles(articles.slice(0, 10));
    expect(analysis.workers).toBe(0);
  });

  it('reports the articles it analyzes, not those read back, and its progress', { timeout: SLOW }, async () => {
    const calls: string[] = [];
    const progress: BuildProgress = {
      reading: () => {},
      read: () => {},
      analyzing: (n) => calls.push(`analyzing ${n}`),
      analyzed: (n) => calls.push(`${n}`),
      writing: () => {},
      stop: () => {},
    };
    const previous = await analyzeArticles(articles, IN_THREAD);
    const oldDocIds = Int32Array.from(articles, (_, d) => (d % 4 === 0 ? -1 : d));
    const readBack = {
      oldDocIds,
      // Read back by re-entering the earlier analysis into the new table, as the previous index does.
      termsOf: (old: number, table: { id(term: string): number }) => {
        const a = previous.perArticle[old];
        const id = (v: number) => table.id(previous.terms[v]);
        return { ...a, terms: Uint32Array.from(a.terms, id), words: Uint32Array.from(a.words, id) };
      },
    };
    const pooled = await analyzeArticles(articles, { ...WORKERS, batchSize: 4, readBack, progress });
    expect(pooled.analyzed).toBe(10);
    expect(calls[0]).toBe('analyzing 10');
    expect(calls.at(-1)).toBe('10');
    expect(resolved(pooled)).toEqual(resolved(previous));
  });

  it('falls back to this thread, with a warning, when the workers cannot start', { timeout: SLOW }, async () => {
    const warnings: string[] = [];
    const analysis = await analyzeArticles(articles, {
      ...WORKERS,
      entry: pathToFileURL(path.join(root, 'no-such-worker.ts')),
      warn: (m) => warnings.push(m),
    });
    expect(analysis.workers).toBe(0);
    expect(warnings).toEqual([expect.stringMatching(/^analysis workers could not start \(.*\); analyzing in this thread instead$/)]);
    expect(resolved(analysis)).toEqual(resolved(await analyzeArticles(articles, IN_THREAD)));
  });

  it('fails with a one-line AnalysisError when a worker crashes', { timeout: SLOW }, async () => {
    // A paragraph that is not text makes the analyzer throw, in the worker as it would here.
    const broken = [...articles, { ...article(99), body: [null as unknown as string] }];
    const failure = await analyzeArticles(broken, WORKERS).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AnalysisError);
    expect((failure as Error).message).toMatch(/^analysis worker [12] of 2 failed: .+$/);
  });
});

describe('buildIndex with analysis workers', () => {
  const base = range(0, 60).map((i) => record(i));

  it('writes the same bytes with workers as without', { timeout: SLOW }, async () => {
    const input = archive('same', base);
    const pooled = await buildIndex({ inputs: [input], out: path.join(root, 'same-pooled'), analyze: WORKERS });
    await buildIndex({ inputs: [input], out: path.join(root, 'same-in-thread'), analyze: IN_THREAD });
    expect(pooled.analyzed).toBe(60);
    expect(snapshot(path.join(root, 'same-pooled'))).toEqual(snapshot(path.join(root, 'same-in-thread')));
  });

  it('rebuilds incrementally with workers into the bytes of a full build without', { timeout: SLOW }, async () => {
    const out = path.join(root, 'incremental-pooled');
    const full = path.join(root, 'incremental-full');
    await buildIndex({ inputs: [archive('incremental-a', base)], out, analyze: IN_THREAD });
    const changed = base.map((line, i) => (i % 6 === 2 ? record(i, 'خبر تازه درباره سیل') : line)).filter((_, i) => i !== 7);
    const after = archive('incremental-b', [...changed, ...range(100, 120).map((i) => record(i))]);
    const summary = await buildIndex({ inputs: [after], out, analyze: WORKERS });
    await buildIndex({ inputs: [after], out: full, full: true, analyze: IN_THREAD });
    expect(summary.analyzed).toBe(10 + 20);
    expect(snapshot(out)).toEqual(snapshot(full));
  });

  it('fails with a BuildError and leaves the existing index as it was when a worker crashes', { timeout: SLOW }, async () => {
    const out = path.join(root, 'crash');
    const input = archive('crash-input', base);
    await buildIndex({ inputs: [input], out, analyze: IN_THREAD });
    const before = snapshot(out);
    const crashing = path.join(root, 'crashing-worker.mjs');
    writeFileSync(
      crashing,
      [
        "import { parentPort } from 'node:worker_threads';",
        "parentPort.on('message', () => { throw new Error('analyzer broke\\nsecond line'); });",
        "parentPort.postMessage({ type: 'ready' });",
      ].join('\n'),
    );
    const failure = await buildIndex({
      inputs: [input],
      out,
      full: true,
      analyze: { ...WORKERS, entry: pathToFileURL(crashing) },
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BuildError);
    expect((failure as Error).message).toMatch(/^analysis worker [12] of 2 failed: analyzer broke: the existing index was left untouched$/);
    expect(snapshot(out)).toEqual(before);
  });
});

describe('progress of the analysis', () => {
  it('counts the articles analyzed, not those read back, and prints no count when there are none', async () => {
    const input = archive('progress', range(0, 30).map((i) => record(i)));
    const out = path.join(root, 'progress-index');
    await buildIndex({ inputs: [input], out });
    const lines: string[] = [];
    // Every call prints (no 2 s spacing), so the lines show each count the build reported.
    const progress = () => new LineProgress((l) => lines.push(l), () => performance.now(), 0);
    await buildIndex({ inputs: [input], out, progress: progress() });
    expect(lines.filter((l) => l.includes('analyz'))).toEqual(['index: analyzing 0 articles…']);
    lines.length = 0;
    writeFileSync(path.join(input, 'b.jsonl'), [record(40), record(41)].join('\n'));
    await buildIndex({ inputs: [input], out, progress: progress() });
    expect(lines.filter((l) => l.includes('analyz'))).toEqual([
      'index: analyzing 2 articles…',
      expect.stringMatching(/^index: 2 of 2 articles analyzed \(/),
    ]);
  });
});
