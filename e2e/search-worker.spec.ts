// Expensive searches run in a search worker on a built server
// (lib/search/serve-search.ts): what it answers, the API and the page, must be
// what the server's own thread answers. KAVOSH_EXPENSIVE_COST=0 sends every
// search there, since nothing in the sample articles is expensive.
import path from 'node:path';
import { startServer, type Server } from '../scripts/server';
import { expect, test } from './helpers';

const INDEX = path.relative(process.cwd(), path.resolve(process.env.SEARCH_INDEX_DIR || 'data/index'));
const QUERIES = ['ایران', '"سازمان ملل"', 'ایران -تهران', 'زعفران'];

test.describe('a built server with a search worker', () => {
  test.describe.configure({ timeout: 120_000 });
  let worker: Server;
  let here: Server;

  test.beforeAll(async () => {
    [worker, here] = await Promise.all([
      startServer({ indexDir: INDEX, env: { KAVOSH_SEARCH_WORKERS: '1', KAVOSH_EXPENSIVE_COST: '0' } }),
      startServer({ indexDir: INDEX, env: { KAVOSH_SEARCH_WORKERS: '0' } }),
    ]);
  });
  test.afterAll(async () => {
    await Promise.all([worker?.stop(), here?.stop()]);
  });

  const search = async (server: Server, q: string, extra = '') => {
    const res = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}${extra}`);
    const body = (await res.json()) as { total: number; tookMs: number };
    return { lane: res.headers.get('x-kavosh-lane'), status: res.status, body: { ...body, tookMs: 0 } };
  };

  for (const q of QUERIES) {
    test(`answers «${q}» in the worker exactly as on the server's thread`, async () => {
      const [a, b] = await Promise.all([search(worker, q, '&from=1390'), search(here, q, '&from=1390')]);
      expect(a.status).toBe(200);
      expect(a.lane).toBe('worker');
      expect(b.lane).toBe('here');
      expect(a.body).toEqual(b.body);
    });
  }

  test('says in /api/health that it has one worker and how many searches it answered', async () => {
    await search(worker, 'ایران');
    const health = (await (await fetch(`${worker.url}/api/health`)).json()) as { searchWorkers: { count: number; searched: number; died: number } };
    expect(health.searchWorkers.count).toBe(1);
    expect(health.searchWorkers.searched).toBeGreaterThan(0);
    expect(health.searchWorkers.died).toBe(0);
    const none = (await (await fetch(`${here.url}/api/health`)).json()) as { searchWorkers: { count: number; why: string } };
    expect(none.searchWorkers.count).toBe(0);
    expect(none.searchWorkers.why).toMatch(/KAVOSH_SEARCH_WORKERS=0/);
  });

  test('renders the search page from the worker with the same total', async () => {
    const total = async (server: Server) => {
      const html = await (await fetch(`${server.url}/?q=${encodeURIComponent('ایران')}`)).text();
      // The line ends with the search's own time, which differs run to run.
      const line = /data-testid="total"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
      return line.replace(/<!-- -->/g, '').replace(/(در )?\(?[۰-۹٫,٬.]+\)?\s*میلی‌ثانیه\)?/, '').trim();
    };
    const [a, b] = await Promise.all([total(worker), total(here)]);
    expect(a).toBeTruthy();
    expect(a).toBe(b);
  });
});
