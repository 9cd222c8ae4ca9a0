// The build stage: read every input, index what is valid, report the rest.
import { mkdir, mkdtemp, readdir, rmdir, stat } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../lib/types';
import { ARTICLES_PER_BLOCK } from '../lib/search/article-blocks';
import { type ArticleMeta, metaOf } from '../lib/search/article-store';
import { withSourceNames } from './source-aliases';
import { assembleIndexData } from '../lib/search/index-data';
import { MANIFEST_FILE } from '../lib/search/layout';
import { AnalysisError, type AnalyzeOptions, analyzeArticles } from './analyze-pool';
import { appendIndexData } from './append';
import { type ArticleDiff, articleHash, diffArticles, readPreviousHashes } from './diff';
import {
  type InputOptions,
  type InputOutcome,
  InputLog,
  PreviousArticle,
  encodeInputLog,
  inputKey,
  readInputs,
  readPreviousInputs,
} from './input-cache';
import { type PreviousIndex, analyzerFingerprint, readPreviousIndex } from './previous';
import type { BuildProgress } from './progress';
import type { FieldMap } from './read/fields';
import { type InputPlan, SUPPORTED_TYPES, planInputs } from './read/files';
import { printable } from './read/paths';
import { type ReadReject, formatReject, formatWhere } from './read/types';
import { type SourceMerge, SourceAliases, SourceMergeTally } from './source-aliases';
import { type OutLock, OutLockedError, lockOut } from './out-lock';
import { recoverInterruptedBuilds, stageStoryState, stagingDir, writeIndexDir } from './write';
import { type StoriesOption, makeStories, signatureOptions } from './stories';

export interface BuildOptions {
  inputs: string[];
  out: string;
  /** `--map field=column`. */
  fields?: FieldMap;
  /** The names of one outlet mapped to one (`--source-aliases`); default: the built-in table alone. */
  sourceAliases?: SourceAliases;
  /** `--max-record-bytes`: the longest record a line-based reader takes (default 20 MiB). */
  maxRecordBytes?: number;
  /** Any rejected record fails the build before the index is touched. */
  strict?: boolean;
  /** Analyze every article, even those the previous index already holds unchanged. */
  full?: boolean;
  progress?: BuildProgress;
  /** Worker threads for the analysis; by default as many as the cores (up to 8) for 2,000 articles or more. */
  analyze?: AnalyzeOptions;
  /** When another build holds the lock on `out`: wait for it (`--wait`) instead of failing. */
  wait?: boolean;
  /** Notes that are not errors: a stale lock taken over, a wait for another build. */
  say?: (line: string) => void;
  /** The copies of one story grouped (`--story-threshold`; default STORY_DEFAULTS), or not looked for (`--no-stories`, false). */
  stories?: StoriesOption;
}

export interface BuildSummary {
  out: string;
  /** Files opened (a rejected file counts). */
  files: number;
  /** Records read: articles, rejected records and rejected files, and records replaced by a later one with the same id. */
  records: number;
  indexed: number;
  /** Against the index that was there before (all added when there was none). */
  diff: ArticleDiff;
  /** Whether there was a previous index to compare with. */
  hadPrevious: boolean;
  rejected: number;
  /** Records that could not be indexed, in reading order. */
  rejects: ReadReject[];
  /** Records read fine but replaced by a later record with the same id (`id`, `replacedBy` set). */
  replaced: ReadReject[];
  /** Articles run through the analyzer; the others were read back from the previous index. */
  analyzed: number;
  /** Files not read again: the same bytes, read by the same code, as when the previous index was built (its record of them was replayed). */
  skippedFiles: number;
  /** Why every article was analyzed (no previous index, `--full`, …), when it was. */
  fullBecause: string | null;
  /** The build only added articles after the previous index's, which it extended instead of assembling the index again (index-builder/append.ts). */
  extended: boolean;
  /** Canonical sources whose articles were written under other names too, with each name's count (over every article indexed). */
  sourceMerges: SourceMerge[];
  /** Stories found (groups of two copies or more); null with `stories: false`. */
  stories: number | null;
  ms: number;
}

/** A problem that stops the build; the previous index is left as it was. The message is one line. */
export class BuildError extends Error {}

/** `--strict` and some records were rejected: nothing was written. */
export class StrictBuildError extends BuildError {
  constructor(readonly rejects: ReadReject[]) {
    super(
      `--strict: ${rejects.length} record${rejects.length === 1 ? '' : 's'} rejected (the first: ${formatReject(rejects[0])}); the existing index was left untouched`,
    );
  }
}

