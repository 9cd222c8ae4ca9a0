// npm run bench:export [-- --index <dir>] [--exports 3] [--format csv] [--query <cheap query>]
//
// Whether an export holds the server: `next start` on the index (run `npm run build` first; the index
// is read at run time, so any directory will do), a cheap query's latency alone, then the same query
// asked one after another while `--exports` full exports (every article: an empty query) stream at once.
// Prints p50/p99/max of the cheap query both ways and how long the exports took. Asserts nothing.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, argValue, startServer } from '../../scripts/server';

const argv = process.argv.slice(2);
const index = path.resolve(ROOT, argValue(argv, '--index') ?? process.env.SEARCH_INDEX_DIR ?? 'data/index');
const exports = Number(argValue(argv, '--exports') ?? 3);
const format = argValue(argv, '--format') ?? 'csv';
const cheap = argValue(argv, '--query') ?? 'کتابخانه';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const figures = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `n=${s.length} p50 ${quantile(s, 0.5).toFixed(1)} ms, p99 ${quantile(s, 0.99).toFixed(1)} ms, max ${(s.at(-1) ?? NaN).toFixed(1)} ms`;
};

async function timed(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - t;
}

/** A whole export read as it streams: its bytes and how long it took. */
async function fullExport(url: string): Promise<{ ms: number; bytes: number }> {
  const t = performance.now();
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`export answered ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body!) bytes += (chunk as Uint8Array).byteLength;
  return { ms: performance.now() - t, bytes };
}

console.log(`bench:export: index ${index}; ${exports} concurrent full ${format} exports; cheap query «${cheap}»`);
const server = await startServer({ indexDir: index });
try {
  const searchUrl = `${server.url}/api/search?q=${encodeURIComponent(cheap)}`;
  const exportUrl = `${server.url}/api/export?format=${format}&q=`;
  const first = await fetch(searchUrl);
  const { total } = (await first.json()) as { total: number };
  console.log(`  index loaded by the first request; «${cheap}»: ${total} matches`);

  const alone: number[] = [];
  for (let i = 0; i < 100; i++) alone.push(await timed(searchUrl));
  console.log(`  cheap query alone:             ${figures(alone)}`);

  const one = await fullExport(exportUrl);
  console.log(`  one full export alone:         ${(one.ms / 1000).toFixed(2)} s, ${(one.bytes / 2 ** 20).toFixed(1)} MB`);

  let running = true;
  const during: number[] = [];
  const started = performance.now();
  const all = Promise.all(Array.from({ length: exports }, () => fullExport(exportUrl))).finally(() => (running = false));
  const asker = (async () => {
    while (running) during.push(await timed(searchUrl));
  })();
  const results = await all;
  await asker;
  const wall = performance.now() - started;
  console.log(`  ${exports} full exports at once:      ${(wall / 1000).toFixed(2)} s wall; each ${results.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s`);
  console.log(`  cheap query during them:       ${figures(during)}`);
} finally {
  await server.stop();
}
