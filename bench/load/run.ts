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
//      seconds (default 30), once per configuration in --configs (default worker,off; see CONFIGS), each
//      on a fresh server, --rounds times in turn; then the 46 cheap clients alone (the floor).
//      The cheap queries' p50/p99 and the expensive rate per configuration, medians over rounds.
//      --cheap-rate N: the 46 cheap clients send N requests a second in all instead of as fast as answered.
//   A phase of 0 seconds is skipped: `--duration 0 --phase2 0` runs phase 3 alone.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import { EXPENSIVE_COST } from '../../lib/search/scheduler';
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

/** Phase 3's configurations: how the server runs expensive searches. */
const CONFIGS: Record<string, Record<string, string>> = {
  /** In a search worker (lib/search/serve-search.ts): the default on two cores or more. */
  worker: { KAVOSH_SEARCH_WORKERS: '1', KAVOSH_SCHEDULER: 'off' },
  /** The same with the worker at the main thread's priority (KAVOSH_WORKER_NICE=0). */
  worker0: { KAVOSH_SEARCH_WORKERS: '1', KAVOSH_SCHEDULER: 'off', KAVOSH_WORKER_NICE: '0' },
  /** On the server's one thread, in arrival order. */
  off: { KAVOSH_SEARCH_WORKERS: '0', KAVOSH_SCHEDULER: 'off' },
  /** On the server's thread, one at a time, each turn yielding up to 100 ms to cheap requests (scheduler.ts). */
  on: { KAVOSH_SEARCH_WORKERS: '0', KAVOSH_SCHEDULER: 'on' },
  /** The same turns without the yield. */
  priority: { KAVOSH_SEARCH_WORKERS: '0', KAVOSH_SCHEDULER: 'priority' },
};

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

const SKIPPED: Result = {
  requests: { average: 0, total: 0 },
  latency: { p50: 0, p90: 0, p99: 0, max: 0, average: 0 },
  errors: 0,
  timeouts: 0,
  non2xx: 0,
  duration: 0,
  statusCodeStats: {},
};