const CODE_WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENOTDIR: 'a part of the path is a file',
  ENOENT: 'no such folder',
};

/** "permission denied (EACCES)": the system's code, in words where it has a common one. */
function errorText(e: unknown): string {
  const { code, message } = e as NodeJS.ErrnoException;
  if (!code) return message;
  return CODE_WORDS[code] ? `${CODE_WORDS[code]} (${code})` : code;
}

/**
 * Fails early, before hours of reading, when the index could not be written:
 * `out` is a file, or a folder of something else (which the swap would
 * delete), or its folder cannot be written (tried, not guessed: root ignores
 * permission bits, read-only mounts do not).
 */
async function checkOutput(out: string): Promise<void> {
  const target = path.resolve(out);
  const existing = await stat(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw new BuildError(`cannot write the index to ${printable(out)}: ${errorText(e)}`);
  });
  if (existing && !existing.isDirectory()) throw new BuildError(`cannot write the index to ${printable(out)}: it is a file, not a folder`);
  if (existing) {
    const names = await readdir(target).catch((e) => {
      throw new BuildError(`cannot write the index to ${printable(out)}: ${errorText(e)}`);
    });
    if (names.length > 0 && !names.includes(MANIFEST_FILE)) {
      throw new BuildError(`will not replace ${printable(out)}: it is a folder with files in it but no ${MANIFEST_FILE}, so not an index`);
    }
  }
  const parent = path.dirname(target);
  try {
    await mkdir(parent, { recursive: true });
  } catch (e) {
    throw new BuildError(`cannot write the index to ${printable(out)}: cannot create the folder ${printable(parent)}: ${errorText(e)}`);
  }
  try {
    await rmdir(await mkdtemp(path.join(parent, `.${path.basename(target)}.write-check-`)));
  } catch (e) {
    throw new BuildError(`cannot write the index to ${printable(out)}: cannot create files in ${printable(parent)}: ${errorText(e)}`);
  }
}

/**
 * The previous index's block that held exactly the articles `first .. first +
 * count` (unchanged, in the same order, a whole block), or -1: an archive
 * that grows at its end recompresses only its last block.
 */
function sameBlock(previous: PreviousIndex, oldDocIds: Int32Array, first: number, count: number): number {
  const start = oldDocIds[first];
  if (start < 0 || start % ARTICLES_PER_BLOCK !== 0) return -1;
  if (Math.min(ARTICLES_PER_BLOCK, previous.articleCount - start) !== count) return -1;
  for (let i = 1; i < count; i++) if (oldDocIds[first + i] !== start + i) return -1;
  return start / ARTICLES_PER_BLOCK;
}

/** How many blocks from the start the new articles file has as the previous one has them, in the same places. */
function sharedBlocks(previous: PreviousIndex, oldDocIds: Int32Array): number {
  let b = 0;
  for (let first = 0; first < oldDocIds.length; first += ARTICLES_PER_BLOCK, b++) {
    if (sameBlock(previous, oldDocIds, first, Math.min(ARTICLES_PER_BLOCK, oldDocIds.length - first)) !== b) break;
  }
  return b;
}

/** Whether the build only adds articles after the previous index's, which all stay unchanged in their places. */
function appendsTo(previous: PreviousIndex, oldDocIds: Int32Array): boolean {
  if (oldDocIds.length < previous.articleCount) return false;
  for (let d = 0; d < previous.articleCount; d++) if (oldDocIds[d] !== d) return false;
  return true;
}

interface Reading {
  /** Per id, the record it is indexed from, in index order. */
  byId: Map<string, Extract<InputOutcome, { ok: true }>>;
  rejects: ReadReject[];
  /** Records replaced by a later record with the same id. */
  replaced: ReadReject[];
  /** Both, in reading order: rejects.jsonl. */
  report: ReadReject[];
  files: number;
  records: number;
  log: InputLog;
}

