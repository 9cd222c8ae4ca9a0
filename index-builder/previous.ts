// What an incremental rebuild takes from the index it replaces: for every
// article whose content hash is unchanged, its analysis (read back from the
// postings, term frequencies and positions instead of re-running the
// analyzer) and its compressed block of text; for an article of an input file
// that was not read again (index-builder/input-cache.ts), also its content
// hash, meta and JSON line. Reading back is exact: the index holds every term
// of every article with its count and title flag, every word in order, and
// every article as written; so a rebuild equals a full build of the same input.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ARTICLES_PER_BLOCK, decodeArticleBlock } from '../lib/search/article-blocks';
import type { ArticleMeta } from '../lib/search/article-store';
import { postingsOf } from '../lib/search/flex';
import type { ArticleTerms, IndexData, TermTable } from '../lib/search/index-data';
import { ARTICLES_FILE, FLEX_DIR, HASHES_FILE, MANIFEST_FILE, STORY_STATE_FILE, WORD_COUNTS_FILE, type IndexManifest } from '../lib/search/layout';
import { readIndexFiles } from '../lib/search/load';
import { registeredIds } from '../lib/search/postings-file';
import type { AppendBase } from './append';
import { parseHashes } from './diff';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

/**
 * A hash of the code whose output an index stores (the analyzer and the
 * index's assembly): an index made by other code is rebuilt in full, not
 * mixed with this code's output.
 */
export function analyzerFingerprint(): string {
  return sourceFingerprint([
    ...readdirSync(path.join(PROJECT_ROOT, 'lib', 'persian'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => path.join('lib', 'persian', f)),
    path.join('lib', 'search', 'index-data.ts'),
    path.join('lib', 'search', 'layout.ts'),
  ]);
}

/** A hash of source files (paths relative to `root`) and their contents. */
export function sourceFingerprint(files: readonly string[], root = PROJECT_ROOT): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort()) hash.update(`${f}\0`).update(readFileSync(path.join(root, f))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

export interface PreviousIndex {
  /** The previous docId of an article whose content is unchanged, else -1. */
  reusable(id: string, hash: string): number;
  /** Previous article `docId`'s analysis, in `table`'s ids: views of arrays all articles share, to read, not to change or transfer. */
  termsOf(docId: number, table: TermTable): ArticleTerms;
  /** The previous articles file, open since the build started (its name, and the descriptor to read it by), and where its blocks start (its length last). */
  articlesFile: string;
  articlesFd: number;
  blockOffsets: Float64Array;
  /** The compressed bytes of the previous index's block `b`. */
  block(b: number): Buffer;
  articleCount: number;
  /** Content hash per id. */
  hashes: ReadonlyMap<string, string>;
  /** The previous docId of `id`, or -1. */
  docIdOf(id: string): number;
  meta: ArticleMeta;
  /** Previous article `docId` as its block holds it: the JSON line a build writes for it. */
  lineOf(docId: number): string;
  /** The previous index's story state file (index-builder/stories.ts), or null when it has none. */
  storyState(): Buffer | null;
  /** The previous index to append articles to (index-builder/append.ts), or null when it lacks what that needs. */
  appendBase(): AppendBase | null;
  /** Closes the files it holds open. */
  close(): void;
}

/** Why the previous index cannot be reused, or the index itself. */
export type PreviousOutcome = { index: PreviousIndex } | { none: string };

export async function readPreviousIndex(dir: string, fingerprint: string): Promise<PreviousOutcome> {
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as IndexManifest;
  } catch {
    return { none: 'no previous index' };
  }
  if (manifest.analyzer !== fingerprint) return { none: 'the previous index was made by other analyzer code' };
  try {
    const [files, hashesText] = await Promise.all([readIndexFiles(dir), readFile(path.join(dir, HASHES_FILE), 'utf8')]);
    const hashes = parseHashes(hashesText);
    if (!hashes) throw new Error(`${HASHES_FILE} is not a map of hashes`);
    const docIdOf = new Map(files.meta.ids.map((id, d) => [id, d]));
    const read = new AnalysisReader(files.data, files.meta.ids.length);
    const articlesFile = path.join(dir, ARTICLES_FILE);
    // Everything read later (blocks, the append base, the prefix the writer copies) is opened
    // now and read through its descriptor: another index swapped into `dir` meanwhile cannot
    // change what this build reads (the lock on --out already keeps builds apart; `npm run
    // dev`'s watcher or a person copying an index in does not take it).
    const pinned = new Pinned();
    let blocks: BlockFile;
    let later: AppendFiles;
    try {
      blocks = new BlockFile(articlesFile, pinned.open(articlesFile), files.blockOffsets);
      later = pinAppendFiles(dir, manifest, pinned);
    } catch (e) {
      pinned.close();
      throw e;
    }
    const lines = new LineReader(blocks, files.slots);
    return {
      index: {
        reusable: (id, hash) => (hashes.get(id) === hash ? (docIdOf.get(id) ?? -1) : -1),
        termsOf: (d, table) => read.termsOf(d, table),
        articlesFile,
        articlesFd: blocks.fd,
        blockOffsets: files.blockOffsets,
        block: (b) => blocks.read(b),
        articleCount: files.meta.ids.length,
        hashes,
        docIdOf: (id) => docIdOf.get(id) ?? -1,
        meta: files.meta,
        lineOf: (d) => lines.lineOf(d),
        appendBase: () => appendBaseOf(later, files.data),
        storyState: () => (later.storyState === null ? null : readWhole(later.storyState, STORY_STATE_FILE)),
        close: () => pinned.close(),
      },
    };
  } catch (e) {
    return { none: `the previous index cannot be read (${(e as Error).message})` };
  }
}

