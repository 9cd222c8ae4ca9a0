// The same migrations, load and search against a real PostgreSQL server (a
// throwaway cluster on a Unix socket), through the pool db:load uses for
// DATABASE_URL. Skipped, and says so, on a machine without PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../types';
import { bundledSample } from './testing';
import { SearchEngine } from '../search/engine';
import { parseSearchParams } from '../search/params';
import { DatabaseUnavailableError, openDatabase, redactUrl, type Database } from './connect';
import { migrate } from './schema';
import { loadArticles } from './load';
import { searchPostgres } from './search';
import { PgVocabulary } from './vocabulary';
import { startThrowawayServer, type ThrowawayServer } from './throwaway-server';

const server: ThrowawayServer | null = startThrowawayServer();
if (!server) console.warn('lib/pg/server.test.ts: no PostgreSQL binaries (Debian postgresql-15): the server tests are skipped');

describe.skipIf(!server)('a PostgreSQL server through DATABASE_URL', () => {
  let database: Database;
  let engine: SearchEngine;
  let articles: Article[];

  beforeAll(async () => {
    ({ articles, engine } = await bundledSample());
    database = await openDatabase(server!.url);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    server?.stop();
  });

  it('migrates once, then finds nothing to do', async () => {
    expect(database.kind).toBe('server');
    expect(await migrate(database.sql)).toEqual([1]);
    expect(await migrate(database.sql)).toEqual([]);
  });

  it('loads the sample and answers with the file backend’s totals, unquoted words expanded', async () => {
    expect(await loadArticles(database.sql, articles, { batch: 40 })).toBe(articles.length);
    const vocabulary = await PgVocabulary.load(database.sql);
    for (const q of ['کشاورز', 'ایران -تهران', 'بینالمللی', '"خريد تضميني"', 'تهر*']) {
      const file = engine.search(parseSearchParams({ q }));
      expect((await searchPostgres(database.sql, q, {}, { vocabulary })).total, q).toBe(file.total);
    }
  });
});

describe('a database that cannot be reached', () => {
  it('is a clear error naming the URL without its password, not a hang', async () => {
    const url = 'postgresql://reader:s3cret@localhost/archive?host=/nonexistent-kavosh-socket-dir';
    const error = await openDatabase(url, { connectTimeoutMs: 2000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toContain(redactUrl(url));
    expect((error as Error).message).not.toContain('s3cret');
  });
});
