// The files of a built index directory. The builder writes them, the server
// reads them; the format number changes whenever either side must change.
export const INDEX_FORMAT = 2;
export const MANIFEST_FILE = 'manifest.json';
export const ARTICLES_FILE = 'articles.json';
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
