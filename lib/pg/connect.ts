// Where db:migrate and db:load find the database: a PostgreSQL server by URL
// (`--db postgres://…` or DATABASE_URL), through one small bounded pool, or a
// PGlite data directory (a single machine without a server, and the tests).
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { Sql } from './schema';

export interface Database {
  sql: Sql;
  kind: 'server' | 'pglite';
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

export const isDatabaseUrl = (target: string) => /^postgres(ql)?:\/\//i.test(target.trim());

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}

export interface PoolOptions {
  /** Connections at most (serverless instances each hold their own pool, so keep it small). */
  max?: number;
  /** A statement running longer is cancelled by the server. */
  statementTimeoutMs?: number;
  /** A connection not made in this long fails instead of waiting. */
  connectTimeoutMs?: number;
}

export async function openDatabase(target: string, options: PoolOptions = {}): Promise<Database> {
  if (!isDatabaseUrl(target)) {
    const db = new PGlite(target);
    return { sql: db as unknown as Sql, kind: 'pglite', close: () => db.close() };
  }
  const pool = new pg.Pool({
    connectionString: target,
    max: options.max ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    statement_timeout: options.statementTimeoutMs ?? 120_000,
    idleTimeoutMillis: 10_000,
  });
  // An idle connection the server drops must not end the process: the next query reports it.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(`cannot reach the database at ${redactUrl(target)}: ${(e as Error).message}`);
  }
  const sql: Sql = {
    query: async <T>(text: string, params?: unknown[]) => ({ rows: (await pool.query(text, params)).rows as T[] }),
    // No parameters: the simple protocol, so a migration's statements and its BEGIN/COMMIT run on one connection.
    exec: (text: string) => pool.query(text),
  };
  return { sql, kind: 'server', close: () => pool.end() };
}
