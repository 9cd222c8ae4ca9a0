// Where a search runs: cheap ones on this thread at once; expensive ones in a
// search worker when the server has one (search-pool.ts), else in the
// scheduler's turns (scheduler.ts, opt-in) or at once. The search API and the
// search page both ask here, so they answer the same way under load.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HealthResponse, SearchResponse } from '../types';
import type { SearchEngine } from './engine';
import type { SearchParams } from './params';
import { EXPENSIVE_COST, serverScheduler } from './scheduler';
import { SearchPool } from './search-pool';

/** The bundle `npm run build` writes (scripts/bundle-worker.ts), relative to the app's folder. */
export const WORKER_BUNDLE = path.join('.next', 'kavosh', 'search-worker.mjs');

/**
 * How many search workers a server starts: KAVOSH_SEARCH_WORKERS when set (0
 * turns them off), else one when the machine has a second core for it, and
 * none without the bundle (a deployment that did not ship it) or outside
 * production (`next dev` and tests, where a bundle left by an earlier build
 * would run older code than the page).
 */
export function searchWorkersWanted(env: Record<string, string | undefined> = process.env, cores = os.availableParallelism(), bundled = true): { count: number; why: string } {
  const raw = env.KAVOSH_SEARCH_WORKERS;
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 64) return { count: 0, why: `KAVOSH_SEARCH_WORKERS must be a whole number from 0 to 64, not «${raw}»: no search workers` };
    if (n > 0 && !bundled) return { count: 0, why: `KAVOSH_SEARCH_WORKERS=${n} but ${WORKER_BUNDLE} is missing (run npm run build): no search workers` };
    return { count: n, why: `KAVOSH_SEARCH_WORKERS=${n}` };
  }
  if (!bundled) return { count: 0, why: `no ${WORKER_BUNDLE}` };
  if (env.NODE_ENV !== 'production') return { count: 0, why: 'not a production server' };
  return cores >= 2 ? { count: 1, why: `${cores} cores` } : { count: 0, why: 'one core' };
}

const g = globalThis as { __kavoshSearchPool?: SearchPool | null; __kavoshSearchPoolWhy?: string };

function processPool(): SearchPool | null {
  if (g.__kavoshSearchPool !== undefined) return g.__kavoshSearchPool;
  const script = path.resolve(/*turbopackIgnore: true*/ process.cwd(), WORKER_BUNDLE);
  const { count, why } = searchWorkersWanted(process.env, os.availableParallelism(), existsSync(script));
  g.__kavoshSearchPoolWhy = why;
  if (count === 0) {
    if (process.env.KAVOSH_SEARCH_WORKERS) console.error(`kavosh: ${why}`);
    return (g.__kavoshSearchPool = null);
  }
  const pool = new SearchPool({ script, size: count });
  console.error(`kavosh: ${count} search worker(s) for expensive searches (${why})`);
  pool.warm().catch((e) => console.error(`kavosh: a search worker could not load the index: ${(e as Error).message}`));
  return (g.__kavoshSearchPool = pool);
}

/** The cost from which a search goes to a worker: EXPENSIVE_COST, or KAVOSH_EXPENSIVE_COST (tests send every search). */
function expensiveCost(): number {
  const raw = process.env.KAVOSH_EXPENSIVE_COST;
  const n = raw ? Number(raw) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : EXPENSIVE_COST;
}

export interface Served {
  answer: SearchResponse;
  /** Where it ran and what it was priced, for the `X-Kavosh-Lane` and `X-Kavosh-Cost` headers (the load bench reads them). */
  lane: 'here' | 'worker';
  cost: number;
}

export async function serveSearch(engine: SearchEngine, params: SearchParams, signal?: AbortSignal, pool: SearchPool | null = processPool()): Promise<Served> {
  const cost = engine.cost(params);
  if (pool && cost >= expensiveCost()) return { answer: await pool.search(params, cost, signal), lane: 'worker', cost };
  return { answer: await serverScheduler().run(cost, () => engine.search(params), signal), lane: 'here', cost };
}

/** For /api/health. */
export function searchWorkerStatus(): HealthResponse['searchWorkers'] {
  const pool = processPool();
  return { count: pool?.size ?? 0, why: g.__kavoshSearchPoolWhy ?? '', searched: pool?.stats.searched ?? 0, waiting: pool?.queued ?? 0, died: pool?.stats.died ?? 0 };
}
