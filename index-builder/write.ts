// Writes an index directory so that readers never see half of one: everything
// goes to a fresh sibling directory that is swapped in only when complete.
import { constants, existsSync, readSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../lib/types';
import type { BuiltIndexData } from '../lib/search/index-data';
import { type ArticleMeta, withFacetKeys } from '../lib/search/article-store';
import { type ArticleHashes, encodeHashes } from './diff';
import { ARTICLES_PER_BLOCK, type BlockReuse } from '../lib/search/article-blocks';
import { encodeArticleBlocksAside } from './deflate-blocks';
import { encodePostingParts, encodeRegistry } from '../lib/search/postings-file';
import { checksumOfFile } from '../lib/search/checksums';
import { encodeStories } from '../lib/stories/file';
import {
  ARTICLE_BLOCKS_FILE,
  ARTICLE_SLOTS_FILE,
  ARTICLES_FILE,
  HASHES_FILE,
  INPUTS_FILE,
  META_FILE,
  BINARY_FILES,
  FLEX_DIR,
  INDEX_FORMAT,
  MANIFEST_FILE,
  SERVER_FILES,
  REJECTS_FILE,
  STORIES_FILE,
  STORY_STATE_FILE,
  VOCABULARY_FILE,
  WORD_COUNTS_FILE,
  type IndexManifest,
} from '../lib/search/layout';
import type { ReadReject } from './read/types';
import { lockHolder } from './out-lock';


export interface IndexContents {
  articles: readonly Article[];
  /** The articles' meta, in docId order. */
  meta: ArticleMeta;
  /** An article's JSON line, for articles the build holds only as lines of the previous index (default: JSON.stringify). */
  lineOf?: (docId: number) => string;
  data: BuiltIndexData | EncodedIndexData;
  /** Content hash per article id, computed once by the build (it also diffs with them). */
  hashes: ArticleHashes;
  /** What reading each input file gave (index-builder/input-cache.ts), as stored. */
  inputs: string;
  rejects: readonly ReadReject[];
  /** Compressed article blocks of the previous index that can be kept as they are. */
  reuseBlocks?: BlockReuse;
  /**
   * The previous articles file, when the new one begins with its first
   * `blocks` blocks, unchanged and in place: those are copied by the file
   * system instead of read and written again (112 MB at 100,000 articles).
   * `fd` is that file as the build opened it at its start, which is what is
   * copied, whatever has been renamed into its place since.
   */
  articlesPrefix?: { file: string; fd: number; blockOffsets: Float64Array; blocks: number };
  /** What analyzer code made the index (index-builder/previous.ts). */
  analyzer: string;
  /** The stories file and the state the next build adds to (index-builder/stories.ts); without them the index has no stories. */
  stories?: { stories: Uint8Array; state: (() => Iterable<Uint8Array>) | 'staged' };
}

/**
 * An index's data with FlexSearch's files already encoded, and no FlexSearch
 * index: what a rebuild that appends articles makes (index-builder/append.ts).
 */
export interface EncodedIndexData extends Omit<BuiltIndexData, 'index' | 'posOffsets' | 'positions'> {
  flex: { registry: Uint8Array; postings: Uint8Array[] };
  /** The positions, which another thread may still be writing (index-builder/translate-codes.ts). */
  words: Promise<Pick<BuiltIndexData, 'posOffsets' | 'positions'>>;
}

function flexFiles(data: BuiltIndexData | EncodedIndexData): EncodedIndexData['flex'] {
  if ('flex' in data) return data.flex;
  return { registry: encodeRegistry(data.index), postings: encodePostingParts(data.index, data.vocabulary) };
}

function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * The first `bytes` of the open file `from.fd` into `to`: through
 * /proc/self/fd where there is one (Linux), which names the file open, not
 * the path, so the copy is a clone where the file system can make one, else
 * a copy in the kernel; elsewhere read through the descriptor.
 */
export async function copyPinned(from: { file: string; fd: number }, to: string, bytes: number, procFds = '/proc/self/fd'): Promise<void> {
  const short = () => new Error(`${from.file} is shorter than its blocks say: a partial copy?`);
  const proc = `${procFds}/${from.fd}`;
  if (existsSync(proc)) {
    await copyFile(proc, to, constants.COPYFILE_FICLONE);
    if ((await stat(to)).size < bytes) throw short();
    await truncate(to, bytes);
    return;
  }
  const out = await open(to, 'w');
  try {
    const buffer = Buffer.allocUnsafe(1 << 22);
    for (let at = 0; at < bytes; ) {
      const n = readSync(from.fd, buffer, 0, Math.min(buffer.length, bytes - at), at);
      if (n === 0) throw short();
      await out.write(buffer.subarray(0, n));
      at += n;
    }
  } finally {
    await out.close();
  }
}

/** Articles in deflated blocks with where each block starts, their meta and their content hashes. */
async function writeArticles(
  dir: string,
  { articles, meta, lineOf = (d) => JSON.stringify(articles[d]), hashes, reuseBlocks, articlesPrefix }: IndexContents,
): Promise<void> {
  const file = path.join(dir, ARTICLES_FILE);
  const kept = articlesPrefix && articlesPrefix.blocks > 0 ? articlesPrefix : null;
  const first = kept?.blocks ?? 0;
  const skip = first * ARTICLES_PER_BLOCK;
  const prefixBytes = kept ? kept.blockOffsets[first] : 0;
  const tail = await encodeArticleBlocksAside(
    // The kept blocks may end with the last, partial one: then nothing follows them.
    Math.max(0, articles.length - skip),
    (d) => lineOf(d + skip),
    reuseBlocks && ((from, count) => reuseBlocks(from + skip, count)),
  );
  if (kept) {
    await copyPinned(kept, file, prefixBytes);
  }
  const handle = await open(file, kept ? 'a' : 'w');
  try {
    // Written in batches of a few megabytes: one call per block would be 12,500 calls at 100,000 articles.
    const { blocks } = tail;
    for (let i = 0, batch: Buffer[] = [], bytes = 0; i < blocks.length; i++) {
      batch.push(blocks[i]);
      bytes += blocks[i].length;
      if (bytes > 1 << 22 || i === blocks.length - 1) {
        await handle.write(Buffer.concat(batch));
        batch = [];
        bytes = 0;
      }
    }
  } finally {
    await handle.close();
  }
  const blockOffsets = new Float64Array(first + tail.blockOffsets.length);
  if (kept) blockOffsets.set(kept.blockOffsets.subarray(0, first));
  for (let b = 0; b < tail.blockOffsets.length; b++) blockOffsets[first + b] = prefixBytes + tail.blockOffsets[b];
  const slots = new Uint32Array(articles.length);
  // A kept block holds the same articles in the same places: block × ARTICLES_PER_BLOCK + line is the docId.
  for (let d = 0; d < skip; d++) slots[d] = d;
  for (let k = 0; k < tail.slots.length; k++) slots[skip + k] = skip + tail.slots[k];
  await writeFile(path.join(dir, ARTICLE_BLOCKS_FILE), bytesOf(blockOffsets));
  await writeFile(path.join(dir, ARTICLE_SLOTS_FILE), bytesOf(slots));
  await writeFile(path.join(dir, META_FILE), JSON.stringify(withFacetKeys(meta)));
  await writeFile(path.join(dir, HASHES_FILE), encodeHashes(hashes));
}

/** Where this process writes the new index before the swap. */
export const stagingDir = (out: string, pid = process.pid) => `${path.resolve(out)}.tmp-${pid}`;
/** Where the swap puts the previous index until the new one is in place. */
const retiredDir = (out: string, pid = process.pid) => `${path.resolve(out)}.old-${pid}`;

/**
 * Undoes what a builder killed mid-way left beside `out`: its half-written
 * index is deleted, and a previous index it had moved aside for the swap
 * (killed between the two renames) is put back when `out` has none. Only the
 * folders of the build holding the lock on `out` (index-builder/out-lock.ts)
 * are left alone: a pid that is alive but holds no lock is no build of `out`.
 */
export function recoverInterruptedBuilds(out: string): void {
  const target = path.resolve(out);
  const parent = path.dirname(target);
  const base = path.basename(target).replace(/[.*+?^$|()[\]{}\\]/g, '\\$&');
  const pattern = new RegExp(`^${base}\\.(tmp|old)-(\\d+)$`);
  const holder = lockHolder(out);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    const match = pattern.exec(name);
    if (!match || Number(match[2]) === holder) continue;
    const dir = path.join(parent, name);
    if (match[1] === 'old' && !existsSync(target) && existsSync(path.join(dir, MANIFEST_FILE))) renameSync(dir, target);
    else rmSync(dir, { recursive: true, force: true });
  }
}

