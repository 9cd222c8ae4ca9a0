// Fills Postgres from a stream of articles in batches of one transaction each;
// an upsert by id makes a re-run (after a killed load) resume without duplicates.
import type { Article } from '../types';
import type { Sql } from './schema';
import { ANALYZER_FINGERPRINT, tsvectorOf } from './terms';

const COLUMNS = 16;

export async function loadArticles(db: Sql, articles: AsyncIterable<Article> | Iterable<Article>, options: { batch?: number; onBatch?: (loaded: number) => void } = {}): Promise<number> {
  const size = options.batch ?? 1000;
  let batch: Article[] = [];
  let loaded = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const params: unknown[] = [];
    const rows = batch.map((a, i) => {
      params.push(a.id, a.title, a.body, a.publishedAt, a.jalali?.year ?? null, a.jalali?.month ?? null, a.jalali?.day ?? null,
        a.source, a.sourceAsWritten ?? null, a.tags, a.url, a.dateline, a.agency, a.category, tsvectorOf(a), ANALYZER_FINGERPRINT);
      return '(' + Array.from({ length: COLUMNS }, (_, k) => '$' + (i * COLUMNS + k + 1) + (k === 14 ? '::tsvector' : '')).join(',') + ')';
    });
    await db.query(
      `INSERT INTO articles (id,title,body,published_at,jalali_year,jalali_month,jalali_day,source,source_as_written,tags,url,dateline,agency,category,terms,analyzer)
       VALUES ${rows.join(',')}
       ON CONFLICT (id) DO UPDATE SET title=EXCLUDED.title, body=EXCLUDED.body, published_at=EXCLUDED.published_at,
         jalali_year=EXCLUDED.jalali_year, jalali_month=EXCLUDED.jalali_month, jalali_day=EXCLUDED.jalali_day, source=EXCLUDED.source,
         source_as_written=EXCLUDED.source_as_written, tags=EXCLUDED.tags, url=EXCLUDED.url, dateline=EXCLUDED.dateline,
         agency=EXCLUDED.agency, category=EXCLUDED.category, terms=EXCLUDED.terms, analyzer=EXCLUDED.analyzer`,
      params,
    );
    loaded += batch.length;
    batch = [];
    options.onBatch?.(loaded);
  };
  for await (const a of articles) {
    batch.push(a);
    if (batch.length >= size) await flush();
  }
  await flush();
  return loaded;
}

/** Articles whose terms another analyzer made (a fingerprint not this code's): their searches differ from the file index's. */
export async function staleCount(db: Sql): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int n FROM articles WHERE analyzer <> $1', [ANALYZER_FINGERPRINT]);
  return rows[0].n;
}

/**
 * Makes again, from the stored title and body, the terms of every article an
 * older analyzer made, a batch per statement (the text is the system of
 * record, so nothing needs the input files); returns how many were made.
 */
export async function reanalyze(db: Sql, options: { batch?: number; onBatch?: (done: number) => void } = {}): Promise<number> {
  const size = options.batch ?? 1000;
  let done = 0;
  for (;;) {
    const { rows } = await db.query<{ id: string; title: string; body: string[] }>(
      'SELECT id, title, body FROM articles WHERE analyzer <> $1 ORDER BY id LIMIT $2',
      [ANALYZER_FINGERPRINT, size],
    );
    if (rows.length === 0) return done;
    const params: unknown[] = [ANALYZER_FINGERPRINT];
    const values = rows.map((r, i) => {
      params.push(r.id, tsvectorOf(r));
      return `($${2 * i + 2}, $${2 * i + 3}::tsvector)`;
    });
    await db.query(`UPDATE articles SET terms = v.terms, analyzer = $1 FROM (VALUES ${values.join(',')}) v(id, terms) WHERE articles.id = v.id`, params);
    done += rows.length;
    options.onBatch?.(done);
  }
}
