// `npm run bench:query`: query speed of Kavosh at 100,000 articles.
//
//   tsx bench/query/run.ts [--shared <dir>] [--repeat N] [--rebuild] [--rebuild-corpus]
//                          [--regen-queries] [--profile [auto|type,type]] [--cpu-prof]
//
// 1. the bench corpus (bench/.cache/corpus-100k.jsonl.gz, made once; see corpus.ts);
// 2. its index, built with the product's builder in a child process (only
//    when missing or --rebuild): wall time, CPU time and peak RSS;
// 3. the query mix of bench/query/queries.json (generated with a fixed seed
//    when missing or --regen-queries; see queries.ts);
// 4. a fresh child process loads the index and times every query (measure.ts),
//    and the same questions as plain FlexSearch searches (the floor);
// 5. the figures against the targets of issue 4, and bench/query/out/latest.json.
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { table } from '../eval/report';
import { heading, sourceFingerprint } from '../console';
import type { BuildReport } from './build-child';
import { describeCorpus, makeBenchCorpus, type CorpusInfo } from './corpus';
import type { MeasureConfig, MeasureReport } from './measure';
import { BUILD_INFO_FILE, CORPUS_FILE, INDEX_DIR, OUT_DIR, PROJECT_ROOT, QUERIES_FILE, requireShared } from './paths';
import { INDEX_FORMAT, MANIFEST_FILE } from '../../lib/search/layout';
import { formatSummary, summarize, type CpuProfile } from './profile';
import { QUERY_TYPES, readQueryMix, writeQueryMix, type BenchQuery } from './queries';
import { median, medianOfRuns, mib, msText, percentiles, type Percentiles } from './stats';

const USAGE = `usage: npm run bench:query -- [--shared <dir>] [--repeat N] [--rebuild] [--rebuild-corpus]
                                [--regen-queries] [--profile [auto|type,type]] [--cpu-prof]
  --shared          the folder holding corpus/ and eval/ (default: KAVOSH_SHARED, else ../shared)
  --repeat N        run the mix N times in the child and report the median of each percentile (default 1)
  --rebuild         rebuild bench/.cache/index-100k even if it exists
  --rebuild-corpus  remake bench/.cache/corpus-100k.jsonl.gz (implies --rebuild)
  --regen-queries   regenerate bench/query/queries.json (changes the committed mix!)
  --profile [what]  profile and print the top self-time functions: comma-separated query types,
                    "auto" (the two slowest types by p95, the default) and/or "load" (loadEngine;
                    its time is then taken under the profiler)
  --cpu-prof        also run the measuring child under node --cpu-prof (whole process, into bench/query/out/)`;

const TARGETS = { loadMs: 2000, rssBytes: 1.5e9, p50: 5, p95: 25, commonWordMs: 50 };

