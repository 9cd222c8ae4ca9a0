// Postgres (PGlite: real Postgres in WASM, no server needed) answers with the
// file backend's totals for the bundled sample articles.
import { beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import type { Article } from '../types';
import { bundledSample } from './testing';
import { SearchEngine } from '../search/engine';
import { parseSearchParams } from '../search/params';
import { migrate, type Sql } from './schema';
import { loadArticles } from './load';
import { expandedTsquery, searchPostgres, toTsquery } from './search';
import { PgVocabulary } from './vocabulary';
import { parseQuery } from '../search/query/parse';

let db: Sql;
let engine: SearchEngine;
let vocabulary: PgVocabulary;
let articles: Article[];

beforeAll(async () => {
  ({ articles, engine } = await bundledSample());
  db = new PGlite() as unknown as Sql;
  await migrate(db);
  await loadArticles(db, articles, { batch: 25 });
  vocabulary = await PgVocabulary.load(db);
}, 60_000);

describe('migrate', () => {
  it('applies each migration once', async () => {
    expect(await migrate(db)).toEqual([]);
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_version');
    expect(rows.map((r) => r.version)).toEqual([1]);
  });
});

describe('loadArticles', () => {
  it('keeps every article once, text untouched, and resumes by upsert', async () => {
    await loadArticles(db, articles.slice(0, 10));
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int n FROM articles');
    expect(rows[0].n).toBe(articles.length);
    const one = (await db.query<{ title: string; body: string[] }>('SELECT title, body FROM articles WHERE id = $1', [articles[0].id])).rows[0];
    expect(one).toEqual({ title: articles[0].title, body: articles[0].body });
  });
});

describe('toTsquery', () => {
  it('compiles OR, phrases, exclusions and prefixes', () => {
    expect(toTsquery(parseQuery('"تهران" | "مشهد" -"قم"'))).toBe("('تهران' | 'مشهد') & !'قم'");
    // A phrase's words are words (A title, D body), never a compound's pieces (B, C).
    expect(toTsquery(parseQuery('"مجلس شورا"'))).toBe("('مجلس':AD <-> 'شورا':AD)");
    expect(toTsquery(parseQuery('title:"ایران"'))).toBe("'ایران':AB");
    expect(toTsquery(parseQuery('تهر*'))).toBe("'تهر':*");
  });
});

describe('searchPostgres: totals equal the file backend for quoted words', () => {
  // Each of these matches some sample articles (the file backend: 11, 11, 31, …): equal zeros would prove nothing.
  const matching = ['"ایران"', '"ايران"', '"تهران"', '"خريد تضميني"', '"ایران" -"تهران"', '"تهران" OR "مشهد"', '"ایران" "تهران"', 'title:"ایران"'];
  const empty = ['"زرافهکوهستانی"', '"ایران" -"ایران"', '"مجلس شورای اسلامی"', '"گندم تضمینی"'];
  for (const q of [...matching, ...empty]) {
    it(q, async () => {
      const file = engine.search(parseSearchParams({ q }));
      const pg = await searchPostgres(db, q);
      expect(pg.total).toBe(file.total);
      expect(pg.total > 0).toBe(matching.includes(q));
      expect(pg.sources.reduce((s, v) => s + v.count, 0)).toBeLessThanOrEqual(pg.total);
    });
  }
});

describe('searchPostgres: facets', () => {
  it('counts sources and years as the file backend does («تهران»), and filters by source', async () => {
    const file = engine.search(parseSearchParams({ q: '"تهران"' }));
    const pg = await searchPostgres(db, '"تهران"');
    const nonzero = (l: { value: string; count: number }[]) => l.filter((v) => v.count > 0).map(({ value, count }) => ({ value, count }));
    const byName = (l: { value: string; count: number }[]) => [...l].sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
    expect(byName(nonzero(pg.sources))).toEqual(byName(nonzero(file.facets.sources)));
    expect(pg.years).toEqual(file.facets.jalaliYears.filter((y) => y.count > 0).map((y) => ({ year: y.year, count: y.count })));
    const source = pg.sources[0].value;
    const only = await searchPostgres(db, '"تهران"', { source });
    expect(only.total).toBe(pg.sources[0].count);
    expect(only.total).toBeLessThan(pg.total);
  });
});

describe('searchPostgres with the vocabulary: unquoted words expanded as the file backend expands them', () => {
  // Several differ from the words as typed over Postgres (ایران 12 against 11, کشاورز 16 against 1, بینالمللی 9 against 5).
  const queries = ['ایران', 'ايران', 'تهران', 'خرید تضمینی', 'گندم', 'کشاورزان', 'کشاورز', 'تهر*', 'ایران -تهران', 'تهران OR مشهد', 'title:ایران', 'بین المللی', 'بینالمللی', 'قیمت', 'زرافهکوهستانی'];
  for (const q of queries) {
    it(q, async () => {
      const file = engine.search(parseSearchParams({ q }));
      const pg = await searchPostgres(db, q, {}, { vocabulary });
      expect(pg.total).toBe(file.total);
    });
  }

  it('answers match=any as the file backend does («کشاورز گندم»)', async () => {
    const file = engine.search(parseSearchParams({ q: 'کشاورز گندم', match: 'any' }));
    const pg = await searchPostgres(db, 'کشاورز گندم', {}, { vocabulary, match: 'any' });
    expect(pg.total).toBe(file.total);
    expect(pg.total).toBeGreaterThan((await searchPostgres(db, 'کشاورز گندم', {}, { vocabulary })).total);
  });

  it('finds more than the word as typed where the archive has its inflections («کشاورزان» also as «کشاورز»)', async () => {
    const typed = await searchPostgres(db, '"کشاورز"');
    const expanded = await searchPostgres(db, 'کشاورز', {}, { vocabulary });
    expect(expanded.total).toBeGreaterThan(typed.total);
  });

  it('compiles a word to its variants, a prefix with :*, and an unknown word to nothing', () => {
    const tsq = expandedTsquery(parseQuery('کشاورز'), vocabulary) as string;
    expect(tsq).toContain("'کشاورز'");
    expect(tsq).toContain(' | ');
    expect(expandedTsquery(parseQuery('title:تهر*'), vocabulary)).toContain("'تهر':*A");
    expect(typeof expandedTsquery(parseQuery('زرافهکوهستانی ایران'), vocabulary)).toBe('symbol');
  });
});

describe('phrases walk words, not the pieces of a compound, as the file index does', () => {
  // «بین‌المللی» is one word whose pieces «بین» and «المللی» share its position.
  const texts = ['نشست بین‌المللی امروز در تهران برگزار شد', 'المللی امروز واژه‌ای ساختگی است'];
  const own = texts.map((body, i): Article => ({ id: `p${i}`, title: 'خبر', body: [body], jalali: null, publishedAt: null, source: null, tags: [], url: null, dateline: null, agency: null, category: null }));
  let small: Sql;
  let smallEngine: SearchEngine;
  beforeAll(async () => {
    small = new PGlite() as unknown as Sql;
    await migrate(small);
    await loadArticles(small, own);
    smallEngine = SearchEngine.fromArticles(own);
  }, 60_000);

  for (const q of ['"المللی امروز"', '"بین‌المللی امروز"', '"بین"', 'بین']) {
    it(q, async () => {
      const v = await PgVocabulary.load(small);
      const file = smallEngine.search(parseSearchParams({ q })).total;
      expect((await searchPostgres(small, q, {}, { vocabulary: v })).total).toBe(file);
      expect((await searchPostgres(small, q)).total).toBe(file);
    });
  }

  it('finds the phrase written with the word, not through the compound («المللی امروز»: only the second article)', async () => {
    expect((await searchPostgres(small, '"المللی امروز"')).total).toBe(1);
  });
});