async function readAll(plan: InputPlan, options: Omit<InputOptions, 'onFile' | 'onBytes'>, progress?: BuildProgress): Promise<Reading> {
  const r: Reading = { byId: new Map(), rejects: [], replaced: [], report: [], files: 0, records: 0, log: new InputLog() };
  let bytes = 0;
  const outcomes = readInputs(plan, r.log, { ...options, onFile: () => r.files++, onBytes: (n) => (bytes += n) });
  for await (const batch of outcomes) {
    for (const outcome of batch) {
      r.records++;
      if (!outcome.ok) {
        r.rejects.push(outcome.reject);
        r.report.push(outcome.reject);
      } else {
        // The later record with an id replaces the earlier one, and takes its place in the order too.
        const { id, where } = outcome;
        const earlier = r.byId.get(id);
        if (earlier) {
          const later = formatWhere(where);
          const entry: ReadReject = {
            ...earlier.where,
            id,
            reason: `duplicate id "${id}": replaced by the later record at ${later}`,
            replacedBy: later,
          };
          r.replaced.push(entry);
          r.report.push(entry);
          r.byId.delete(id);
        }
        r.byId.set(id, outcome);
      }
      progress?.read({ files: r.files, records: r.records, bytes });
    }
  }
  return r;
}

/** The articles' meta; an article not read again has the meta the previous index holds for it. */
function metaWithPrevious(articles: readonly Article[], previous: ArticleMeta | undefined): ArticleMeta {
  const read = articles.filter((a) => !(a instanceof PreviousArticle));
  if (read.length === articles.length || !previous) return metaOf(articles);
  const fresh = metaOf(read);
  let k = 0;
  const from = articles.map((a): [ArticleMeta, number] => (a instanceof PreviousArticle ? [previous, a.previousDocId] : [fresh, k++]));
  const column = <T>(of: (m: ArticleMeta) => T[]) => from.map(([m, i]) => of(m)[i]);
  return {
    ids: column((m) => m.ids),
    dayKeys: column((m) => m.dayKeys),
    publishedAt: column((m) => m.publishedAt),
    sources: column((m) => m.sources),
    tags: column((m) => m.tags),
  };
}

