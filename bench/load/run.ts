// npm run bench:load [-- --index <dir>] [--duration 30] [--connections 50] [--phase2 15] [--out <file.json>]
//
// A load test of the production server (`next start` on 127.0.0.1; run `npm run build`
// first), bounded in time, on loopback only:
//   1. 50 clients for 30 s over the query mix (bench/query/queries.json, else
//      ../shared/eval/natural-queries.txt): requests/s, p50/p99, errors, non-2xx, and the
//      server's RSS sampled every second (first, last, max: it must level off).
//   2. Cheap queries alone, then the same cheap queries while a few clients hammer the most
//      expensive one (the most common word, «در», no filters): the cheap queries' p99 both ways.
//   3. 50 clients at once, 46 on cheap queries and 4 on the most common words, for --phase3
//      seconds (default 30), with the expensive-search scheduler (lib/search/scheduler.ts) on
//      and then, on a second server started with KAVOSH_SCHEDULER=off, without it: the cheap
//      queries' p50/p99 both ways, in the same run. --scheduler on skips the baseline.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT, argValue, mb, projectRelative, startServer, timedGet, type Server } from '../../scripts/server';

interface MixQuery {
  q: string;
  from?: string;
  to?: string;
  type?: string;
}

const QUERIES_JSON = path.join(ROOT, 'bench', 'query', 'queries.json');
const NATURAL = path.resolve(ROOT, process.env.KAVOSH_SHARED ?? path.join('..', 'shared'), 'eval', 'natural-queries.txt');
export const EXPENSIVE_QUERY = 'در';
/** The most common words of the archive, alone and in pairs: what an expensive client sends in phase 3. */
export const EXPENSIVE_QUERIES = ['در', 'از', 'به', 'این', 'که', 'در این', 'از این', 'با'];

export function loadMix(): { source: string; queries: MixQuery[] } {
  if (existsSync(QUERIES_JSON)) {
    const data = JSON.parse(readFileSync(QUERIES_JSON, 'utf8')) as { queries: MixQuery[] };
    return { source: path.relative(ROOT, QUERIES_JSON), queries: data.queries };
  }
  if (existsSync(NATURAL)) {
    const queries = readFileSync(NATURAL, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((q) => ({ q }));
    return { source: NATURAL, queries };
  }
  throw new Error(`no query mix: neither ${QUERIES_JSON} nor ${NATURAL} exists`);
}

export function searchPath(q: MixQuery): string {
  const p = new URLSearchParams({ q: q.q });
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  return `/api/search?${p}`;
}

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}

function cannon(url: string, paths: string[], connections: number, seconds: number): Promise<Result> {
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }],
      },
      (err: Error | null, res: Result) => (err ? reject(err) : resolve(res)),
    );
  });
}

