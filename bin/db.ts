// npm run db:migrate -- --db <dir> ; npm run db:load -- --input <files> --db <dir> [--source-aliases <file>] [--batch N]
// The database is a PGlite data directory for now (a pg-protocol client for
// DATABASE_URL is not wired yet: issue 21).
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { migrate, type Sql } from '../lib/pg/schema';
import { loadArticles } from '../lib/pg/load';
import { loadableArticles } from '../index-builder/pg-load';
import { SourceAliasError, loadSourceAliases } from '../index-builder/source-aliases';
import { formatReject } from '../index-builder/read/types';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({ args: rest, options: { db: { type: 'string' }, input: { type: 'string', multiple: true }, batch: { type: 'string' }, 'source-aliases': { type: 'string' } } });
if (!values.db) { console.error('--db: give the database directory (PGlite), e.g. --db .cache/pg'); process.exit(2); }
const db = new PGlite(values.db) as unknown as Sql;
const applied = await migrate(db);
console.error(applied.length ? `migrations applied: ${applied.join(', ')}` : 'schema up to date');
if (command === 'load') {
  if (!values.input?.length) { console.error('--input: give the article files or folders to load'); process.exit(2); }
  const batch = Number(values.batch ?? 1000);
  if (!Number.isInteger(batch) || batch < 1) { console.error('--batch: a whole number ≥ 1'); process.exit(2); }
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
} else if (command !== 'migrate') { console.error(`unknown command ${command}: migrate or load`); process.exit(2); }
await (db as unknown as PGlite).close();
