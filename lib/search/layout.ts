// The files of a built index directory. The builder writes them, the server
// reads them; the format number changes whenever either side must change.
export const INDEX_FORMAT = 3;
export const MANIFEST_FILE = 'manifest.json';
/** Every article as read, one JSON object per line, in docId order. */
export const ARTICLES_FILE = 'articles.jsonl';
/** The fields of every article the engine holds in memory (lib/search/article-store.ts). */
export const META_FILE = 'article-meta.json';
/** Content hash per article id: what the next build compares against. */
export const HASHES_FILE = 'article-hashes.json';
/** Byte offset of each article's line in ARTICLES_FILE, the file's length last (float64). */
export const ARTICLE_OFFSETS_FILE = 'article-offsets.f64';
export const VOCABULARY_FILE = 'vocabulary.json';
export const FLEX_DIR = 'flex';

/** Typed arrays stored raw, little-endian (every platform Node and Vercel run on). */
export const BINARY_FILES = {
  tf: 'tf.u8',
  docLength: 'doc-length.u32',
  titleLength: 'title-length.u16',
  posOffsets: 'position-offsets.u32',
  positions: 'positions.u32',
} as const;

export interface IndexManifest {
  format: number;
  articleCount: number;
  vocabularySize: number;
  /** FlexSearch export keys, in import order, each stored as FLEX_DIR/<file>. */
  flex: { key: string; file: string }[];
}