/** Files held open from the start of a build, closed together at its end. */
class Pinned {
  private readonly fds: number[] = [];

  open(file: string): number {
    const fd = openSync(file, 'r');
    this.fds.push(fd);
    return fd;
  }

  /** Opened, or null when it is not there (an index without word counts). */
  openIfThere(file: string): number | null {
    try {
      return this.open(file);
    } catch {
      return null;
    }
  }

  close(): void {
    for (const fd of this.fds.splice(0)) closeSync(fd);
  }
}

/** The whole of an open file, from its start whatever was read of it before. */
function readWhole(fd: number, name: string): Buffer {
  const bytes = Buffer.allocUnsafe(fstatSync(fd).size);
  for (let at = 0; at < bytes.length; ) {
    const n = readSync(fd, bytes, at, bytes.length - at, at);
    if (n === 0) throw new Error(`${name} ended while read`);
    at += n;
  }
  return bytes;
}

/** The files an append reads, open. */
interface AppendFiles {
  wordCounts: number | null;
  storyState: number | null;
  parts: { fd: number; name: string }[];
}

function pinAppendFiles(dir: string, manifest: IndexManifest, pinned: Pinned): AppendFiles {
  const wordCounts = pinned.openIfThere(path.join(dir, WORD_COUNTS_FILE));
  const parts = manifest.flex
    .filter((f) => f.key === '1.map')
    .map((f) => {
      const name = path.join(dir, FLEX_DIR, f.file);
      return { fd: pinned.open(name), name };
    });
  return { wordCounts, parts, storyState: pinned.openIfThere(path.join(dir, STORY_STATE_FILE)) };
}

/** What an append starts from; null when the index lacks the word counts. */
function appendBaseOf(files: AppendFiles, data: IndexData): AppendBase | null {
  if (files.wordCounts === null) return null;
  let wordCounts: Uint32Array;
  try {
    const counts: unknown = JSON.parse(readWhole(files.wordCounts, WORD_COUNTS_FILE).toString('utf8'));
    if (!Array.isArray(counts) || counts.length !== data.vocabulary.length) return null;
    wordCounts = Uint32Array.from(counts as number[]);
  } catch {
    return null;
  }
  const parts = files.parts.map((p) => readWhole(p.fd, p.name));
  return { data, parts, wordCounts, registered: registeredIds(data.index) };
}

/**
 * The previous articles file, read a block at a time as blocks are asked
 * for: a rebuild that appends articles needs one block of it, or none (the
 * rest is copied by the writer), and reading all of it (112 MB at 100,000
 * articles) took about 0.2 s.
 */
class BlockFile {
  constructor(
    private readonly file: string,
    readonly fd: number,
    private readonly offsets: Float64Array,
  ) {}

  read(b: number): Buffer {
    const start = this.offsets[b];
    const bytes = Buffer.allocUnsafe(this.offsets[b + 1] - start);
    for (let at = 0; at < bytes.length; ) {
      const n = readSync(this.fd, bytes, at, bytes.length - at, start + at);
      if (n === 0) throw new Error(`${this.file} ends inside block ${b}: a partial copy?`);
      at += n;
    }
    return bytes;
  }
}

/** Articles' lines from their blocks; consecutive articles mostly share one, so the last block stays inflated. */
class LineReader {
  private block = -1;
  private lines: string[] = [];

  constructor(
    private readonly blocks: BlockFile,
    private readonly slots: Uint32Array,
  ) {}