export async function buildIndex({
  inputs,
  out,
  fields,
  maxRecordBytes,
  sourceAliases = new SourceAliases(),
  strict = false,
  full = false,
  progress,
  analyze,
  wait = false,
  say,
  stories = {},
}: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  let reuseToClose: PreviousIndex | null = null;
  let lock: OutLock | null = null;
  // The staging folder holds the stories' state from before the rest is written: removed if the build stops between.
  let staged = false;
  try {
    let plan;
    try {
      plan = await planInputs(inputs, { sizes: progress !== undefined, out });
    } catch (e) {
      throw new BuildError((e as Error).message);
    }
    for (const note of plan.notes ?? []) say?.(`index: ${note}`);
    if (plan.entries.length === 0) {
      throw new BuildError(`no files to read in ${inputs.map(printable).join(', ')} (expected ${SUPPORTED_TYPES}): the existing index was left untouched`);
    }
    try {
      lock = await lockOut(out, { wait, say });
    } catch (e) {
      if (e instanceof OutLockedError) throw new BuildError(`${e.message}: the existing index was left untouched`);
      throw new BuildError(`cannot write the index to ${printable(out)}: cannot create files in ${printable(path.dirname(path.resolve(out)))}: ${errorText(e)}`);
    }
    recoverInterruptedBuilds(out);
    await checkOutput(out);
    const fingerprint = analyzerFingerprint();
    const previousIndex = full ? { none: '--full' } : await readPreviousIndex(out, fingerprint);
    const reuse = 'index' in previousIndex ? previousIndex.index : null;
    reuseToClose = reuse;
    const previous = reuse ? reuse.hashes : await readPreviousHashes(out);

    // A file is not read again only when the previous index can give its articles.
    const previousInputs = reuse ? await readPreviousInputs(out) : null;
    const key = inputKey(fields, undefined, sourceAliases, maxRecordBytes);
    progress?.reading({ files: plan.files, bytes: plan.bytes });
    let reading: Reading;
    for (const reread = new Set<string>(); ; ) {
      reading = await readAll(plan, { fields, maxRecordBytes, aliases: sourceAliases, key, previous: previousInputs, reread }, progress);
      // A replayed article stands for the previous index's article with its id, which is
      // this record only if that index kept it; else (the record that replaced it there is
      // gone now) its file is read after all.
      const stale = new Set<string>();
      for (const o of reading.byId.values()) {
        if (!o.article && !(o.kept && reuse && reuse.docIdOf(o.id) >= 0)) stale.add(reading.log.files[o.input].path);
      }
      if (stale.size === 0) break;
      for (const file of stale) reread.add(file);
    }
    const { byId, rejects, replaced, report, files, records } = reading;

    if (byId.size === 0) {
      throw new BuildError(
        `no articles to index in ${inputs.map(printable).join(', ')} (${records} record${records === 1 ? '' : 's'} read, ${rejects.length} rejected): the existing index was left untouched`,
      );
    }
    if (strict && rejects.length > 0) throw new StrictBuildError(rejects);

    const articles = [...byId.values()].map((o) => o.article ?? new PreviousArticle(o.id, reuse!.docIdOf(o.id)));
    const merges = new SourceMergeTally();
    for (const o of byId.values()) {
      if (o.article) merges.add(o.article.source, o.article.sourceAsWritten);
      else merges.add(reuse!.meta.sources[reuse!.docIdOf(o.id)], o.sourceAsWritten);
    }
    const hashes = new Map(articles.map((a): [string, string] => [a.id, a instanceof PreviousArticle ? previous!.get(a.id)! : articleHash(a)]));
    const oldDocIds = new Int32Array(articles.length).fill(-1);
    if (reuse) {
      articles.forEach(
        (a, docId) => (oldDocIds[docId] = a instanceof PreviousArticle ? a.previousDocId : reuse.reusable(a.id, hashes.get(a.id)!)),
      );
    }
    const base = reuse && appendsTo(reuse, oldDocIds) ? reuse.appendBase() : null;
    const storyOptions = stories === false ? null : stories;
    const { terms, perArticle, analyzed, signatures } = await analyzeArticles(base ? articles.slice(reuse!.articleCount) : articles, {
      ...analyze,
      stories: storyOptions ? signatureOptions(storyOptions) : undefined,
      progress,
      readBack: reuse && !base ? { oldDocIds, termsOf: (old, table) => reuse.termsOf(old, table) } : undefined,
    }).catch((e: unknown) => {
      throw e instanceof AnalysisError ? new BuildError(`${e.message}: the existing index was left untouched`) : e;
    });
    const meta = withSourceNames(metaWithPrevious(articles, reuse?.meta), merges.merges());
    let storyFiles = storyOptions
      ? makeStories({
          options: storyOptions,
          order: meta,
          signatures,
          terms,
          perArticle,
          previous: reuse
            ? { state: () => reuse.storyState(), oldDocIds: base ? undefined : oldDocIds, appendTo: base ? reuse.articleCount : undefined, termsOf: (d, t) => reuse.termsOf(d, t) }
            : undefined,
        })
      : null;
    if (storyFiles) {
      // The corpus behind the state is let go here: the signatures are as large as the state.
      signatures.length = 0;
      try {
        staged = true;
        await stageStoryState(out, storyFiles.state());
      } catch (e) {
        throw new BuildError(`cannot write the index to ${printable(out)}: ${(e as Error).message}`);
      }
    }
    const stagedStories = storyFiles ? { stories: storyFiles.stories, state: 'staged' as const } : undefined;
    const storyCount = storyFiles ? storyFiles.count : null;
    storyFiles = null;
    const data = base ? appendIndexData(base, terms, perArticle) : assembleIndexData(terms, perArticle);
    progress?.writing();
    try {
      await writeIndexDir(out, {
        articles,
        meta,
        stories: stagedStories,
        lineOf: (d) => {
          const a = articles[d];
          return a instanceof PreviousArticle ? reuse!.lineOf(a.previousDocId) : JSON.stringify(a);
        },
        data,
        hashes,
        inputs: encodeInputLog(reading.log, (id) => byId.get(id)),
        rejects: report,
        analyzer: fingerprint,
        reuseBlocks: reuse
          ? (first, count) => {
              const b = sameBlock(reuse, oldDocIds, first, count);
              return b < 0 ? null : reuse.block(b);
            }
          : undefined,
        articlesPrefix: reuse ? { file: reuse.articlesFile, fd: reuse.articlesFd, blockOffsets: reuse.blockOffsets, blocks: sharedBlocks(reuse, oldDocIds) } : undefined,
      });
    } catch (e) {
      throw new BuildError(`cannot write the index to ${printable(out)}: ${(e as Error).message}`);
    }

    return {
      out,
      files,
      records,
      indexed: articles.length,
      diff: diffArticles(previous, hashes),
      hadPrevious: previous !== null,
      rejected: rejects.length,
      rejects,
      replaced,
      analyzed,
      skippedFiles: reading.log.skipped,
      fullBecause: 'none' in previousIndex ? previousIndex.none : null,
      extended: base !== null,
      sourceMerges: merges.merges(),
      stories: storyCount,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    if (staged) rmSync(stagingDir(out), { recursive: true, force: true });
    // The previous articles file stays open while the build reads blocks from it.
    reuseToClose?.close();
    lock?.release();
    progress?.stop();
  }
}
