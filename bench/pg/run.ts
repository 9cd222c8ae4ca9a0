// `npm run bench:pg`: the PostgreSQL backend on the 100,000-article bench
// corpus (issue 21), beside the file index over the same articles: load time,
// the vocabulary read the expansion needs, and per query class of the bench
// query mix the totals compared with the file backend's and the latency.
//
//   tsx bench/pg/run.ts [--shared <dir>] [--limit N]
//
// It starts a throwaway PostgreSQL cluster (lib/pg/throwaway-server.ts) and
// removes it afterwards; the file index is bench/.cache/index-100k (built here
// when missing). Queries with a date range and the typing class are left out
// (searchPostgres filters by year only and has no typing prefix mode yet).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIndex } from '../../index-builder/build';
import { loadableArticles } from '../../index-builder/pg-load';
import { openDatabase } from '../../lib/pg/connect';
import { loadArticles } from '../../lib/pg/load';
import { migrate } from '../../lib/pg/schema';
import { searchPostgres } from '../../lib/pg/search';
import { startThrowawayServer } from '../../lib/pg/throwaway-server';
import { PgVocabulary } from '../../lib/pg/vocabulary';
import { loadEngine } from '../../lib/search/load';
import { parseSearchParams } from '../../lib/search/params';
import { table } from '../eval/report';
import { makeBenchCorpus } from '../query/corpus';
import { CORPUS_FILE, INDEX_DIR, QUERIES_FILE, requireShared } from '../query/paths';
import { msText, percentiles } from '../query/stats';

const { values } = parseArgs({ options: { shared: { type: 'string' }, limit: { type: 'string' } } });
const limit = values.limit ? Number(values.limit) : Infinity;
if (!existsSync(CORPUS_FILE)) await makeBenchCorpus(requireShared(values.shared, 'bench:pg'));
const server = startThrowawayServer();
if (!server) {
  console.error('bench:pg: no PostgreSQL binaries: install Debian postgresql-15 (apt-get install postgresql-15)');
  process.exit(1);
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
try {
  if (!existsSync(path.join(INDEX_DIR, 'manifest.json'))) {
    console.log(`bench:pg: building the file index at ${INDEX_DIR} first`);
    await buildIndex({ inputs: [CORPUS_FILE], out: INDEX_DIR });
  }
  const engine = await loadEngine(INDEX_DIR);
  const db = await openDatabase(server.url);
  await migrate(db.sql);
  let t = performance.now();
  const loaded = await loadArticles(db.sql, loadableArticles([CORPUS_FILE], { onReject: () => {} }), { batch: 1000 });
  const loadMs = performance.now() - t;
  t = performance.now();
  await db.sql.exec('VACUUM ANALYZE articles');
  const vacuumMs = performance.now() - t;
  t = performance.now();
  const vocabulary = await PgVocabulary.load(db.sql);
  const vocabularyMs = performance.now() - t;
  const size = (await db.sql.query<{ b: string }>(`SELECT pg_total_relation_size('articles')::text b`)).rows[0].b;
  console.log(`bench:pg: ${loaded.toLocaleString('en-US')} articles loaded in ${seconds(loadMs)} (analysis, INSERT in batches of 1,000, GIN kept up), VACUUM ANALYZE ${seconds(vacuumMs)}, ${Math.round(Number(size) / 2 ** 20)} MiB on disk`);
  console.log(`bench:pg: vocabulary ${vocabulary.vocabulary.length.toLocaleString('en-US')} lexemes read with ts_stat in ${seconds(vocabularyMs)}`);

  const mix = (JSON.parse(readFileSync(QUERIES_FILE, 'utf8')).queries as { type: string; q: string; from?: string }[]).filter((x) => !x.from && x.type !== 'typing');
  const byType = new Map<string, { ms: number[]; fileMs: number[]; equal: number; n: number; differ: string[] }>();
  for (const x of mix.slice(0, limit)) {
    const entry = byType.get(x.type) ?? { ms: [], fileMs: [], equal: 0, n: 0, differ: [] };
    byType.set(x.type, entry);
    const q = x.q.trim();
    const file = engine.search(parseSearchParams({ q }));
    const started = performance.now();
    const pg = await searchPostgres(db.sql, q, {}, { vocabulary });
    entry.ms.push(performance.now() - started);
    entry.fileMs.push(file.tookMs);
    entry.n++;
    if (pg.total === file.total) entry.equal++;
    else if (entry.differ.length < 3) entry.differ.push(`«${q}» ${pg.total} vs ${file.total}`);
  }
  const rows = [...byType].map(([type, e]) => {
    const p = percentiles(e.ms), f = percentiles(e.fileMs);
    return [type, e.n, `${e.equal}/${e.n}`, msText(p.p50), msText(p.p95), msText(f.p50), msText(f.p95)];
  });
  console.log(table(['class', 'n', 'totals equal', 'pg p50 ms', 'pg p95 ms', 'file p50 ms', 'file p95 ms'], rows));
  console.log('(pg: one round trip for the total, ten ids and the source and year facets; file: the engine\'s tookMs for its full answer, ten snippets included)');
  for (const [type, e] of byType) for (const d of e.differ) console.log(`differs (${type}): ${d}`);
  await db.close();
} finally {
  server.stop();
}
