// npm run bench:compare [-- --shared ../shared] [--corpus <file.jsonl.gz>] [--index <dir>] [--lucene-index <dir>]
//                          [--per-class 150] [--concurrency 8] [--modes and,or] [--workers N] [--out <file.json>]
//   --workers N: Kavosh served by `npm run start:cluster` with N processes (scripts/cluster.mjs) instead of one `next start`
//
// Kavosh beside Lucene 8.7 (PersianAnalyzer, BM25, ids only) on the same corpus, measured in the same run:
// starts both servers (Kavosh by `next start` over its index, Lucene by ../shared/anchors/lucene/lucene.sh),
// runs ../shared/bench/research-latency.mjs (every query to each server in turn, AND and OR, then N requests
// in flight), prints its figures and the Kavosh/Lucene ratios, and stops both. The default corpus is the 100k
// bench corpus (`npm run bench:corpus`); its Kavosh index is bench/.cache/index-100k and its Lucene index
// bench/.cache/lucene-100k, each built when missing. Never part of `npm test`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, argValue, freePort, projectRelative, startServer, timedGet } from '../../scripts/server';

const LUCENE_JARS = ['lucene-core-8.7.0.jar', 'lucene-analyzers-common-8.7.0.jar', 'lucene-queryparser-8.7.0.jar'].map((j) => path.join('/usr/share/java', j));
const INSTALL = 'apt-get update && apt-get install -y liblucene8-java default-jdk-headless';

function fail(message: string): never {
  console.error(`bench:compare: ${message}`);
  process.exit(1);
}

