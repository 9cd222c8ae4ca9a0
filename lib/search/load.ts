// Reads a built index directory into a SearchEngine.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FileStore, type ArticleMeta } from './article-store';
import { mismatch } from './checksums';
import { IndexLoadError, isIndexLoadError } from './index-load-error';

export { IndexLoadError, isIndexLoadError };
import { createFlexIndex, importOnDemand } from './flex';
import { SearchEngine } from './engine';
import { compareTerms, type IndexData } from './index-data';
import { countPostingPart, decodePostingPart, decodeRegistry } from './postings-file';
import {
  ARTICLE_BLOCKS_FILE,
  ARTICLE_SLOTS_FILE,
  ARTICLES_FILE,
  META_FILE,
  BINARY_FILES,
  FLEX_DIR,
  INDEX_FORMAT,
  MANIFEST_FILE,
  STORIES_FILE,
  VOCABULARY_FILE,
  type IndexManifest,
} from './layout';
import { decodeStories, noStories } from '../stories/file';
import type { StoryTable } from '../stories/table';

/** `bytes` as read from `file` (a path in the index directory), refused when they differ from the manifest's record. */
function verified(dir: string, manifest: IndexManifest, file: string, bytes: Buffer): Buffer {
  const why = mismatch(bytes, manifest.files?.[file]);
  if (why) throw new IndexLoadError(`${path.join(dir, file)} ${why} (damaged or partly copied): rebuild the index`);
  return bytes;
}

type Typed = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** A typed view of a file's bytes, copied only when Node hands back an unaligned buffer. */
function typed<T extends Typed>(file: string, bytes: Buffer, Kind: { new (b: ArrayBufferLike, o: number, l: number): T; BYTES_PER_ELEMENT: number }): T {
  const size = Kind.BYTES_PER_ELEMENT;
  if (bytes.byteLength % size !== 0) throw new IndexLoadError(`${file} has ${bytes.byteLength} bytes, not a multiple of ${size}: rebuild the index`);
  const aligned = bytes.byteOffset % size === 0 ? bytes : Buffer.from(bytes);
  return new Kind(aligned.buffer, aligned.byteOffset, aligned.byteLength / size);
}

/** FlexSearch's index from its parts, and each term's posting count (by vocabulary id). */
/**
 * FlexSearch's index from its parts, and each term's posting count (by
 * vocabulary id). With `onDemand`, a part is decoded and imported only when a
 * term it holds is first asked for (`postingsOf`): a server answers its first
 * search without decoding every posting of the archive.
 */
export async function importFlexIndex(dir: string, manifest: IndexManifest, vocabulary: readonly string[], { onDemand = false } = {}) {
  const files = manifest.flex.map((f) => path.join(dir, FLEX_DIR, f.file));
  const parts = await Promise.all(
    manifest.flex.map(async (f, i) => {
      try {
        return verified(dir, manifest, `${FLEX_DIR}/${f.file}`, await readFile(files[i]));
      } catch (e) {
        throw isIndexLoadError(e) ? e : new IndexLoadError(`${files[i]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}: rebuild the index`);
      }
    }),
  );
  const index = createFlexIndex();
  const counts = new Uint32Array(vocabulary.length);
  const broken = (i: number, e: unknown) => new IndexLoadError(`${files[i]}: ${(e as Error).message}: rebuild the index`);
  // FlexSearch's import is synchronous for a plain Index; reg must come
  // before map. It takes the parsed JSON as well as the string (its types
  // say only string), which spares building and parsing 100 MB of JSON.
  const lazy: { bytes: Uint8Array; part: number; first: string; last: string; loaded: boolean }[] = [];
  manifest.flex.forEach((f, i) => {
    try {
      if (f.key === '1.reg') index.import(f.key, decodeRegistry(parts[i]) as unknown as string);
      else if (!onDemand) index.import(f.key, decodePostingPart(parts[i], vocabulary, counts) as unknown as string);
      else {
        const { first, last } = countPostingPart(parts[i], vocabulary.length, counts);
        if (first >= 0) lazy.push({ bytes: parts[i], part: i, first: vocabulary[first], last: vocabulary[last], loaded: false });
      }
    } catch (e) {
      throw broken(i, e);
    }
  });
  if (onDemand) {
    // Parts hold consecutive ranges of the sorted vocabulary: the part of a term is found by its place.
    importOnDemand(index, (term) => {
      let lo = 0;
      let hi = lazy.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (compareTerms(lazy[mid].first, term) <= 0) lo = mid;
        else hi = mid - 1;
      }
      const part = lazy[lo];
      if (!part || part.loaded || compareTerms(term, part.first) < 0 || compareTerms(term, part.last) > 0) return;
      let entries: ReturnType<typeof decodePostingPart>;
      try {
        entries = decodePostingPart(part.bytes, vocabulary, null);
      } catch (e) {
        // Left unloaded: every search that needs the part answers 503 rather than without its terms.
        throw broken(part.part, e);
      }
      part.loaded = true;
      index.import('1.map', entries as unknown as string);
    });
  }
  return { index, counts };
}