  lineOf(d: number): string {
    const b = Math.floor(this.slots[d] / ARTICLES_PER_BLOCK);
    if (b !== this.block) {
      this.lines = decodeArticleBlock(this.blocks.read(b));
      this.block = b;
    }
    return this.lines[this.slots[d] % ARTICLES_PER_BLOCK];
  }
}

class AnalysisReader {
  /** Per docId, where its terms start in `termIds`/`packed` (the postings turned around once). */
  private starts: Uint32Array | null = null;
  private termIds = new Uint32Array(0);
  private packed = new Uint8Array(0);
  private readonly vocabularyOfCode: Uint32Array;
  /** `termIds` in the ids of `table`. */
  private mapped = new Uint32Array(0);
  /** Every article's words in the ids of `table`, back to back, and where each article's start. */
  private words = new Uint32Array(0);
  private wordStarts = new Uint32Array(0);
  private table: TermTable | null = null;

  constructor(
    private readonly data: IndexData,
    private readonly count: number,
  ) {
    this.vocabularyOfCode = new Uint32Array(data.wordCodes.length);
    data.wordCodes.forEach((code, v) => (this.vocabularyOfCode[code] = v));
  }

  /** Each article's terms, from the postings: one pass over them all. */
  private invert(): Uint32Array {
    const { index, vocabulary, tf, tfOffsets } = this.data;
    const starts = new Uint32Array(this.count + 1);
    const lists = vocabulary.map((term) => postingsOf(index, term) ?? []);
    for (let v = 0; v < lists.length; v++) {
      const slots = lists[v];
      for (let s = 0; s < slots.length; s++) {
        const ids = slots[s];
        if (!ids) continue;
        for (let i = 0; i < ids.length; i++) starts[ids[i] + 1]++;
      }
    }
    for (let d = 0; d < this.count; d++) starts[d + 1] += starts[d];
    this.termIds = new Uint32Array(starts[this.count]);
    this.packed = new Uint8Array(starts[this.count]);
    const cursor = starts.slice(0, this.count);
    for (let v = 0; v < lists.length; v++) {
      let at = tfOffsets[v];
      const slots = lists[v];
      for (let s = 0; s < slots.length; s++) {
        const ids = slots[s];
        if (!ids) continue;
        for (let i = 0; i < ids.length; i++, at++) {
          const c = cursor[ids[i]]++;
          this.termIds[c] = v;
          this.packed[c] = tf[at];
        }
      }
    }
    return (this.starts = starts);
  }

  /**
   * Every previous term's id in `table` (each term entered once, in vocabulary
   * order), and every article's terms and words in those ids, all at once: one
   * array for all articles instead of 200,000 small ones, which the garbage
   * collector felt (0.9 of a 10 s rebuild).
   */
  private mapInto(table: TermTable): void {
    if (this.table !== table) {
      this.table = table;
      const ids = Int32Array.from(this.data.vocabulary, (term) => table.id(term));
      const termIds = this.termIds;
      const mapped = (this.mapped = new Uint32Array(termIds.length));
      for (let k = 0; k < termIds.length; k++) mapped[k] = ids[termIds[k]];
      this.mapWords(ids);
    }
  }

  private mapWords(ids: Int32Array): void {
    const { positions, posOffsets } = this.data;
    // One lookup per word, not two: 36 million words at 100,000 articles.
    const idOfCode = Uint32Array.from(this.vocabularyOfCode, (v) => ids[v]);
    let total = 0;
    // A varint ends at each byte below 128 (counted without a branch: 3× faster on these bytes).
    for (let i = 0; i < positions.length; i++) total += 1 - (positions[i] >> 7);
    const words = (this.words = new Uint32Array(total));
    const starts = (this.wordStarts = new Uint32Array(this.count + 1));
    // Word codes are below the vocabulary's size, so a shift of up to 28 bits does not overflow.
    for (let d = 0, i = 0, at = 0; d < this.count; d++) {
      for (const end = posOffsets[d + 1]; i < end; ) {
        let b = positions[i++];
        let code = b & 0x7f;
        for (let shift = 7; b >= 0x80; shift += 7) {
          b = positions[i++];
          code |= (b & 0x7f) << shift;
        }
        words[at++] = idOfCode[code];
      }
      starts[d + 1] = at;
    }
  }

  termsOf(d: number, table: TermTable): ArticleTerms {
    const starts = this.starts ?? this.invert();
    this.mapInto(table);
    const from = starts[d];
    const to = starts[d + 1];
    const { docLength, titleLength } = this.data;
    return {
      terms: this.mapped.subarray(from, to),
      packed: this.packed.subarray(from, to),
      words: this.words.subarray(this.wordStarts[d], this.wordStarts[d + 1]),
      length: docLength[d],
      titleLength: titleLength[d],
    };
  }
}
