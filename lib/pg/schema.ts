// The PostgreSQL schema as versioned migrations: each runs once, in order, in
// its own transaction, and schema_version records it, so `migrate` is idempotent.

/** Anything that runs SQL: PGlite in tests, a pg client later. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(text: string): Promise<unknown>;
}

export const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE articles (
  id text PRIMARY KEY,
  title text NOT NULL,
  body text[] NOT NULL,           -- paragraphs as written, characters untouched
  published_at text,
  jalali_year int, jalali_month int, jalali_day int,
  source text,
  source_as_written text,
  tags text[] NOT NULL DEFAULT '{}',
  url text,
  dateline text,
  agency text,
  category text,
  terms tsvector NOT NULL,        -- Kavosh's analyzer output, title positions weight A
  analyzer text NOT NULL          -- fingerprint of the analyzer that made terms
);
CREATE INDEX articles_terms ON articles USING gin (terms);
CREATE INDEX articles_date ON articles (jalali_year, jalali_month, jalali_day);
CREATE INDEX articles_source ON articles (source);`,
  },
];

/** Applies the migrations the database lacks; returns the versions applied now. */
export async function migrate(db: Sql): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await db.query<{ version: number }>(`SELECT version FROM schema_version`)).rows.map((r) => r.version));
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.exec(`BEGIN; ${m.sql}; INSERT INTO schema_version (version) VALUES (${m.version}); COMMIT;`);
    applied.push(m.version);
  }
  return applied;
}
