// Articles whose terms an older analyzer made are found and made again from the stored text (PGlite).
import { beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import type { Article } from '../types';
import { migrate, type Sql } from './schema';
import { loadArticles, reanalyze, staleCount } from './load';
import { searchPostgres } from './search';
import { ANALYZER_FINGERPRINT } from './terms';

const article = (id: string, body: string): Article => ({ id, title: 'خبر', body: [body], jalali: null, publishedAt: null, source: null, tags: [], url: null, dateline: null, agency: null, category: null });
const articles = [article('a1', 'نشست بین‌المللی امروز در تهران برگزار شد'), article('a2', 'بازار کتاب تهران شلوغ بود'), article('a3', 'باران در مشهد')];

let db: Sql;
beforeAll(async () => {
  db = new PGlite() as unknown as Sql;
  await migrate(db);
  await loadArticles(db, articles);
}, 60_000);

describe('reanalyze', () => {
  it('finds no stale article after a load by this code', async () => {
    expect(await staleCount(db)).toBe(0);
    expect(await reanalyze(db)).toBe(0);
  });

  it('makes again the terms an older analyzer made, from the stored text, in batches', async () => {
    // As a database loaded before the fingerprint changed: other terms, another fingerprint.
    await db.query(`UPDATE articles SET terms = 'تهران'::tsvector, analyzer = 'kavosh-analyze-pieces-v1' WHERE id IN ('a1', 'a2')`);
    expect(await staleCount(db)).toBe(2);
    expect((await searchPostgres(db, '"کتاب"')).total).toBe(0);
    const batches: number[] = [];
    expect(await reanalyze(db, { batch: 1, onBatch: (n) => batches.push(n) })).toBe(2);
    expect(batches).toEqual([1, 2]);
    expect(await staleCount(db)).toBe(0);
    expect((await searchPostgres(db, '"کتاب"')).total).toBe(1);
    expect((await searchPostgres(db, '"تهران"')).total).toBe(2);
    const { rows } = await db.query<{ analyzer: string }>('SELECT DISTINCT analyzer FROM articles');
    expect(rows).toEqual([{ analyzer: ANALYZER_FINGERPRINT }]);
  });
});
