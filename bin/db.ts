// npm run db:migrate -- [--db <url or dir>] ; npm run db:load -- --input <files> [--db <url or dir>] [--source-aliases <file>] [--batch N]
// npm run db:reanalyze -- [--db <url or dir>] [--batch N]: the terms an older analyzer made, made again from the stored text
// The database: a PostgreSQL server (`--db postgres://…`, or DATABASE_URL when
// --db is not given) or a PGlite data directory (`--db .cache/pg`).
import { parseArgs } from 'node:util';
import { DatabaseUnavailableError, openDatabase } from '../lib/pg/connect';
import { migrate } from '../lib/pg/schema';
import { loadArticles, reanalyze, staleCount } from '../lib/pg/load';
import { loadableArticles } from '../index-builder/pg-load';
import { SourceAliasError, loadSourceAliases } from '../index-builder/source-aliases';
import { formatReject } from '../index-builder/read/types';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({ args: rest, options: { db: { type: 'string' }, input: { type: 'string', multiple: true }, batch: { type: 'string' }, 'source-aliases': { type: 'string' } } });
const batch = Number(values.batch ?? 1000);
if (!Number.isInteger(batch) || batch < 1) { console.error('--batch: a whole number ≥ 1'); process.exit(2); }
const target = values.db ?? process.env.DATABASE_URL;
if (!target) { console.error('--db: give the database, a postgres:// URL or a PGlite directory (e.g. --db .cache/pg), or set DATABASE_URL'); process.exit(2); }
let database;
try {
  database = await openDatabase(target);
} catch (e) {
  if (!(e instanceof DatabaseUnavailableError)) throw e;
  console.error(`${values.db ? '--db' : 'DATABASE_URL'}: ${e.message}`);
  process.exit(1);
}
const db = database.sql;
const applied = await migrate(db);
console.error(applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema up to date');
if (command === 'load') {
  if (!values.input?.length) { console.error('--input: give the article files or folders to load'); process.exit(2); }
  let aliases;
  try {
    aliases = await loadSourceAliases(values['source-aliases']);
  } catch (e) {
    if (!(e instanceof SourceAliasError)) throw e;
    console.error(`--source-aliases ${e.message}`);
    process.exit(2);
  }
  let rejected = 0;
  // A reject is named with its file and line, as the builder names it: a load that skips a record says which.
  const onReject = (r: Parameters<typeof formatReject>[0]) => {
    rejected++;
    process.stderr.write(`\nrejected ${formatReject(r)}\n`);
  };
  const t0 = performance.now();
  const n = await loadArticles(db, loadableArticles(values.input, { aliases, onReject }), { batch, onBatch: (k) => process.stderr.write(`\r${k} articles loaded`) });
  console.error(`\n${n} articles loaded (${rejected} rejected) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
} else if (command === 'reanalyze') {
  const t0 = performance.now();
  const n = await reanalyze(db, { batch, onBatch: (k) => process.stderr.write(`\r${k} articles analyzed again`) });
  console.error(`\n${n} articles analyzed again in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
} else if (command !== 'migrate') { console.error(`unknown command ${command}: migrate, load or reanalyze`); process.exit(2); }
const stale = await staleCount(db);
if (stale > 0) console.error(`${stale} articles were analyzed by another version of the analyzer: their searches differ from the file index's until npm run db:reanalyze makes their terms again`);
await database.close();