/** A phase of 0 seconds is skipped (`--duration 0 --phase2 0` runs phase 3 alone). */
function cannon(url: string, paths: string[], connections: number, seconds: number, overallRate?: number): Promise<Result> {
  if (seconds <= 0) return Promise.resolve(SKIPPED);
  let i = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        ...(overallRate ? { overallRate } : {}),
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
  const server = await startServer({ indexDir: index });
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

    // Phase 3: 46 cheap and 4 expensive clients at once, each configuration on a fresh server (a
    // server that has run phases 1 and 2 has a larger heap than one that has not), in turn, and
    // the cheap clients alone on the last one: the floor an expensive client can only raise.
    const phase3 = Number(argValue(argv, '--phase3') ?? Math.min(duration, 30));
    const rounds = Number(argValue(argv, '--rounds') ?? 1);
    // 0: each cheap client sends its next query when the last is answered, which keeps the server's thread
    // saturated whatever the expensive clients do; a rate below what the server can answer shows what the
    // expensive searches alone add to a cheap one's wait.
    const cheapRate = Number(argValue(argv, '--cheap-rate') ?? 0);
    const configs = (argValue(argv, '--configs') ?? 'worker,off').split(',').filter(Boolean);
    for (const c of configs) if (!(c in CONFIGS)) throw new Error(`--configs: «${c}» is not one of ${Object.keys(CONFIGS).join(', ')}`);
    const heavyPaths = EXPENSIVE_QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
    console.log(
      `\nPhase 3: 46 clients on ${cheapPaths.length} cheap queries beside 4 on ${heavyPaths.length} common words, ${phase3} s, ` +
        `configurations ${configs.join(', ')}, ${rounds} round(s), each on a fresh server`,
    );
    await server.stop();
    const runs: Record<string, { cheap: Result; expensive: Result; dear: Result }[]> = {};
    let cheapFloor: Result | null = null;
    // The rare words the server prices as expensive (a compound whose halves are common words, «جداکننده»)
    // go where the expensive searches go: they are reported apart, by two clients of their own.
    const priced = await (async () => {
      const probe = await startServer({ indexDir: index, env: CONFIGS.off! });
      try {
        const cheap: string[] = [];
        const dear: string[] = [];
        for (const p of cheapPaths) {
          const res = await fetch(`${probe.url}${p}`);
          await res.arrayBuffer();
          (Number(res.headers.get('x-kavosh-cost')) < EXPENSIVE_COST ? cheap : dear).push(p);
        }
        return { cheap, dear };
      } finally {
        await probe.stop();
      }
    })();
    console.log(`  of the ${cheapPaths.length} rare words, ${priced.dear.length} are priced expensive (≥ ${EXPENSIVE_COST}): ${priced.dear.map((p) => new URLSearchParams(p.split('?')[1]).get('q')).join(', ')}; two clients send them apart`);
    const cheapClients3 = priced.dear.length ? 44 : 46;
    for (let round = 0; round < rounds; round++) {
      for (const config of configs) {
        const fresh = await startServer({ indexDir: index, env: CONFIGS[config] });
        try {
          await timedGet(`${fresh.url}${paths[0]}`);
          for (const p of [...heavyPaths, ...cheapPaths]) await timedGet(`${fresh.url}${p}`);
          const [cheap, expensive, dear] = await Promise.all([
            cannon(fresh.url, priced.cheap, cheapClients3, phase3, cheapRate),
            cannon(fresh.url, heavyPaths, 4, phase3),
            priced.dear.length ? cannon(fresh.url, priced.dear, 2, phase3) : Promise.resolve(SKIPPED),
          ]);
          (runs[config] ??= []).push({ cheap, expensive, dear });
          console.log(`  ${config}, round ${round + 1}: cheap     ${line(cheap)}`);
          if (priced.dear.length) console.log(`  ${config}, round ${round + 1}: rare, priced expensive ${line(dear)}`);
          console.log(`  ${config}, round ${round + 1}: expensive ${line(expensive)} (503 busy: ${expensive.statusCodeStats?.['503']?.count ?? 0})`);
          if (round === rounds - 1 && config === configs.at(-1)) {
            cheapFloor = await cannon(fresh.url, priced.cheap, cheapClients3, phase3, cheapRate);
            console.log(`  ${cheapClients3} cheap clients alone: ${line(cheapFloor)}`);
          }
        } finally {
          await fresh.stop();
        }
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
    const bad = (r: Result | null, allowBusy = false) => (r ? r.errors + r.non2xx - (allowBusy ? (r.statusCodeStats?.['503']?.count ?? 0) : 0) : 0);
    const errors =
      [mixed, cheapAlone, cheapBeside, heavy, cheapFloor].reduce((n, r) => n + bad(r), 0) +
      Object.values(runs).flat().reduce((n, r) => n + bad(r.cheap) + bad(r.expensive, true) + bad(r.dear, true), 0);
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
      phase3: {
        seconds: phase3,
        rounds,
        cheapRate,
        cheapAlone: cheapFloor && pick(cheapFloor),
        configs: Object.fromEntries(Object.entries(runs).map(([c, rs]) => [c, rs.map((r) => ({ cheap: pick(r.cheap), rarePricedExpensive: pick(r.dear), expensive: pick(r.expensive) }))])),
      },
    };
    const out = argValue(argv, '--out') ?? path.join(ROOT, 'bench', '.cache', `load-${path.basename(index)}.json`);
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(summary, null, 2) + '\n');

    console.log('\nSummary');
    console.log(`  mix (${connections} clients, ${duration} s): ${mixed.requests.average.toFixed(1)} req/s, p50 ${ms(mixed.latency.p50)}, p99 ${ms(mixed.latency.p99)}, errors ${mixed.errors}, non-2xx ${mixed.non2xx}`);
    console.log(`  RSS: first ${mb(rss[0] ?? 0)}, last ${mb(rss.at(-1) ?? 0)}, max ${mb(Math.max(...rss))}: ${flat.ok ? 'levels off' : 'still growing'}`);
    console.log(`  cheap p99: ${ms(cheapAlone.latency.p99)} alone, ${ms(cheapBeside.latency.p99)} while «${EXPENSIVE_QUERY}» runs (its own p50 ${ms(heavy.latency.p50)})`);
    for (const [config, rs] of Object.entries(runs)) {
      const m = (f: (r: { cheap: Result; expensive: Result; dear: Result }) => number) => ms(median(rs.map(f)));
      console.log(
        `  ${cheapClients3} cheap${cheapRate ? ` (${cheapRate} req/s in all)` : ''} beside 4 expensive clients, ${config} (median of ${rs.length}): cheap p50 ${m((r) => r.cheap.latency.p50)} / p99 ${m((r) => r.cheap.latency.p99)}, ` +
          (priced.dear.length ? `rare priced expensive p50 ${m((r) => r.dear.latency.p50)} / p99 ${m((r) => r.dear.latency.p99)}, ` : '') +
          `expensive p50 ${m((r) => r.expensive.latency.p50)} / p99 ${m((r) => r.expensive.latency.p99)}, ${median(rs.map((r) => r.expensive.requests.average)).toFixed(1)} expensive/s`,
      );
    }
    if (cheapFloor) console.log(`  ${cheapClients3} cheap clients${cheapRate ? ` (${cheapRate} req/s in all)` : ''} alone: p50 ${ms(cheapFloor.latency.p50)} / p99 ${ms(cheapFloor.latency.p99)}`);
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
