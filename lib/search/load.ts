// Reads a built index directory into a SearchEngine.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FileStore, type ArticleMeta } from './article-store';
import { createFlexIndex } from './flex';
import { SearchEngine } from './engine';
import { tfOffsetsOf, type IndexData } from './index-data';
import {
  ARTICLE_OFFSETS_FILE,
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

export async function loadEngine(dir: string): Promise<SearchEngine> {
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
  const [metaText, articleOffsets, vocabularyText, tf, docLength, titleLength, posOffsets, positions, ...flexTexts] = await Promise.all([
    readFile(path.join(dir, META_FILE), 'utf8'),
    read(ARTICLE_OFFSETS_FILE),
    readFile(path.join(dir, VOCABULARY_FILE), 'utf8'),
    read(BINARY_FILES.tf),
    read(BINARY_FILES.docLength),
    read(BINARY_FILES.titleLength),
    read(BINARY_FILES.posOffsets),
    read(BINARY_FILES.positions),
    ...manifest.flex.map((f) => readFile(path.join(dir, FLEX_DIR, f.file), 'utf8')),
  ]);
  const meta = JSON.parse(metaText) as ArticleMeta;
  const offsets = typed(articleOffsets, Float64Array);
  const vocabulary = JSON.parse(vocabularyText) as string[];
  if (
    meta.ids.length !== manifest.articleCount ||
    offsets.length !== manifest.articleCount + 1 ||
    vocabulary.length !== manifest.vocabularySize
  ) {
    throw new IndexLoadError(`${dir}: the files disagree with the manifest (a partial copy?): rebuild the index`);
  }
  const index = createFlexIndex();
  // FlexSearch's import is synchronous for a plain Index; reg must come before map.
  manifest.flex.forEach((f, i) => index.import(f.key, flexTexts[i]));
  const data: IndexData = {
    index,
    vocabulary,
    tfOffsets: tfOffsetsOf(index, vocabulary),
    tf: typed(tf, Uint8Array),
    docLength: typed(docLength, Uint32Array),
    titleLength: typed(titleLength, Uint16Array),
    posOffsets: typed(posOffsets, Uint32Array),
    positions: typed(positions, Uint32Array),
  };
  if (data.tfOffsets[vocabulary.length] !== data.tf.length || data.docLength.length !== manifest.articleCount) {
    throw new IndexLoadError(`${dir}: term frequencies do not match the postings: rebuild the index`);
  }
  return new SearchEngine(new FileStore(path.join(dir, ARTICLES_FILE), offsets, meta), data);
}
