// Its own module so that every reader of index files (the loader, the article
// store) throws the one error the API maps to 503.
/**
 * The index cannot be served (missing, damaged, another format): the API
 * answers 503 `index_unavailable`. Matched by `code`, not `instanceof`: the
 * bundler gives the instrumentation hook (which loads the index first) and
 * each route their own copy of this class.
 */
export class IndexLoadError extends Error {
  readonly code = 'index_unavailable';
  override name = 'IndexLoadError';
}

/** Whether `e` is an IndexLoadError from any copy of this module. */
export function isIndexLoadError(e: unknown): e is IndexLoadError {
  return e instanceof Error && (e as { code?: unknown }).code === 'index_unavailable';
}

