// Child process of `npm run bench:query`, started fresh for every run so the
// load is a cold one:
//   node --expose-gc --import tsx bench/query/measure.ts <config.json>
// 1. loads the index with the product's loadEngine and notes the time and the RSS;
// 2. runs every query of the mix once per repeat through engine.search (total,
//    facets, 10 snippets), timing each;
// 3. runs the same mix as a floor: a plain FlexSearch search of the query's
//    analyzed terms, limit 10, on the index files the engine loaded (imported
//    again into a second FlexSearch Index, since the engine keeps its own
//    private), no facets and no snippets;
// 4. optionally profiles the engine on the slowest query types (inspector
//    Profiler, started and stopped around those queries only).
// Results go back to the parent over IPC (or stdout when run alone).
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import path from 'node:path';
import type { Index } from 'flexsearch';
import { importFlexIndex, loadEngine } from '../../lib/search/load';
import { parseSearchParams } from '../../lib/search/params';
import { parseQuery } from '../../lib/search/query/parse';
import { MANIFEST_FILE, VOCABULARY_FILE, type IndexManifest } from '../../lib/search/layout';

import { benchParams as paramsOf, type BenchQuery } from './queries';

export interface MeasureConfig {
  indexDir: string;
  queries: BenchQuery[];
  repeat: number;
  /**
   * What to profile: query types, 'auto' (the two slowest types by p95) and/or
   * 'load' (loadEngine itself; its time is then measured under the profiler).
   */
  profile: string[];
  profileFile: string;
  /** Engine queries to profile for at least this long. */
  profileMs: number;
  /** The most common word of the corpus, as a query. */
  commonWord: string;
}

