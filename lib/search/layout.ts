// The files of a built index directory. The builder writes them, the server
// reads them; the format number changes whenever either side must change.
export const INDEX_FORMAT = 1;
export const MANIFEST_FILE = 'manifest.json';
export const ARTICLES_FILE = 'articles.json';
export const FLEX_DIR = 'flex';

export interface IndexManifest {
  format: number;
  articleCount: number;
  /** FlexSearch export keys, in import order, each stored as FLEX_DIR/<file>. */
  flex: { key: string; file: string }[];
}
