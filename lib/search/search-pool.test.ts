import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchParams } from './params';
import { ParamError } from './params';
import { QueryTooCostlyError } from './query/cost';
import { ClientGoneError, SchedulerBusyError } from './scheduler';
import { fromWire, SearchPool, toWire } from './search-pool';

// A stand-in for search-worker.ts that speaks its protocol: it answers with
// the query after `ms` milliseconds, throws for «خطا», and dies for «مرگ».
const dir = mkdtempSync(path.join(os.tmpdir(), 'kavosh-pool-'));
const script = path.join(dir, 'fake-worker.mjs');
writeFileSync(
  script,
  `import { parentPort, threadId } from 'node:worker_threads';
const sleep = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
parentPort.on('message', (m) => {
  if ('warm' in m) return parentPort.postMessage({ id: m.id, warmed: true });
  const q = m.params.q;
  if (q === 'مرگ') process.exit(3);
  if (q === 'خطا') return parentPort.postMessage({ id: m.id, error: { name: 'QueryTooCostlyError', message: 'q: too much', param: 'q', cost: 9, limit: 5 } });
  sleep(m.params.size);
  parentPort.postMessage({ id: m.id, answer: { q, threadId } });
});
`,
);

const params = (q: string, ms = 0) => ({ q, size: ms }) as unknown as SearchParams;
const pools: SearchPool[] = [];
const pool = (options: Partial<ConstructorParameters<typeof SearchPool>[0]> = {}) => {
  const p = new SearchPool({ script, size: 1, respawnMs: 10, log: () => {}, ...options });
  pools.push(p);
  return p;
};
const qOf = (answer: unknown) => (answer as { q: string }).q;

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('SearchPool', () => {
  it('answers a search («در») from the worker', async () => {
    const answer = await pool().search(params('در'), 50_000);
    expect(qOf(answer)).toBe('در');
  });

  it('takes the cheapest waiting search first: «جداکننده» before «در», though «در» came first', async () => {
    const p = pool();
    const done: string[] = [];
    const track = (q: string, cost: number) => p.search(params(q, 30), cost).then((a) => done.push(qOf(a)));
    await Promise.all([track('از', 90_000), track('در', 80_000), track('جداکننده', 21_000)]);
    // «از» was already running when the others arrived.
    expect(done).toEqual(['از', 'جداکننده', 'در']);
  });

  it('takes a search that has waited too long before cheaper ones, so «در» is delayed, not starved', async () => {
    const p = pool({ maxAgeMs: 20 });
    const done: string[] = [];
    const track = (q: string, cost: number) => p.search(params(q, 40), cost).then((a) => done.push(qOf(a)));
    await Promise.all([track('از', 90_000), track('در', 80_000), track('جداکننده', 21_000)]);
    expect(done).toEqual(['از', 'در', 'جداکننده']);
  });

  it('gives two searches that arrive together to two workers', async () => {
    const p = pool({ size: 2 });
    const answers = await Promise.all([p.search(params('در', 50), 1), p.search(params('از', 50), 1)]);
    const threads = answers.map((a) => (a as unknown as { threadId: number }).threadId);
    expect(new Set(threads).size).toBe(2);
  });

  it('rebuilds the error a search threw, so the route answers 400 and names q', async () => {
    const e = await pool().search(params('خطا'), 1).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(QueryTooCostlyError);
    expect(e).toBeInstanceOf(ParamError);
    expect((e as ParamError).param).toBe('q');
  });

  it('fails only the search a dying worker ran, and answers the next from a new worker', async () => {
    const p = pool();
    await expect(p.search(params('مرگ'), 1)).rejects.toThrow(/worker stopped/);
    await expect(p.search(params('در'), 1).then(qOf)).resolves.toBe('در');
    expect(p.stats.died).toBe(1);
  });

  it('refuses a search when too many wait, as busy', async () => {
    const p = pool({ maxQueued: 1 });
    const running = p.search(params('از', 60), 1);
    const waiting = p.search(params('در', 0), 1);
    await expect(p.search(params('به', 0), 1)).rejects.toBeInstanceOf(SchedulerBusyError);
    await Promise.all([running, waiting]);
  });

  it('drops a waiting search whose client has gone, without computing it', async () => {
    const p = pool();
    const running = p.search(params('از', 60), 1);
    const gone = new AbortController();
    const waiting = p.search(params('در', 0), 1, gone.signal);
    gone.abort();
    await expect(waiting).rejects.toBeInstanceOf(ClientGoneError);
    await running;
    expect(p.stats).toMatchObject({ searched: 1, dropped: 1 });
  });
});

describe('errors across the thread boundary', () => {
  it('keeps a parameter error’s parameter', () => {
    const e = fromWire(toWire(new ParamError('from', 'from: «۱۴۰۲/۱۳» is not a date')));
    expect(e).toBeInstanceOf(ParamError);
    expect((e as ParamError).param).toBe('from');
  });

  it('keeps an unusable index an index error (503), and anything else a plain error (500)', () => {
    const unavailable = fromWire({ name: 'IndexLoadError', message: 'no index at data/index', code: 'index_unavailable' });
    expect((unavailable as { code?: string }).code).toBe('index_unavailable');
    const other = fromWire(toWire(new TypeError('x is undefined')));
    expect(other).not.toBeInstanceOf(ParamError);
    expect(other.message).toBe('x is undefined');
  });
});
