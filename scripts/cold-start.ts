// npm run bench:cold [-- --index <dir>] [--query <q>] [--runs <n>]
// A fresh `next start` per run: the time until it listens, the first
// /api/search (which loads the index), and a second one from the same process
// (which reuses it); the server's memory after each. Needs `npm run build` first.
import { argValue, mb, projectRelative, startServer, timedGet } from './server';

export interface ColdStart {
  bootMs: number;
  firstMs: number;
  secondMs: number;
  firstStatus: number;
  secondStatus: number;
  total: number | null;
  rssAfterFirst: number;
  peakAfterFirst: number;
}

/** The cold-start target of the deployment issue: the first answer after a deploy within 2 s. */
export const COLD_TARGET_MS = 2000;
export const DEFAULT_COLD_QUERY = 'تهران';

export async function coldStart(indexDir: string, query = DEFAULT_COLD_QUERY): Promise<ColdStart> {
  const server = await startServer({ indexDir });
  try {
    const url = `${server.url}/api/search?q=${encodeURIComponent(query)}`;
    const first = await timedGet(url);
    if (first.status !== 200) throw new Error(`the first search answered ${first.status}: ${first.body.slice(0, 300)}\n${server.log().slice(-1500)}`);
    const mem = server.memory();
    const second = await timedGet(url.replace('?q=', '?page=2&q='));
    let total: number | null = null;
    try {
      total = JSON.parse(first.body).total;
    } catch {
      /* reported as null */
    }
    return {
      bootMs: server.bootMs,
      firstMs: first.ms,
      secondMs: second.ms,
      firstStatus: first.status,
      secondStatus: second.status,
      total,
      rssAfterFirst: mem?.rss ?? 0,
      peakAfterFirst: mem?.peak ?? 0,
    };
  } finally {
    await server.stop();
  }
}

export function describeCold(c: ColdStart): string {
  return (
    `listening after ${c.bootMs.toFixed(0)} ms; first /api/search ${c.firstMs.toFixed(0)} ms (loads the index), ` +
    `second ${c.secondMs.toFixed(0)} ms (same process); RSS after the first ${mb(c.rssAfterFirst)} (peak ${mb(c.peakAfterFirst)})`
  );
}

async function main() {
  const argv = process.argv.slice(2);
  const index = projectRelative(argValue(argv, '--index') ?? process.env.SEARCH_INDEX_DIR ?? 'data/index');
  const query = argValue(argv, '--query') ?? DEFAULT_COLD_QUERY;
  const runs = Math.max(1, Number(argValue(argv, '--runs') ?? 3));
  console.log(`cold start: index ${index}, query «${query}», ${runs} fresh server${runs > 1 ? 's' : ''}`);
  const all: ColdStart[] = [];
  for (let i = 0; i < runs; i++) {
    const c = await coldStart(index, query);
    all.push(c);
    console.log(`  run ${i + 1}: ${describeCold(c)}${c.total !== null ? `; ${c.total} matches` : ''}`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const first = median(all.map((c) => c.firstMs));
  const second = median(all.map((c) => c.secondMs));
  const boot = median(all.map((c) => c.bootMs));
  console.log(
    `cold start (median of ${runs}): listening ${boot.toFixed(0)} ms, first search ${first.toFixed(0)} ms, second ${second.toFixed(0)} ms; ` +
      `boot + first = ${(boot + first).toFixed(0)} ms ${boot + first <= COLD_TARGET_MS ? '≤' : '>'} the ${COLD_TARGET_MS} ms target`,
  );
}

if (process.argv[1] && /cold-start\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(`cold start: ${(e as Error).message}`);
    process.exit(1);
  });
}