/** An index directory's contents as the engine holds them (the articles' text stays on disk). */
export interface IndexFiles {
  data: IndexData;
  meta: ArticleMeta;
  /** Where each block of ARTICLES_FILE starts, its length last. */
  blockOffsets: Float64Array;
  /** Per docId, its block and line. */
  slots: Uint32Array;
  manifest: IndexManifest;
  /** The copies of one story, grouped (none for an index written before stories). */
  stories: StoryTable;
}

export async function loadEngine(dir: string): Promise<SearchEngine> {
  const { data, meta, blockOffsets, slots, manifest, stories } = await readIndexFiles(dir);
  const engine = new SearchEngine(new FileStore(path.join(dir, ARTICLES_FILE), blockOffsets, slots, meta), data, { stories });
  engine.builtAt = manifest.builtAt ?? null;
  return engine;
}

export async function readIndexFiles(dir: string): Promise<IndexFiles> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as IndexManifest;
  } catch (e) {
    throw new IndexLoadError(
      `no search index at ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): build one with \`npm run index -- --out ${dir}\``,
    );
  }
  if (manifest.format !== INDEX_FORMAT) {
    throw new IndexLoadError(`${manifestPath}: index format ${manifest.format}, this server reads ${INDEX_FORMAT}: rebuild the index`);
  }
  const read = async (file: string) => {
    try {
      return verified(dir, manifest, file, await readFile(path.join(dir, file)));
    } catch (e) {
      if (isIndexLoadError(e)) throw e;
      throw new IndexLoadError(`${path.join(dir, file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}: rebuild the index`);
    }
  };
  // An index written before stories has no stories file and none in its manifest: it loads with no stories.
  // One whose manifest lists the file must have it.
  const storiesListed = manifest.files ? STORIES_FILE in manifest.files : false;
  const readStories = async (): Promise<Buffer | null> => {
    if (storiesListed) return read(STORIES_FILE);
    try {
      return await readFile(path.join(dir, STORIES_FILE));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new IndexLoadError(`${path.join(dir, STORIES_FILE)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}: rebuild the index`);
    }
  };
  const [metaBytes, blockOffsets, slots, vocabularyBytes, tf, docLength, titleLength, wordCodes, posOffsets, positions, articles, storiesBytes] = await Promise.all([
    read(META_FILE),
    read(ARTICLE_BLOCKS_FILE),
    read(ARTICLE_SLOTS_FILE),
    read(VOCABULARY_FILE),
    read(BINARY_FILES.tf),
    read(BINARY_FILES.docLength),
    read(BINARY_FILES.titleLength),
    read(BINARY_FILES.wordCodes),
    read(BINARY_FILES.posOffsets),
    read(BINARY_FILES.positions),
    // The articles stay on disk (read block by block): checked by size here, by inflate and parse when read.
    stat(path.join(dir, ARTICLES_FILE)).catch((e: NodeJS.ErrnoException) => {
      throw new IndexLoadError(`${path.join(dir, ARTICLES_FILE)}: ${e.code ?? e.message}: rebuild the index`);
    }),
    readStories(),
  ]);
  const json = <T>(file: string, bytes: Buffer): T => {
    try {
      return JSON.parse(bytes.toString('utf8')) as T;
    } catch (e) {
      throw new IndexLoadError(`${path.join(dir, file)}: ${(e as Error).message}: rebuild the index`);
    }
  };
  const metaText = metaBytes;
  const vocabularyText = vocabularyBytes;
  const meta = json<ArticleMeta>(META_FILE, metaText);
  const articleSlots = typed(ARTICLE_SLOTS_FILE, slots, Uint32Array);
  const vocabulary = json<string[]>(VOCABULARY_FILE, vocabularyText);
  if (meta.ids.length !== manifest.articleCount || articleSlots.length !== manifest.articleCount || vocabulary.length !== manifest.vocabularySize) {
    throw new IndexLoadError(`${dir}: the files disagree with the manifest (a partial copy?): rebuild the index`);
  }
  const { index, counts } = await importFlexIndex(dir, manifest, vocabulary, { onDemand: true });
  const tfOffsets = new Uint32Array(vocabulary.length + 1);
  for (let v = 0; v < vocabulary.length; v++) tfOffsets[v + 1] = tfOffsets[v] + counts[v];
  const data: IndexData = {
    index,
    vocabulary,
    tfOffsets,
    tf: typed(BINARY_FILES.tf, tf, Uint8Array),
    docLength: typed(BINARY_FILES.docLength, docLength, Uint32Array),
    titleLength: typed(BINARY_FILES.titleLength, titleLength, Uint32Array),
    wordCodes: typed(BINARY_FILES.wordCodes, wordCodes, Uint32Array),
    posOffsets: typed(BINARY_FILES.posOffsets, posOffsets, Uint32Array),
    positions: typed(BINARY_FILES.positions, positions, Uint8Array),
  };
  // Each file's size against what the others say of it: a file cut short (or
  // grown) is refused here rather than answering wrongly or failing later.
  const sizes: [file: string, has: number, expected: number | undefined][] = [
    [BINARY_FILES.tf, data.tf.length, data.tfOffsets[vocabulary.length]],
    [BINARY_FILES.docLength, data.docLength.length, manifest.articleCount],
    [BINARY_FILES.titleLength, data.titleLength.length, manifest.articleCount],
    [BINARY_FILES.wordCodes, data.wordCodes.length, vocabulary.length],
    [BINARY_FILES.posOffsets, data.posOffsets.length, manifest.articleCount + 1],
    [BINARY_FILES.positions, data.positions.length, data.posOffsets[manifest.articleCount]],
  ];
  const offsets = typed(ARTICLE_BLOCKS_FILE, blockOffsets, Float64Array);
  sizes.push([ARTICLES_FILE, articles.size, offsets[offsets.length - 1]]);
  for (const [file, has, expected] of sizes) {
    if (has !== expected) {
      throw new IndexLoadError(`${path.join(dir, file)}: ${has} ${file === ARTICLES_FILE ? 'bytes' : 'entries'} where the other files say ${expected ?? 'none'} (damaged or partly copied): rebuild the index`);
    }
  }
  let stories: StoryTable;
  try {
    stories = storiesBytes ? decodeStories(storiesBytes, manifest.articleCount) : noStories(manifest.articleCount);
  } catch (e) {
    throw new IndexLoadError(`${path.join(dir, STORIES_FILE)} ${(e as Error).message} (damaged or partly copied): rebuild the index`);
  }
  return { data, meta, blockOffsets: offsets, slots: articleSlots, manifest, stories };
}
