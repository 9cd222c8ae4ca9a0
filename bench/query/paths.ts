// Where the query benchmark keeps its inputs and outputs.
import path from 'node:path';
import { resolveShared } from '../eval/corpus';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
/** Made once and reused (gitignored): the 100k corpus and its index. */
export const CACHE_DIR = path.join(PROJECT_ROOT, 'bench', '.cache');
export const CORPUS_FILE = path.join(CACHE_DIR, 'corpus-100k.jsonl.gz');
export const INDEX_DIR = path.join(CACHE_DIR, 'index-100k');
/** The build's figures, kept beside the index so later runs can still report them. */
export const BUILD_INFO_FILE = path.join(CACHE_DIR, 'index-100k.build.json');
/** The query mix: committed, so runs on different days are comparable. */
export const QUERIES_FILE = path.join(PROJECT_ROOT, 'bench', 'query', 'queries.json');
export const OUT_DIR = path.join(PROJECT_ROOT, 'bench', 'query', 'out');

export const TARGET_ARTICLES = 100_000;
/** Seed of the partial last copy of the corpus. */
export const CORPUS_SEED = 100_000;
/** Seed of the query mix. */
export const QUERY_SEED = 4;

/** The shared folder (corpus/ and eval/), or one clear line and exit 1. */
export function requireShared(flag: string | undefined, who: string): string {
  const shared = resolveShared(PROJECT_ROOT, flag);
  if (!shared) {
    const tried = path.resolve(flag ?? process.env.KAVOSH_SHARED ?? path.resolve(PROJECT_ROOT, '..', 'shared'));
    console.error(`${who}: no corpus/ and eval/ in ${tried}: pass --shared <dir> (or set KAVOSH_SHARED) to the folder holding them`);
    process.exit(1);
  }
  return shared;
}