function sampleRss(server: Server, into: number[]): () => void {
  const timer = setInterval(() => {
    const m = server.memory();
    if (m) into.push(m.rss);
  }, 1000);
  return () => clearInterval(timer);
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const line = (r: Result) =>
  `${r.requests.average.toFixed(1)} req/s (${r.requests.total} requests), p50 ${ms(r.latency.p50)}, p90 ${ms(r.latency.p90)}, p99 ${ms(r.latency.p99)}, max ${ms(r.latency.max)}; ` +
  `errors ${r.errors} (timeouts ${r.timeouts}), non-2xx ${r.non2xx}`;

/** RSS levels off when the last third of the samples grows less than 10% over the middle third. */
export function levelsOff(samples: number[]): { ok: boolean; growth: number } {
  if (samples.length < 6) return { ok: true, growth: 0 };
  const third = Math.floor(samples.length / 3);
  const middle = Math.max(...samples.slice(third, 2 * third));
  const last = Math.max(...samples.slice(2 * third));
  const growth = (last - middle) / middle;
  return { ok: growth < 0.1, growth };
}

async function main() {
  const argv = process.argv.slice(2);
  const index = projectRelative(argValue(argv, '--index') ?? process.env.SEARCH_INDEX_DIR ?? 'data/index');
  const duration = Number(argValue(argv, '--duration') ?? 30);
  const connections = Number(argValue(argv, '--connections') ?? 50);
  const mix = loadMix();
  const paths = mix.queries.map(searchPath);
  // Cheap: rare words (the mix's "word-rare" queries, else the shortest queries), no date filter.
  const rare = mix.queries.filter((q) => q.type === 'word-rare' && !q.from);
  const cheapPaths = (rare.length ? rare : [...mix.queries].sort((a, b) => a.q.length - b.q.length).slice(0, 50)).map(searchPath);
  const heavyPath = `/api/search?q=${encodeURIComponent(EXPENSIVE_QUERY)}`;

  console.log(`bench:load: index ${index}; ${paths.length} queries from ${mix.source}; next start on 127.0.0.1`);
  const server = await startServer({ indexDir: index, env: { KAVOSH_SCHEDULER: 'on' } });
  const rss: number[] = [];
  try {
    const warm = await timedGet(`${server.url}${paths[0]}`);
    if (warm.status !== 200) throw new Error(`warm-up answered ${warm.status}: ${warm.body.slice(0, 200)}`);
    const heavyOnce = await timedGet(`${server.url}${heavyPath}`);
    const afterLoad = server.memory()?.rss ?? 0;
    console.log(`  index loaded by the first request (${ms(warm.ms)}); «${EXPENSIVE_QUERY}» alone: ${ms(heavyOnce.ms)}, ${JSON.parse(heavyOnce.body).total} matches; RSS ${mb(afterLoad)}`);

    // Phase 1: the mix.
    console.log(`\nPhase 1: ${connections} clients for ${duration} s over the mix`);
    const stop = sampleRss(server, rss);
    const mixed = await cannon(server.url, paths, connections, duration);
    stop();
    const flat = levelsOff(rss);
    console.log(`  ${line(mixed)}`);
    console.log(`  RSS every 5 s (MB): ${rss.filter((_, i) => i % 5 === 0).map((b) => (b / 2 ** 20).toFixed(0)).join(' ')}`);
    console.log(
      `  RSS every second: first ${mb(rss[0] ?? 0)}, last ${mb(rss.at(-1) ?? 0)}, max ${mb(Math.max(...rss))} ` +
        `(${rss.length} samples; last third vs middle third ${(flat.growth * 100).toFixed(1)}%: ${flat.ok ? 'levels off' : 'STILL GROWING'})`,
    );

    // Phase 2: cheap queries alone, then beside the expensive one.
    const phase = Number(argValue(argv, '--phase2') ?? Math.max(5, Math.round(Math.min(duration, 30) / 2)));
    const cheapClients = 8;
    const heavyClients = 4;
    console.log(`\nPhase 2: ${cheapClients} clients on ${cheapPaths.length} cheap queries for ${phase} s, alone and then beside ${heavyClients} clients on «${EXPENSIVE_QUERY}»`);
    const cheapAlone = await cannon(server.url, cheapPaths, cheapClients, phase);
    console.log(`  cheap alone:      ${line(cheapAlone)}`);
    const [cheapBeside, heavy] = await Promise.all([
      cannon(server.url, cheapPaths, cheapClients, phase),
      cannon(server.url, [heavyPath], heavyClients, phase),
    ]);
    console.log(`  cheap beside «${EXPENSIVE_QUERY}»: ${line(cheapBeside)}`);
    console.log(`  «${EXPENSIVE_QUERY}» itself:    ${line(heavy)}`);

    // Phase 3: 46 cheap and 4 expensive clients at once, with and without the scheduler.
    const phase3 = Number(argValue(argv, '--phase3') ?? Math.min(duration, 30));
    const heavyPaths = EXPENSIVE_QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
    const mixedRun = async (url: string) => {
      const [cheap, expensive] = await Promise.all([cannon(url, cheapPaths, 46, phase3), cannon(url, heavyPaths, 4, phase3)]);
      return { cheap, expensive };
    };
    console.log(`\nPhase 3: 46 clients on ${cheapPaths.length} cheap queries beside 4 on ${heavyPaths.length} common words, ${phase3} s, scheduler on`);
    const on = await mixedRun(server.url);
    console.log(`  cheap:     ${line(on.cheap)}`);
    console.log(`  expensive: ${line(on.expensive)} (503 busy: ${on.expensive.statusCodeStats?.['503']?.count ?? 0})`);
    let off: { cheap: Result; expensive: Result } | null = null;
    if ((argValue(argv, '--scheduler') ?? 'both') !== 'on') {
      await server.stop();
      console.log(`  … the same on a server started with KAVOSH_SCHEDULER=off`);
      const baseline = await startServer({ indexDir: index, env: { KAVOSH_SCHEDULER: 'off' } });
      try {
        await timedGet(`${baseline.url}${paths[0]}`);
        off = await mixedRun(baseline.url);
      } finally {
        await baseline.stop();
      }
      console.log(`  cheap:     ${line(off.cheap)}`);
      console.log(`  expensive: ${line(off.expensive)}`);
    }

    const busy = on.expensive.statusCodeStats?.['503']?.count ?? 0;
    const errors =
      mixed.errors + mixed.non2xx + cheapAlone.errors + cheapAlone.non2xx + cheapBeside.errors + cheapBeside.non2xx + heavy.errors + heavy.non2xx +
      on.cheap.errors + on.cheap.non2xx + on.expensive.errors + (on.expensive.non2xx - busy) + (off ? off.cheap.errors + off.cheap.non2xx + off.expensive.errors + off.expensive.non2xx : 0);
    const summary = {
      at: new Date().toISOString(),
      index,
      mix: mix.source,
      queries: paths.length,
      connections,
      duration,
      rssAfterLoad: afterLoad,
      phase1: { ...pick(mixed), rss: { first: rss[0], last: rss.at(-1), max: Math.max(...rss), growth: flat.growth, samplesMB: rss.map((b) => Math.round(b / 2 ** 20)) } },
      phase2: { cheapAlone: pick(cheapAlone), cheapBeside: pick(cheapBeside), heavy: pick(heavy) },
      phase3: { seconds: phase3, on: { cheap: pick(on.cheap), expensive: pick(on.expensive) }, off: off && { cheap: pick(off.cheap), expensive: pick(off.expensive) } },
    };
    const out = argValue(argv, '--out') ?? path.join(ROOT, 'bench', '.cache', `load-${path.basename(index)}.json`);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(summary, null, 2) + '\n');

    console.log('\nSummary');
    console.log(`  mix (${connections} clients, ${duration} s): ${mixed.requests.average.toFixed(1)} req/s, p50 ${ms(mixed.latency.p50)}, p99 ${ms(mixed.latency.p99)}, errors ${mixed.errors}, non-2xx ${mixed.non2xx}`);
    console.log(`  RSS: first ${mb(rss[0] ?? 0)}, last ${mb(rss.at(-1) ?? 0)}, max ${mb(Math.max(...rss))}: ${flat.ok ? 'levels off' : 'still growing'}`);
    console.log(`  cheap p99: ${ms(cheapAlone.latency.p99)} alone, ${ms(cheapBeside.latency.p99)} while «${EXPENSIVE_QUERY}» runs (its own p50 ${ms(heavy.latency.p50)})`);
    console.log(
      `  46 cheap beside 4 expensive clients: cheap p50 ${ms(on.cheap.latency.p50)} / p99 ${ms(on.cheap.latency.p99)} with the scheduler` +
        (off ? `, ${ms(off.cheap.latency.p50)} / ${ms(off.cheap.latency.p99)} without (p99 ratio ${(on.cheap.latency.p99 / Math.max(1, off.cheap.latency.p99)).toFixed(2)})` : '') +
        `; expensive p50 ${ms(on.expensive.latency.p50)}` + (off ? ` (${ms(off.expensive.latency.p50)} without)` : ''),
    );
    console.log(`  written to ${path.relative(ROOT, out)}`);
    if (errors > 0) {
      console.error(`bench:load: FAIL: ${errors} errors or non-2xx answers`);
      process.exitCode = 1;
    }
    if (!flat.ok) {
      console.error('bench:load: FAIL: the server\'s memory was still growing at the end');
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
  }
}

function pick(r: Result) {
  return {
    rps: r.requests.average,
    requests: r.requests.total,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
  };
}

if (process.argv[1] && /load[\\/]run\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(`bench:load: ${(e as Error).stack ?? e}`);
    process.exit(1);
  });
}
