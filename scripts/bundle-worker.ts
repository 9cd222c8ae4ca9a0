// The search worker (lib/search/search-worker.ts) as one ES module beside the
// built app, because Next.js bundles routes and pages but not a thread's entry.
// Packages stay imports of node_modules, which `next start` has.
import path from 'node:path';
import { build } from 'esbuild';
import { WORKER_BUNDLE } from '../lib/search/serve-search';

const ROOT = path.resolve(import.meta.dirname, '..');

export async function bundleWorker(outfile = path.join(ROOT, WORKER_BUNDLE)): Promise<string> {
  await build({
    entryPoints: [path.join(ROOT, 'lib', 'search', 'search-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}
