// `npm run start:cluster` (scripts/cluster.mjs): two server processes behind
// one port answer as `next start` does, and a process that dies is replaced.
import path from 'node:path';
import { childrenOf as children, startServer, type Server } from '../scripts/server';
import { expect, test } from './helpers';

const INDEX = path.resolve(process.env.SEARCH_INDEX_DIR || 'data/index');
const q = `/api/search?q=${encodeURIComponent('تهران')}`;

test.describe('cluster mode', () => {
  test.describe.configure({ timeout: 120_000 });
  let server: Server;
  test.beforeAll(async () => {
    server = await startServer({ indexDir: INDEX, workers: 2 });
  });
  test.afterAll(async () => server?.stop());

  test('answers a search as the one-process server does, from two processes', async ({ request }) => {
    const one = await (await request.get(q)).json();
    const res = await fetch(server.url + q);
    expect(res.status).toBe(200);
    const both = (await res.json()) as { total: number; results: { id: string }[] };
    expect(both.total).toBe(one.total);
    expect(both.results.map((r) => r.id)).toEqual(one.results.map((r: { id: string }) => r.id));
    expect(children(server.child.pid!)).toHaveLength(2);
  });

  test('replaces a server process that dies, and keeps answering meanwhile', async () => {
    const [first] = children(server.child.pid!);
    process.kill(first, 'SIGKILL');
    // Once the primary has seen it die, the other process takes every request while a new one starts.
    await expect.poll(() => server.log().includes(`server process ${first} ended`), { timeout: 30_000 }).toBe(true);
    for (let i = 0; i < 5; i++) expect((await fetch(server.url + q)).status).toBe(200);
    await expect.poll(() => children(server.child.pid!).filter((p) => p !== first).length, { timeout: 60_000 }).toBe(2);
    await expect.poll(async () => (await fetch(server.url + q)).status, { timeout: 60_000 }).toBe(200);
    expect(server.log()).toContain('starting another');
  });
});