function args() {
  try {
    const { values } = parseArgs({
      options: {
        shared: { type: 'string' },
        repeat: { type: 'string', default: '1' },
        rebuild: { type: 'boolean', default: false },
        'rebuild-corpus': { type: 'boolean', default: false },
        'regen-queries': { type: 'boolean', default: false },
        profile: { type: 'string' },
        'cpu-prof': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    const repeat = Number(values.repeat);
    if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat takes a whole number ≥ 1');
    return { ...values, repeat };
  } catch (e) {
    // `--profile` alone: parseArgs wants a value; treat it as "auto".
    const argv = process.argv.slice(2);
    const i = argv.indexOf('--profile');
    if (i >= 0 && (i === argv.length - 1 || argv[i + 1].startsWith('--'))) {
      process.argv.splice(2 + i + 1, 0, 'auto');
      return args();
    }
    console.error(`bench:query: ${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

/** A hash of the engine's sources (lib/), so a figure can be tied to the code it measured. */
function fingerprint(): string {
  return sourceFingerprint(['lib'].map((d) => path.join(PROJECT_ROOT, d)));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function dirBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p);
    total += st.isDirectory() ? dirBytes(p) : st.size;
  }
  return total;
}

/** Runs a TypeScript module in a child node with tsx; resolves with the one message it sends. */
function child<T>(file: string, argv: string[], execArgv: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = fork(path.join(PROJECT_ROOT, 'bench', 'query', file), argv, {
      cwd: PROJECT_ROOT,
      execArgv: [...execArgv, '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let message: T | undefined;
    proc.on('message', (m) => (message = m as T));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (message !== undefined) resolve(message);
      else reject(new Error(`${file} ended with ${signal ?? `exit code ${code}`} and no report`));
    });
  });
}

interface TypeRow {
  type: string;
  n: number;
  dated: number;
  found: number;
  ours: Percentiles;
  cpu: Percentiles;
  floor: Percentiles;
}

async function main() {
  const opts = args();
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  const shared = requireShared(opts.shared, 'bench:query');
  const started = performance.now();
  const steps: Record<string, number> = {};
  mkdirSync(OUT_DIR, { recursive: true });
  console.log(
    `Kavosh query benchmark · node ${process.version} · ${os.cpus().length} CPUs · load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} · shared: ${shared} · lib ${fingerprint()}`,
  );

  // --- 1. corpus ----------------------------------------------------------------
  heading('Bench corpus');
  let t = performance.now();
  let corpus: CorpusInfo;
  const corpusMade = opts['rebuild-corpus'] || !existsSync(CORPUS_FILE);
  if (corpusMade) {
    console.log(`making ${path.relative(PROJECT_ROOT, CORPUS_FILE)} …`);
    corpus = await makeBenchCorpus(shared);
  } else {
    corpus = JSON.parse(readFileSync(`${CORPUS_FILE}.json`, 'utf8')) as CorpusInfo;
  }
  steps.corpus = performance.now() - t;
  console.log(`${describeCorpus(corpus)}`);
  console.log(`${path.relative(PROJECT_ROOT, CORPUS_FILE)}: ${mib(statSync(CORPUS_FILE).size)} gzipped · ${corpusMade ? `made in ${seconds(corpus.ms)}` : 'cached'}`);

  // --- 2. index -----------------------------------------------------------------
  heading('Index build (index-builder/build.ts buildIndex, child process)');
  t = performance.now();
  const manifestFile = path.join(INDEX_DIR, MANIFEST_FILE);
  const builtFormat = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as { format?: number }).format : undefined;
  const why = opts.rebuild
    ? '--rebuild'
    : corpusMade
      ? 'the corpus was remade'
      : builtFormat === undefined
        ? 'no index yet'
        : builtFormat !== INDEX_FORMAT
          ? `the cached index has format ${builtFormat}, lib/ reads ${INDEX_FORMAT}`
          : !existsSync(BUILD_INFO_FILE)
            ? 'no build figures kept'
            : null;
  const needBuild = why !== null;
  let build: BuildReport & { at?: string };
  if (needBuild) {
    console.log(`building ${path.relative(PROJECT_ROOT, INDEX_DIR)} from ${path.relative(PROJECT_ROOT, CORPUS_FILE)} (${why}) …`);
    build = await child<BuildReport>('build-child.ts', [CORPUS_FILE, INDEX_DIR]);
    if (!build.ok) {
      console.error(`bench:query: the index build failed after ${seconds(build.ms)}:\n${build.error}`);
      process.exit(1);
    }
    build.at = new Date().toISOString();
    writeFileSync(BUILD_INFO_FILE, JSON.stringify(build, null, 2) + '\n');
  } else {
    build = JSON.parse(readFileSync(BUILD_INFO_FILE, 'utf8')) as BuildReport & { at?: string };
  }
  steps.build = performance.now() - t;
  const indexBytes = dirBytes(INDEX_DIR);
  const flexBytes = dirBytes(path.join(INDEX_DIR, 'flex'));
  console.log(
    `${needBuild ? 'built now' : `cached (built ${build.at ?? '?'})`}: ${build.indexed.toLocaleString('en-US')} articles, ` +
      `${build.rejected} rejected · wall ${seconds(build.ms)} (read ${seconds(build.phases.read)}, analyze+add ${seconds(build.phases.analyze)}, ` +
      `write ${seconds(build.phases.write)}) · CPU ${seconds(build.cpuMs)} · peak RSS ${mib(build.maxRssBytes)}`,
  );
  console.log(`on disk: ${mib(indexBytes)} (FlexSearch export ${mib(flexBytes)})`);

  // --- 3. queries ---------------------------------------------------------------
  heading('Query mix');
  t = performance.now();
  if (opts['regen-queries'] || !existsSync(QUERIES_FILE)) {
    console.log(`generating ${path.relative(PROJECT_ROOT, QUERIES_FILE)} …`);
    await writeQueryMix(shared);
  }
  const mix = readQueryMix();
  steps.queries = performance.now() - t;
  const queries: BenchQuery[] = mix.queries;
  const commonWord = `${mix.mostCommon[0].term} `;
  console.log(
    `${queries.length} queries (seed ${mix.seed}), ${mix.dated} with a date filter: ` +
      QUERY_TYPES.map((ty) => `${ty} ${mix.counts[ty] ?? 0}`).join(', '),
  );

  // --- 4. measure ---------------------------------------------------------------
  heading(`Queries (fresh process, --repeat ${opts.repeat})`);
  t = performance.now();
  const profileFile = path.join(OUT_DIR, 'engine.cpuprofile');
  const config: MeasureConfig = {
    indexDir: INDEX_DIR,
    queries,
    repeat: opts.repeat,
    profile: opts.profile ? opts.profile.split(',').map((s) => s.trim()).filter(Boolean) : [],
    profileFile,
    profileMs: 8000,
    commonWord,
  };
  const configFile = path.join(OUT_DIR, 'measure-config.json');
  writeFileSync(configFile, JSON.stringify(config));
  const execArgv = ['--expose-gc', ...(opts['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${OUT_DIR}`] : [])];
  const m = await child<MeasureReport>('measure.ts', [configFile], execArgv);
  steps.measure = performance.now() - t;

  console.log(
    `load: loadEngine ${m.loadMs.toFixed(0)} ms (CPU ${m.loadCpuMs.toFixed(0)} ms${m.loadProfiled ? ', under the profiler' : ''}) · ` +
      `process start → engine ready ${m.readyS.toFixed(2)} s (node + tsx + imports ${m.importS.toFixed(2)} s)`,
  );
  const mem = m.memoryAfterLoad;
  console.log(
    `RSS after load${m.gcExposed ? ' (after gc)' : ''}: ${mib(mem.rss)} · heap used ${mib(mem.heapUsed)} · ` +
      `external ${mib(mem.external)} (array buffers ${mib(mem.arrayBuffers)})`,
  );
  console.log(
    `floor: second FlexSearch Index imported from the same files in ${m.floorLoadMs.toFixed(0)} ms ` +
      `(RSS then ${mib(m.memoryAfterFloorLoad.rss)}, +${mib(m.memoryAfterFloorLoad.rss - mem.rss)})`,
  );

  const pick = (runs: number[][], idx: number[]) => medianOfRuns(runs.map((run) => percentiles(idx.map((i) => run[i]))));
  const rowFor = (type: string, idx: number[]): TypeRow => ({
    type,
    n: idx.length,
    dated: idx.filter((i) => queries[i].from || queries[i].to).length,
    found: idx.filter((i) => m.outcomes[i].total > 0).length,
    ours: pick(m.engineMs, idx),
    cpu: pick(m.engineCpuMs, idx),
    floor: pick(m.floorMs, idx),
  });
  const all = queries.map((_, i) => i);
  const rows: TypeRow[] = [
    ...QUERY_TYPES.map((type) => rowFor(type, all.filter((i) => queries[i].type === type))),
    rowFor('dated (any type)', all.filter((i) => queries[i].from || queries[i].to)),
    rowFor('undated (any type)', all.filter((i) => !queries[i].from && !queries[i].to)),
  ];
  const whole = rowFor('ALL', all);
  const ratio = (a: number, b: number) => {
    if (!(b > 0)) return 'n/a';
    const r = a / b;
    return `${r < 10 ? r.toFixed(1) : r.toFixed(0)}×`;
  };
  const render = (r: TypeRow) => [
    r.type,
    r.n,
    r.dated,
    r.found,
    msText(r.ours.p50),
    msText(r.ours.p95),
    msText(r.ours.p99),
    msText(r.ours.max),
    msText(r.cpu.p50),
    msText(r.cpu.p95),
    msText(r.floor.p50),
    msText(r.floor.p95),
    msText(r.floor.p99),
    msText(r.floor.max),
    ratio(r.ours.p50, r.floor.p50),
    ratio(r.ours.p95, r.floor.p95),
  ];
  console.log(`\nms per query${opts.repeat > 1 ? ` (median over ${opts.repeat} runs of each percentile)` : ''}; "ours" = engine.search: total, facets, 10 results with snippets`);
  console.log(
    table(
      ['type', 'n', 'dated', 'total>0', 'ours p50', 'p95', 'p99', 'max', 'cpu p50', 'cpu p95', 'floor p50', 'p95', 'p99', 'max', 'ours/floor p50', 'p95'],
      [...rows.map(render), render(whole)],
    ),
  );
  const found = m.outcomes.filter((o) => o.total > 0).length;
  console.log(`\nqueries with total > 0: ${found} of ${queries.length} (floor found something for ${m.floorHits.filter((h) => h > 0).length})`);
  if (m.errors.length > 0) {
    console.log(`ERRORS: ${m.errors.length} queries threw, e.g.`);
    for (const e of m.errors.slice(0, 5)) console.log(`  ${JSON.stringify(queries[e.index])}: ${e.message}`);
  }
  const short = m.outcomes.filter((o) => o.total > 0 && o.results !== Math.min(10, o.total)).length;
  if (short > 0) console.log(`WARNING: ${short} answers had fewer results than min(10, total)`);

  const cw = m.commonWord;
  const cwMedian = median([cw.firstMs, ...cw.moreMs]);
  console.log(
    `most common word «${cw.q.trim()}» (df ${mix.mostCommon[0].df.toLocaleString('en-US')} in the originals): total ${cw.total.toLocaleString('en-US')}, ` +
      `${cw.results} results, facets ${cw.facets.years} years / ${cw.facets.months} months / ${cw.facets.sources} sources / ${cw.facets.tags} tags · ` +
      `first ${cw.firstMs.toFixed(1)} ms, median of 6 ${cwMedian.toFixed(1)} ms`,
  );
  if (m.count) {
    const c = percentiles(m.count.countMs);
    const s = percentiles(m.count.searchMs);
    console.log(
      `count only (engine.count: no ranking, facets, order or text; the no-results relaxations), ${c.n} queries in turn with engine.search: ` +
        `p50 ${c.p50.toFixed(2)} vs ${s.p50.toFixed(2)} ms (${(c.p50 / s.p50).toFixed(2)}×), p95 ${c.p95.toFixed(2)} vs ${s.p95.toFixed(2)} ms (${(c.p95 / s.p95).toFixed(2)}×)`,
    );
  }

  const perQuery = queries.map((q, i) => ({
    ...q,
    total: m.outcomes[i].total,
    ms: median(m.engineMs.map((run) => run[i])),
    cpuMs: median(m.engineCpuMs.map((run) => run[i])),
    floorMs: median(m.floorMs.map((run) => run[i])),
  }));
  const slowest = [...perQuery].sort((a, b) => b.ms - a.ms).slice(0, 12);
  console.log('\nslowest queries (ms, cpu ms, type, total, query, dates):');
  for (const q of slowest) {
    const dates = q.from || q.to ? ` [${q.from ?? ''}..${q.to ?? ''}]` : '';
    console.log(`  ${msText(q.ms).padStart(6)} ${msText(q.cpuMs).padStart(6)}  ${q.type.padEnd(15)} ${String(q.total).padStart(6)}  ${JSON.stringify(q.q)}${dates}`);
  }

  // --- 5. targets -----------------------------------------------------------------
  heading('Targets (issue 4, this 2-core machine)');
  const checks = [
    { target: 'cold load ≤ 2 s (loadEngine, fresh process)', value: `${(m.loadMs / 1000).toFixed(2)} s`, ok: m.loadMs <= TARGETS.loadMs },
    { target: 'RSS after load ≤ 1.5 GB', value: `${(mem.rss / 1e9).toFixed(2)} GB (${mib(mem.rss)})`, ok: mem.rss <= TARGETS.rssBytes },
    { target: 'p50 ≤ 5 ms, whole mix', value: `${msText(whole.ours.p50)} ms`, ok: whole.ours.p50 <= TARGETS.p50 },
    { target: 'p95 ≤ 25 ms, whole mix', value: `${msText(whole.ours.p95)} ms`, ok: whole.ours.p95 <= TARGETS.p95 },
    { target: 'most common word ≤ 50 ms (first answer)', value: `${cw.firstMs.toFixed(1)} ms`, ok: cw.firstMs <= TARGETS.commonWordMs },
  ];
  console.log(table(['target', 'measured', ''], checks.map((c) => [c.target, c.value, verdict(c.ok)])));

  let profileText: string | undefined;
  let loadProfileText: string | undefined;
  if (m.loadProfile) {
    heading('Profile: loadEngine');
    loadProfileText = formatSummary(summarize(JSON.parse(readFileSync(m.loadProfile.file, 'utf8')) as CpuProfile, 20));
    console.log(`→ ${path.relative(PROJECT_ROOT, m.loadProfile.file)}`);
    console.log(loadProfileText);
  }
  if (m.profile) {
    heading(`Profile: engine.search on ${m.profile.types.join(', ')}`);
    const summary = summarize(JSON.parse(readFileSync(m.profile.file, 'utf8')) as CpuProfile, 25);
    profileText = formatSummary(summary);
    console.log(`${m.profile.queries} queries in ${seconds(m.profile.ms)}, sampled every 0.1 ms → ${path.relative(PROJECT_ROOT, m.profile.file)}`);
    console.log(profileText);
  }
  if (opts['cpu-prof']) console.log(`\nwhole-process CPU profile of the child written to ${path.relative(PROJECT_ROOT, OUT_DIR)}/*.cpuprofile (tsx bench/query/profile.ts <file>)`);

  steps.total = performance.now() - started;
  heading('Steps');
  console.log(Object.entries(steps).map(([k, v]) => `${k} ${seconds(v)}`).join(' · '));

  const latest = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg(),
    repeat: opts.repeat,
    corpus,
    build: { ...build, builtThisRun: needBuild, indexBytes, flexBytes },
    load: { loadMs: m.loadMs, loadCpuMs: m.loadCpuMs, profiled: m.loadProfiled, readyS: m.readyS, importS: m.importS, memoryAfterLoad: mem, floorLoadMs: m.floorLoadMs, memoryAfterFloorLoad: m.memoryAfterFloorLoad },
    queries: { file: path.relative(PROJECT_ROOT, QUERIES_FILE), seed: mix.seed, count: queries.length, dated: mix.dated, withResults: found, errors: m.errors },
    byType: Object.fromEntries([...rows, whole].map((r) => [r.type, { n: r.n, dated: r.dated, found: r.found, ours: r.ours, cpu: r.cpu, floor: r.floor }])),
    commonWord: { ...cw, medianMs: cwMedian },
    targets: checks,
    steps,
    profile: m.profile ? { ...m.profile, summary: profileText } : undefined,
    loadProfile: m.loadProfile ? { ...m.loadProfile, summary: loadProfileText } : undefined,
    libFingerprint: fingerprint(),
    perQuery,
  };
  writeFileSync(path.join(OUT_DIR, 'latest.json'), JSON.stringify(latest, null, 2) + '\n');
  console.log(`figures → ${path.relative(PROJECT_ROOT, path.join(OUT_DIR, 'latest.json'))}`);
}

await main();
