// A production server (`next start`) without an index, and with a damaged
// one, answers the documented 503 index_unavailable: the route tests alone
// missed that the built server answered 500 (the instrumentation hook's copy
// of IndexLoadError was not the routes' copy, so `instanceof` failed).
import { mkdtempSync, readFileSync, rmSync, cpSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type Server } from '../scripts/server';
import { expect, test } from './helpers';

const BUILT_INDEX = path.resolve(process.env.SEARCH_INDEX_DIR || 'data/index');

async function getJson(server: Server, url: string) {
  const res = await fetch(server.url + url);
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string }; status?: string } };
}

test.describe('a built server without a usable index', () => {
  test.describe.configure({ timeout: 120_000 });
  let empty: string;
  let server: Server | null = null;

  test.beforeAll(() => {
    empty = mkdtempSync(path.join(os.tmpdir(), 'kavosh-no-index-'));
  });
  test.afterEach(async () => {
    await server?.stop();
    server = null;
  });
  test.afterAll(() => rmSync(empty, { recursive: true, force: true }));

  test('answers 503 index_unavailable on every API route when the index folder is empty', async () => {
    server = await startServer({ indexDir: empty });
    for (const url of [`/api/search?q=${encodeURIComponent('باران')}`, '/api/articles/n1', `/api/export?q=${encodeURIComponent('باران')}`]) {
      const { status, body } = await getJson(server, url);
      expect(status, url).toBe(503);
      expect(body.error?.code, url).toBe('index_unavailable');
      expect(body.error?.message, url).toContain(empty);
    }
    expect((await getJson(server, '/api/health')).status).toBe(503);
  });

  test('answers 503 naming articles.bin when it is cut short, not 500 on searches', async () => {
    const damaged = path.join(empty, 'damaged');
    cpSync(BUILT_INDEX, damaged, { recursive: true });
    truncateSync(path.join(damaged, 'articles.bin'), 1000);
    server = await startServer({ indexDir: damaged });
    const { status, body } = await getJson(server, `/api/search?q=${encodeURIComponent('ایران')}`);
    expect(status).toBe(503);
    expect(body.error?.code).toBe('index_unavailable');
    expect(body.error?.message).toContain('articles.bin');
    expect(readFileSync(path.join(BUILT_INDEX, 'manifest.json'), 'utf8')).toContain('"files"');
  });
});
