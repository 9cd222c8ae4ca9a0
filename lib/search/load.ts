// Reads a built index directory into a SearchEngine.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FileStore, type ArticleMeta } from './article-store';
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
  VOCABULARY_FILE,
  type IndexManifest,
} from './layout';

export class IndexLoadError extends Error {}

type Typed = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** A typed view of a file's bytes, copied only when Node hands back an unaligned buffer. */
function typed<T extends Typed>(bytes: Buffer, Kind: { new (b: ArrayBufferLike, o: number, l: number): T; BYTES_PER_ELEMENT: number }): T {
  const size = Kind.BYTES_PER_ELEMENT;
  if (bytes.byteLength % size !== 0) throw new IndexLoadError(`a binary index file has ${bytes.byteLength} bytes, not a multiple of ${size}`);
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
  const parts = await Promise.all(manifest.flex.map((f) => readFile(path.join(dir, FLEX_DIR, f.file))));
  const index = createFlexIndex();
  const counts = new Uint32Array(vocabulary.length);
  const broken = (e: unknown) => new IndexLoadError(`${dir}: ${(e as Error).message}: rebuild the index`);
  try {
    // FlexSearch's import is synchronous for a plain Index; reg must come
    // before map. It takes the parsed JSON as well as the string (its types
    // say only string), which spares building and parsing 100 MB of JSON.
    const lazy: { bytes: Uint8Array; first: string; last: string; loaded: boolean }[] = [];
    manifest.flex.forEach((f, i) => {
      if (f.key === '1.reg') index.import(f.key, decodeRegistry(parts[i]) as unknown as string);
      else if (!onDemand) index.import(f.key, decodePostingPart(parts[i], vocabulary, counts) as unknown as string);
      else {
        const { first, last } = countPostingPart(parts[i], vocabulary.length, counts);
        if (first >= 0) lazy.push({ bytes: parts[i], first: vocabulary[first], last: vocabulary[last], loaded: false });
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
        part.loaded = true;
        index.import('1.map', decodePostingPart(part.bytes, vocabulary, null) as unknown as string);
      });
    }
  } catch (e) {
    throw broken(e);
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
}

export async function loadEngine(dir: string): Promise<SearchEngine> {
  const { data, meta, blockOffsets, slots, manifest } = await readIndexFiles(dir);
  const engine = new SearchEngine(new FileStore(path.join(dir, ARTICLES_FILE), blockOffsets, slots, meta), data);
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
  const read = (file: string) => readFile(path.join(dir, file));
  const [metaText, blockOffsets, slots, vocabularyText, tf, docLength, titleLength, wordCodes, posOffsets, positions] = await Promise.all([
    readFile(path.join(dir, META_FILE), 'utf8'),
    read(ARTICLE_BLOCKS_FILE),
    read(ARTICLE_SLOTS_FILE),
    readFile(path.join(dir, VOCABULARY_FILE), 'utf8'),
    read(BINARY_FILES.tf),
    read(BINARY_FILES.docLength),
    read(BINARY_FILES.titleLength),
    read(BINARY_FILES.wordCodes),
    read(BINARY_FILES.posOffsets),
    read(BINARY_FILES.positions),
  ]);
  const meta = JSON.parse(metaText) as ArticleMeta;
  const articleSlots = typed(slots, Uint32Array);
  const vocabulary = JSON.parse(vocabularyText) as string[];
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
    tf: typed(tf, Uint8Array),
    docLength: typed(docLength, Uint32Array),
    titleLength: typed(titleLength, Uint16Array),
    wordCodes: typed(wordCodes, Uint32Array),
    posOffsets: typed(posOffsets, Uint32Array),
    positions: typed(positions, Uint8Array),
  };
  if (
    data.tfOffsets[vocabulary.length] !== data.tf.length ||
    data.docLength.length !== manifest.articleCount ||
    data.wordCodes.length !== vocabulary.length ||
    data.posOffsets[manifest.articleCount] !== data.positions.length
  ) {
    throw new IndexLoadError(`${dir}: term frequencies or positions do not match the postings: rebuild the index`);
  }
  return { data, meta, blockOffsets: typed(blockOffsets, Float64Array), slots: articleSlots, manifest };
}