/** What the machine lacks to run the Lucene anchor, in words a user can act on; null when nothing. */
export function luceneMissing(exists: (file: string) => boolean = existsSync, hasJavac = () => spawnSync('javac', ['-version']).status === 0): string | null {
  const jars = LUCENE_JARS.filter((j) => !exists(j));
  if (jars.length > 0) return `Lucene 8.7 is not installed (missing ${jars.map((j) => path.basename(j)).join(', ')}): run ${INSTALL}`;
  if (!hasJavac()) return `no JDK (javac) found: run ${INSTALL}`;
  return null;
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

async function waitFor(url: string, child: ChildProcess, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`${what} exited with ${child.exitCode} before answering`);
    try {
      const r = await timedGet(url);
      if (r.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`${what} did not answer ${url} within ${timeoutMs / 1000} s`);
}

function stop(child: ChildProcess): void {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
}

interface Stats {
  p50: number;
  p95: number;
  tookP50: number;
  meanTotal: number;
}
interface Report {
  corpusDocs: number;
  modes: Record<string, Record<string, Record<string, Stats>>>;
  throughput?: Record<string, Record<string, Stats & { qps: number }>>;
}

async function main() {
  const argv = process.argv.slice(2);
  const shared = path.resolve(argValue(argv, '--shared') ?? process.env.KAVOSH_SHARED ?? path.join(ROOT, '..', 'shared'));
  const harness = path.join(shared, 'bench', 'research-latency.mjs');
  const anchor = path.join(shared, 'anchors', 'lucene', 'lucene.sh');
  if (!existsSync(harness) || !existsSync(anchor)) fail(`no ${path.relative(ROOT, harness)} or ${path.relative(ROOT, anchor)}: pass --shared <the folder holding bench/ and anchors/> (or set KAVOSH_SHARED)`);
  const missing = luceneMissing();
  if (missing) fail(missing);

  const corpus = path.resolve(argValue(argv, '--corpus') ?? path.join(ROOT, 'bench', '.cache', 'corpus-100k.jsonl.gz'));
  if (!existsSync(corpus)) fail(`no corpus ${path.relative(ROOT, corpus)}: make the 100k bench corpus with npm run bench:corpus -- --shared ${shared}, or pass --corpus`);
  const index = projectRelative(argValue(argv, '--index') ?? path.join('bench', '.cache', 'index-100k'));
  const luceneIndex = path.resolve(argValue(argv, '--lucene-index') ?? path.join(ROOT, 'bench', '.cache', 'lucene-100k'));
  const out = path.resolve(argValue(argv, '--out') ?? path.join(ROOT, 'bench', '.cache', 'compare.json'));

  if (!existsSync(path.join(ROOT, index, 'manifest.json'))) {
    console.log(`bench:compare: building the Kavosh index ${index}`);
    run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'index-builder', 'cli.ts'), '--input', corpus, '--out', path.join(ROOT, index), '--quiet']);
  }
  if (!readdirSafe(luceneIndex).some((f) => f.startsWith('segments_'))) {
    console.log(`bench:compare: building the Lucene index ${path.relative(ROOT, luceneIndex)}`);
    await mkdir(luceneIndex, { recursive: true });
    run('bash', [anchor, 'build', '--out', luceneIndex, corpus]);
  }

  const lucenePort = await freePort();
  const lucene = spawn('bash', [anchor, 'serve', '--index', luceneIndex, '--port', String(lucenePort)], { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const workersText = argValue(argv, '--workers');
  const workers = workersText === undefined ? undefined : Number(workersText);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) fail(`--workers: expected a whole number ≥ 1, got "${workersText}"`);
  const kavosh = await startServer({ indexDir: index, workers });
  try {
    const luceneUrl = `http://127.0.0.1:${lucenePort}`;
    await waitFor(`${luceneUrl}/api/search?q=test`, lucene, 'the Lucene server');
    const warm = await timedGet(`${kavosh.url}/api/search?q=${encodeURIComponent('تهران')}`);
    if (warm.status !== 200) fail(`Kavosh answered ${warm.status}: ${warm.body.slice(0, 200)}`);
    console.log(`bench:compare: Lucene on ${luceneUrl}, Kavosh on ${kavosh.url} (index ${index}${workers ? `, ${workers} processes` : ', one next start'}), corpus ${path.relative(ROOT, corpus)}`);
    const args = ['--a', `lucene=${luceneUrl}`, '--b', `kavosh=${kavosh.url}`, '--corpus', corpus, '--json', out];
    for (const flag of ['--per-class', '--concurrency', '--modes', '--seed']) {
      const v = argValue(argv, flag);
      if (v) args.push(flag, v);
    }
    run(process.execPath, [harness, ...args]);
    const memory = kavosh.memory();
    if (memory) console.log(`bench:compare: Kavosh server memory after the run: ${(memory.rss / 2 ** 20).toFixed(0)} MiB RSS (${workers ? `${workers} processes and their primary, summed` : 'one process'})`);
  } finally {
    await kavosh.stop();
    stop(lucene);
  }

  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  console.log(`\nbench:compare: ${report.corpusDocs.toLocaleString('en-US')} articles; Kavosh / Lucene (below 1: Kavosh is faster)`);
  for (const [mode, systems] of Object.entries(report.modes)) {
    const l = systems.lucene.all;
    const k = systems.kavosh.all;
    console.log(`  ${mode.toUpperCase().padEnd(4)} HTTP p50 ${l.p50} / ${k.p50} ms (ratio ${(k.p50 / l.p50).toFixed(2)}), p95 ${l.p95} / ${k.p95} ms (ratio ${(k.p95 / l.p95).toFixed(2)}); Kavosh engine p50 ${k.tookP50} ms`);
  }
  for (const [mode, systems] of Object.entries(report.throughput ?? {})) {
    console.log(`  ${mode.toUpperCase().padEnd(4)} in flight: Lucene ${systems.lucene.qps} q/s, Kavosh ${systems.kavosh.qps} q/s (ratio ${(systems.kavosh.qps / systems.lucene.qps).toFixed(2)})`);
  }
  console.log(`  written to ${path.relative(ROOT, out)}`);
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

if (process.argv[1] && /compare[\\/]run\.ts$/.test(process.argv[1])) {
  main().catch((e) => fail((e as Error).stack ?? String(e)));
}