/** For a signal handler: the same clean-up for this process's own folders, synchronously. */
export function abandonWrite(out: string): void {
  const target = path.resolve(out);
  rmSync(stagingDir(out), { recursive: true, force: true });
  const retired = retiredDir(out);
  if (existsSync(retired)) {
    if (existsSync(target)) rmSync(retired, { recursive: true, force: true });
    else renameSync(retired, target);
  }
}

/**
 * Writes the stories' state into the staging folder ahead of the rest of the
 * index (then passed to writeIndexDir as 'staged'): its 5-grams, as large as
 * the state, are freed before the index data is assembled and written, the
 * build's peak of memory.
 */
export async function stageStoryState(out: string, chunks: Iterable<Uint8Array>): Promise<void> {
  const staging = stagingDir(out);
  await rm(staging, { recursive: true, force: true });
  try {
    await mkdir(staging, { recursive: true });
    await writeFile(path.join(staging, STORY_STATE_FILE), chunks);
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}

export async function writeIndexDir(out: string, contents: IndexContents): Promise<void> {
  const target = path.resolve(out);
  const staging = stagingDir(out);
  if (contents.stories?.state !== 'staged') await rm(staging, { recursive: true, force: true });
  try {
    await mkdir(path.join(staging, FLEX_DIR), { recursive: true });
    const { data } = contents;
    const flex = flexFiles(data);
    const parts = [
      { key: '1.reg', file: 'reg.bin', data: flex.registry },
      ...flex.postings.map((bytes, i) => ({ key: '1.map', file: `map-${String(i).padStart(3, '0')}.bin`, data: bytes })),
    ];
    const manifest: IndexManifest = {
      format: INDEX_FORMAT,
      articleCount: contents.articles.length,
      vocabularySize: data.vocabulary.length,
      analyzer: contents.analyzer,
      builtAt: new Date().toISOString(),
      flex: parts.map(({ key, file }) => ({ key, file })),
    };
    // The articles first: their blocks deflate on other threads while this one writes the rest.
    const articles = writeArticles(staging, contents);
    articles.catch(() => {}); // awaited below; a rejection must not go unhandled meanwhile
    for (const part of parts) await writeFile(path.join(staging, FLEX_DIR, part.file), part.data);
    await writeFile(path.join(staging, VOCABULARY_FILE), JSON.stringify(data.vocabulary));
    await writeFile(path.join(staging, WORD_COUNTS_FILE), JSON.stringify(Array.from(data.wordCounts)));
    const binaries: Pick<BuiltIndexData, keyof typeof BINARY_FILES> = 'words' in data ? { ...data, ...(await data.words) } : data;
    for (const [name, file] of Object.entries(BINARY_FILES)) {
      await writeFile(path.join(staging, file), bytesOf(binaries[name as keyof typeof BINARY_FILES]));
    }
    await writeFile(path.join(staging, INPUTS_FILE), contents.inputs);
    // Always a stories file, so the manifest always vouches for one: with none looked for, it holds none.
    await writeFile(path.join(staging, STORIES_FILE), contents.stories?.stories ?? encodeStories([]));
    const state = contents.stories?.state;
    if (state === 'staged') await stat(path.join(staging, STORY_STATE_FILE));
    else if (state) await writeFile(path.join(staging, STORY_STATE_FILE), state());
    await writeFile(path.join(staging, REJECTS_FILE), contents.rejects.map((r) => JSON.stringify(r) + '\n').join(''));
    await articles;
    const checked = [...SERVER_FILES, ...parts.map((part) => `${FLEX_DIR}/${part.file}`)];
    manifest.files = {};
    for (const file of checked) manifest.files[file] = await checksumOfFile(path.join(staging, file));
    // The manifest last: a directory without one is not an index.
    await writeFile(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  const retired = retiredDir(out);
  let hadPrevious = true;
  try {
    await rename(target, retired);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    hadPrevious = false;
  }
  await rename(staging, target);
  if (hadPrevious) await rm(retired, { recursive: true, force: true });
}
