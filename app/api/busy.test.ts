// What /api/search and /api/export answer when expensive searches queue up
// (lib/search/scheduler.ts) or the client has gone before its search ran.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '@/lib/types';
import { buildIndex } from '@/index-builder/build';
import { Scheduler } from '@/lib/search/scheduler';
import { GET as searchRoute } from './search/route';
import { GET as exportRoute } from './export/route';

const g = globalThis as { __kavoshScheduler?: Scheduler };

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kavosh-busy-'));
  await mkdir(path.join(dir, 'in'));
  const records = Array.from({ length: 20 }, (_, i) => ({ id: `n${i}`, title: `خبر ${i} در تهران`, body: i === 0 ? 'رزمایش دریایی در خلیج فارس.' : 'این خبر در تهران منتشر شد.', date: null, source: 'ایرنا' }));
  await writeFile(path.join(dir, 'in', 'a.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await buildIndex({ inputs: [path.join(dir, 'in')], out: path.join(dir, 'index') });
  process.env.SEARCH_INDEX_DIR = path.join(dir, 'index');
});

afterEach(() => {
  delete g.__kavoshScheduler;
});

const request = (url: string, signal?: AbortSignal) => new NextRequest(new URL(url, 'http://localhost'), { signal });

describe('a server whose expensive queue is full', () => {
  it('answers an expensive search 503 busy, with Retry-After and a Persian message', async () => {
    g.__kavoshScheduler = new Scheduler({ expensiveCost: 10, maxQueued: 0 });
    const res = await searchRoute(request(`/api/search?q=${encodeURIComponent('در')}`));
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    const body = (await res.json()) as ApiError;
    expect(body.error.code).toBe('busy');
    expect(body.error.messageFa).toMatch(/دوباره بکوشید/);
  });

  it('still answers a cheap search («رزمایش») at once', async () => {
    g.__kavoshScheduler = new Scheduler({ expensiveCost: 10, maxQueued: 0 });
    const res = await searchRoute(request(`/api/search?q=${encodeURIComponent('رزمایش')}`));
    expect(res.status).toBe(200);
  });

  it('answers an expensive export 503 busy before any row is sent', async () => {
    g.__kavoshScheduler = new Scheduler({ expensiveCost: 10, maxQueued: 0 });
    const res = await exportRoute(request(`/api/export?q=${encodeURIComponent('در')}`));
    expect(res.status).toBe(503);
    expect(res.headers.get('Content-Disposition')).toBeNull();
  });
});

describe('a request whose client has gone', () => {
  it('is not computed: the scheduler counts it as dropped', async () => {
    const s = (g.__kavoshScheduler = new Scheduler({ expensiveCost: 10 }));
    const gone = new AbortController();
    gone.abort();
    const res = await searchRoute(request(`/api/search?q=${encodeURIComponent('در')}`, gone.signal));
    expect(res.status).toBe(499);
    expect(s.stats).toMatchObject({ expensive: 0, dropped: 1 });
  });
});
