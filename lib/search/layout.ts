// The files of a built index directory. The builder writes them, the server
// reads them; the format number changes whenever either side must change.
export const INDEX_FORMAT = 6;
export const MANIFEST_FILE = 'manifest.json';
/** Every article as read, JSON lines deflated in blocks, in docId order (lib/search/article-blocks.ts). */
export const ARTICLES_FILE = 'articles.bin';
/** Byte offset of each block in ARTICLES_FILE, the file's length last (float64). */
export const ARTICLE_BLOCKS_FILE = 'article-blocks.f64';
/** Per docId, its block and line (uint32). */
export const ARTICLE_SLOTS_FILE = 'article-slots.u32';
/** The fields of every article the engine holds in memory (lib/search/article-store.ts). */
export const META_FILE = 'article-meta.json';
/** Content hash per article id (`{ ids, hashes }`, two arrays in docId order): what the next build compares against. Not read by the server. */
export const HASHES_FILE = 'article-hashes.json';
/** How often each vocabulary term occurs as a word (an array in vocabulary order): what the next build ranks word codes from when it appends articles. Not read by the server. */
export const WORD_COUNTS_FILE = 'word-counts.json';
/** Per input file, its size and digest and what reading it produced, so the next build can skip it when unchanged (index-builder/input-cache.ts). Not read by the server. */
export const INPUTS_FILE = 'input-files.json';
/** Records the build could not index (file, line, reason). Not read by the server. */
export const REJECTS_FILE = 'rejects.jsonl';
/**
 * The stories: groups of articles that are copies of one story (lib/stories/file.ts). An index
 * written before them has none, and loads with no stories: the format number stays.
 */
export const STORIES_FILE = 'stories.bin';
/** What the next build adds articles' stories to (per article its 5-grams and band keys, the candidate pairs: lib/stories/corpus.ts). Not read by the server, and named so that next.config.mjs's globs do not ship it. */
export const STORY_STATE_FILE = 'story-state.dat';
/** What only the builder and the user read: the functions need not ship them (next.config.mjs). */
export const BUILDER_ONLY_FILES: readonly string[] = [HASHES_FILE, WORD_COUNTS_FILE, INPUTS_FILE, REJECTS_FILE, STORY_STATE_FILE];
export const VOCABULARY_FILE = 'vocabulary.json';
/** FlexSearch's registry and postings (lib/search/postings-file.ts). */
export const FLEX_DIR = 'flex';

/** Typed arrays stored raw, little-endian (every platform Node and Vercel run on). */
export const BINARY_FILES = {
  tf: 'tf.u8',
  docLength: 'doc-length.u32',
  titleLength: 'title-length.u32',
  wordCodes: 'word-codes.u32',
  posOffsets: 'position-offsets.u32',
  positions: 'positions.bin',
} as const;

export interface IndexManifest {
  format: number;
  articleCount: number;
  vocabularySize: number;
  /** What analyzer code made it (index-builder/previous.ts): a rebuild reuses its analysis only when equal. */
  analyzer?: string;
  /**
   * When the index was written (ISO 8601, UTC): exports cite it so a published
   * figure can be traced to the archive it was counted in. The one field a
   * rebuild of the same articles changes.
   */
  builtAt?: string;
  /** FlexSearch's parts in import order: `1.reg` first, then `1.map` parts, each stored as FLEX_DIR/<file>. */
  flex: { key: string; file: string }[];
  /**
   * Size and sha256 of each file the server reads, by path in the index
   * directory (`flex/map-000.bin`): the loader refuses a file that differs.
   * Absent in indexes written before it; deterministic, so a rebuild of the
   * same articles writes the same manifest but for builtAt.
   */
  files?: Record<string, { bytes: number; sha256: string }>;
}

/** The files the server reads besides the manifest and FLEX_DIR's parts: the ones the manifest's `files` covers. */
export const SERVER_FILES: readonly string[] = [
  ARTICLES_FILE,
  ARTICLE_BLOCKS_FILE,
  ARTICLE_SLOTS_FILE,
  META_FILE,
  VOCABULARY_FILE,
  STORIES_FILE,
  ...Object.values(BINARY_FILES),
];