export interface MemoryFigures {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface QueryOutcome {
  total: number;
  results: number;
  snippets: number;
  facetYears: number;
}

export interface MeasureReport {
  node: string;
  gcExposed: boolean;
  /** Seconds from process start to the first line of this module (node + tsx + imports). */
  importS: number;
  loadMs: number;
  /** CPU time of loadEngine (user + system, all threads), ms. */
  loadCpuMs: number;
  /** Whether loadEngine ran under the profiler. */
  loadProfiled: boolean;
  /** Seconds from process start until the engine is ready. */
  readyS: number;
  memoryAfterLoad: MemoryFigures;
  floorLoadMs: number;
  memoryAfterFloorLoad: MemoryFigures;
  /** ms per query, [repeat][query], in mix order. */
  engineMs: number[][];
  /** CPU time (user + system, all threads) per engine query, ms, [repeat][query]: less sensitive to a busy machine. */
  engineCpuMs: number[][];
  floorMs: number[][];
  outcomes: QueryOutcome[];
  floorHits: number[];
  /** The most common word alone: first answer, then 5 more. */
  commonWord: { q: string; firstMs: number; moreMs: number[]; total: number; facets: Record<string, number>; results: number };
  /** Per query of the mix (refused ones left out): engine.count's time and engine.search's, measured in turn. */
  count: { countMs: number[]; searchMs: number[] };
  errors: { index: number; message: string }[];
  profile?: { types: string[]; file: string; queries: number; ms: number };
  loadProfile?: { file: string };
}

const importS = process.uptime();
const gc = (globalThis as { gc?: () => void }).gc;

function memory(): MemoryFigures {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

type ProfileNode = { callFrame: { url: string; lineNumber: number; columnNumber: number } };

/** Profile positions of transpiled TypeScript (tsx keeps each module on one line) → lines of the .ts source. */
function mapToSource(profile: { nodes: ProfileNode[] }): void {
  for (const { callFrame: f } of profile.nodes) {
    if (!f.url.startsWith('file:') || f.lineNumber < 0) continue;
    const entry = findSourceMap(f.url)?.findEntry(f.lineNumber, f.columnNumber);
    if (entry && 'originalLine' in entry) {
      f.lineNumber = entry.originalLine;
      f.columnNumber = entry.originalColumn;
    }
  }
}

async function startProfiler(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return session;
}

async function stopProfiler(session: Session, file: string): Promise<void> {
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  mapToSource(profile as unknown as { nodes: ProfileNode[] });
  writeFileSync(file, JSON.stringify(profile));
}

/** The FlexSearch index as the engine's loader builds it, from the same files. */
async function loadFlexIndex(dir: string): Promise<Index> {
  const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as IndexManifest;
  const vocabulary = JSON.parse(await readFile(path.join(dir, VOCABULARY_FILE), 'utf8')) as string[];
  return (await importFlexIndex(dir, manifest, vocabulary)).index;
}


async function main() {
  const config = JSON.parse(readFileSync(process.argv[2], 'utf8')) as MeasureConfig;
  const { queries } = config;

  const loadProfiled = config.profile.includes('load');
  const loadSession = loadProfiled ? await startProfiler() : null;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const engine = await loadEngine(config.indexDir);
  const loadMs = performance.now() - t0;
  const loadCpu = process.cpuUsage(cpu0);
  const loadCpuMs = (loadCpu.user + loadCpu.system) / 1000;
  const loadProfileFile = config.profileFile.replace(/\.cpuprofile$/, '') + '-load.cpuprofile';
  if (loadSession) await stopProfiler(loadSession, loadProfileFile);
  const readyS = process.uptime();
  const memoryAfterLoad = memory();

  const t1 = performance.now();
  const flex = await loadFlexIndex(config.indexDir);
  const floorLoadMs = performance.now() - t1;
  const memoryAfterFloorLoad = memory();

  // The floor's question: the analyzed terms the engine would require, joined by spaces
  // (prepared outside the timing; FlexSearch's own encoder then only splits them).
  const floorText = queries.map((q) => parseQuery(q.q).terms.join(' '));

  const engineMs: number[][] = [];
  const engineCpuMs: number[][] = [];
  const floorMs: number[][] = [];
  const outcomes: QueryOutcome[] = [];
  const floorHits: number[] = [];
  const errors: MeasureReport['errors'] = [];
  for (let r = 0; r < config.repeat; r++) {
    const times = new Array<number>(queries.length);
    const cpu = new Array<number>(queries.length);
    for (let i = 0; i < queries.length; i++) {
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      try {
        const res = engine.search(parseSearchParams(paramsOf(queries[i])));
        times[i] = performance.now() - started;
        const c = process.cpuUsage(cpuStart);
        cpu[i] = (c.user + c.system) / 1000;
        if (r === 0) {
          outcomes.push({
            total: res.total,
            results: res.results.length,
            snippets: res.results.reduce((n, x) => n + x.snippets.length, 0),
            facetYears: res.facets.jalaliYears.length,
          });
        }
      } catch (e) {
        times[i] = performance.now() - started;
        cpu[i] = NaN;
        if (r === 0) {
          errors.push({ index: i, message: (e as Error).message });
          outcomes.push({ total: -1, results: 0, snippets: 0, facetYears: 0 });
        }
      }
    }
    engineMs.push(times);
    engineCpuMs.push(cpu);

    const ftimes = new Array<number>(queries.length);
    for (let i = 0; i < queries.length; i++) {
      const text = floorText[i];
      const started = performance.now();
      const hits = text ? flex.search(text, { limit: 10 }) : [];
      ftimes[i] = performance.now() - started;
      if (r === 0) floorHits.push(hits.length);
    }
    floorMs.push(ftimes);
  }

  // A count alone (the no-results relaxations ask one per filter) against the
  // full answer, query by query in turn, so both see the same machine.
  const countMs: number[] = [];
  const searchMs: number[] = [];
  for (const q of queries) {
    const params = parseSearchParams(paramsOf(q));
    try {
      let started = performance.now();
      engine.search(params);
      searchMs.push(performance.now() - started);
      started = performance.now();
      engine.count(params);
      countMs.push(performance.now() - started);
    } catch {
      /* refused queries are reported above */
    }
  }

  // The most common word alone, answered in full (total, facets, first page).
  const cw = { q: config.commonWord, size: '10' };
  const time = () => {
    const s = performance.now();
    const res = engine.search(parseSearchParams(cw));
    return { ms: performance.now() - s, res };
  };
  const first = time();
  const moreMs = Array.from({ length: 5 }, () => time().ms);
  const f = first.res.facets;
  const commonWord = {
    q: config.commonWord,
    firstMs: first.ms,
    moreMs,
    total: first.res.total,
    facets: { years: f.jalaliYears.length, months: f.jalaliMonths.length, sources: f.sources.length, tags: f.tags.length },
    results: first.res.results.length,
  };

  let profile: MeasureReport['profile'];
  const queryTypes = config.profile.filter((t) => t !== 'load');
  if (queryTypes.length > 0) {
    let types = queryTypes;
    if (types.includes('auto')) {
      const byType = new Map<string, number[]>();
      queries.forEach((q, i) => byType.set(q.type, [...(byType.get(q.type) ?? []), engineMs[0][i]]));
      const p95 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.max(0, Math.ceil(0.95 * v.length) - 1)];
      types = [...byType].sort((a, b) => p95(b[1]) - p95(a[1])).slice(0, 2).map(([t]) => t);
    }
    const chosen = queries.filter((q) => types.includes(q.type));
    const session = await startProfiler();
    const started = performance.now();
    let n = 0;
    while (chosen.length > 0 && performance.now() - started < config.profileMs) {
      for (const q of chosen) {
        try {
          engine.search(parseSearchParams(paramsOf(q)));
        } catch {
          /* counted above */
        }
        n++;
      }
    }
    const ms = performance.now() - started;
    await stopProfiler(session, config.profileFile);
    profile = { types, file: config.profileFile, queries: n, ms };
  }

  const report: MeasureReport = {
    node: process.version,
    gcExposed: gc !== undefined,
    importS,
    loadMs,
    loadCpuMs,
    loadProfiled,
    readyS,
    memoryAfterLoad,
    floorLoadMs,
    memoryAfterFloorLoad,
    engineMs,
    engineCpuMs,
    floorMs,
    outcomes,
    floorHits,
    commonWord,
    count: { countMs, searchMs },
    errors,
    profile,
    loadProfile: loadProfiled ? { file: loadProfileFile } : undefined,
  };
  if (process.send) process.send(report, () => process.exit(0));
  else console.log(JSON.stringify(report));
}

await main();
