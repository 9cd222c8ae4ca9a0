// Expensive searches in a search worker: the bundle `npm run build` ships
// (scripts/bundle-worker.ts) answers exactly what the main thread's engine does.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../index-builder/build';
import { bundleWorker } from '../../scripts/bundle-worker';
import { loadEngine } from './load';
import { parseSearchParams } from './params';
import type { SearchEngine } from './engine';
import { SearchPool } from './search-pool';
import { searchWorkersWanted, serveSearch } from './serve-search';

describe('how many search workers a server starts', () => {
  it('starts one on a machine with two cores, none on one core', () => {
    expect(searchWorkersWanted({ NODE_ENV: 'production' }, 2).count).toBe(1);
    expect(searchWorkersWanted({ NODE_ENV: 'production' }, 1).count).toBe(0);
  });

  it('starts none outside production unless asked (next dev would run a stale bundle)', () => {
    expect(searchWorkersWanted({ NODE_ENV: 'development' }, 4).count).toBe(0);
    expect(searchWorkersWanted({ NODE_ENV: 'development', KAVOSH_SEARCH_WORKERS: '1' }, 4).count).toBe(1);
  });

  it('starts what KAVOSH_SEARCH_WORKERS says, and none for 0', () => {
    expect(searchWorkersWanted({ KAVOSH_SEARCH_WORKERS: '3' }, 2).count).toBe(3);
    expect(searchWorkersWanted({ KAVOSH_SEARCH_WORKERS: '0' }, 8).count).toBe(0);
  });

  it('starts none, and names the variable, for a value that is not a count', () => {
    const wanted = searchWorkersWanted({ KAVOSH_SEARCH_WORKERS: 'دو' }, 2);
    expect(wanted.count).toBe(0);
    expect(wanted.why).toMatch(/KAVOSH_SEARCH_WORKERS/);
  });

  it('starts none without the bundle (next dev, a deployment that did not ship it), and says why when asked for some', () => {
    expect(searchWorkersWanted({ NODE_ENV: 'production' }, 4, false).count).toBe(0);
    expect(searchWorkersWanted({ KAVOSH_SEARCH_WORKERS: '1' }, 4, false).why).toMatch(/npm run build/);
  });
});

describe('a search in the worker', () => {
  let dir: string;
  let engine: SearchEngine;
  let pool: SearchPool;
  const saved = { index: process.env.SEARCH_INDEX_DIR, cost: process.env.KAVOSH_EXPENSIVE_COST };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kavosh-worker-'));
    await mkdir(path.join(dir, 'in'));
    const records = [
      { id: 'a', title: 'رزمایش دریایی در خلیج فارس', body: 'ناوهای ایران در رزمایش شرکت کردند.', date: '2023-04-02', source: 'ایرنا' },
      { id: 'b', title: 'نمایشگاه کتاب تهران', body: 'نمایشگاه کتاب در تهران گشایش یافت.', date: '2023-05-10', source: 'ایسنا' },
      { id: 'c', title: 'بازار کتاب', body: 'کتاب‌های تازه در بازار.', date: null, source: 'ایسنا' },
    ];
    await writeFile(path.join(dir, 'in', 'a.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    await buildIndex({ inputs: [path.join(dir, 'in')], out: path.join(dir, 'index') });
    engine = await loadEngine(path.join(dir, 'index'));
    // Inside the project, so that the bundle's imports of packages find node_modules.
    const script = await bundleWorker(path.resolve('node_modules', '.cache', 'kavosh-test', `search-worker-${process.pid}.mjs`));
    process.env.SEARCH_INDEX_DIR = path.join(dir, 'index');
    pool = new SearchPool({ script, size: 1, log: () => {} });
  }, 60_000);

  afterAll(async () => {
    await pool?.close();
    process.env.SEARCH_INDEX_DIR = saved.index;
    process.env.KAVOSH_EXPENSIVE_COST = saved.cost;
    if (saved.cost === undefined) delete process.env.KAVOSH_EXPENSIVE_COST;
    if (saved.index === undefined) delete process.env.SEARCH_INDEX_DIR;
    await rm(dir, { recursive: true, force: true });
  });

  const without = <T extends { tookMs: number }>(r: T) => ({ ...r, tookMs: 0 });

  it('answers «کتاب» with the same totals, facets, results and snippets as the main thread', async () => {
    const params = parseSearchParams({ q: 'کتاب', match: 'all' });
    const there = await pool.search(params, 1);
    expect(there.total).toBe(2);
    expect(without(there)).toEqual(without(engine.search(params)));
  });

  it('answers a date-filtered search («کتاب» in 1402) the same, undated articles left out as on the main thread', async () => {
    const params = parseSearchParams({ q: 'کتاب', from: '1402', to: '1402' });
    expect(without(await pool.search(params, 1))).toEqual(without(engine.search(params)));
  });

  it('is where an expensive search goes, and a cheap one does not', async () => {
    const params = parseSearchParams({ q: 'رزمایش' });
    process.env.KAVOSH_EXPENSIVE_COST = '0';
    expect((await serveSearch(engine, params, undefined, pool)).lane).toBe('worker');
    process.env.KAVOSH_EXPENSIVE_COST = String(Number.MAX_SAFE_INTEGER);
    const here = await serveSearch(engine, params, undefined, pool);
    expect(here.lane).toBe('here');
    expect(here.answer.total).toBe(1);
  });
});
