// Which index the browser's collections belong to (server side: /api/health and the pages hand it to the
// browser). It must survive a rebuild of the same archive, which replaces the manifest, or every rebuild would
// empty the researcher's collections instead of marking the articles it lost. So it names where the index is
// served from (SEARCH_INDEX_DIR, relative to the project), or what the deployment calls it (KAVOSH_INDEX_ID).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { indexDir } from '@/lib/search/instance';

export const INDEX_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** KAVOSH_INDEX_ID when set (a deployment that serves another archive from the same folder names it), else a hash of the index folder. */
export function collectionsIndexId(env: Record<string, string | undefined> = process.env, dir: string = indexDir()): string {
  const named = env.KAVOSH_INDEX_ID?.trim();
  if (named) {
    if (!INDEX_ID_PATTERN.test(named)) throw new Error(`KAVOSH_INDEX_ID must be 1 to 64 of A-Z a-z 0-9 . _ - (got "${named.slice(0, 80)}")`);
    return named;
  }
  // Relative, so a copy of the project elsewhere (a colleague's machine, a deployment) gets the same id.
  const where = path.relative(/*turbopackIgnore: true*/ process.cwd(), dir).split(path.sep).join('/');
  return `i-${createHash('sha256').update(where).digest('hex').slice(0, 16)}`;
}
