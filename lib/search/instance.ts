// One engine per server process, loaded on first use from SEARCH_INDEX_DIR.
import path from 'node:path';
import type { SearchEngine } from './engine';
import { loadEngine } from './load';

export const DEFAULT_INDEX_DIR = 'data/index';

let loading: Promise<SearchEngine> | null = null;

export function indexDir(): string {
  // The index is shipped by outputFileTracingIncludes (next.config.mjs); without
  // the ignore, Turbopack would trace the whole project into every function.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.SEARCH_INDEX_DIR || DEFAULT_INDEX_DIR);
}

export function getEngine(): Promise<SearchEngine> {
  if (!loading) {
    loading = loadEngine(indexDir());
    // A failed load is retried on the next request (the index may be built meanwhile).
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}
