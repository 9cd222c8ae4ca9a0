// db:load's reading: the builder's source names and its named rejects, into Postgres (PGlite).
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { migrate, type Sql } from '../lib/pg/schema';
import { loadArticles } from '../lib/pg/load';
import { loadableArticles } from './pg-load';
import { SourceAliases } from './source-aliases';
import { formatReject, type ReadReject } from './read/types';

const record = (id: string, source: string) =>
  JSON.stringify({ id, title: `خبر ${id}`, body: 'متن خبر درباره بازار کتاب است.', date: '2024-03-01', source, tags: [], url: null });

let db: Sql;
beforeAll(async () => {
  db = new PGlite() as unknown as Sql;
  await migrate(db);
}, 60_000);
afterAll(() => (db as unknown as PGlite).close());

async function load(lines: string[], aliases?: SourceAliases) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kavosh-pg-load-'));
  const file = path.join(dir, 'a.jsonl');
  await writeFile(file, lines.join('\n') + '\n');
  await db.query('DELETE FROM articles');
  const rejects: ReadReject[] = [];
  const n = await loadArticles(db, loadableArticles([file], { aliases, onReject: (r) => rejects.push(r) }));
  const { rows } = await db.query<{ id: string; source: string; source_as_written: string | null }>('SELECT id, source, source_as_written FROM articles ORDER BY id');
  return { n, rows, rejects, file };
}

describe('db:load reading', () => {
  it('stores the source under the name the index gives it, keeping the name as written', async () => {
    const { rows } = await load([record('m1', 'mehrnews.com'), record('m2', 'خبرگزاری مهر')]);
    expect(rows).toEqual([
      { id: 'm1', source: 'خبرگزاری مهر', source_as_written: 'mehrnews.com' },
      { id: 'm2', source: 'خبرگزاری مهر', source_as_written: null },
    ]);
  });

  it('applies the user’s aliases as the builder does, and leaves an unknown outlet as written', async () => {
    const aliases = new SourceAliases([{ alias: 'tabnak.ir', canonical: 'تابناک', where: 'aliases.csv:2' }]);
    const { rows } = await load([record('t1', 'tabnak.ir'), record('x1', 'sample-outlet.ir')], aliases);
    expect(rows.map((r) => r.source)).toEqual(['تابناک', 'sample-outlet.ir']);
  });

  it('skips a bad record and names its file and line, loading the rest', async () => {
    const { n, rows, rejects, file } = await load([record('ok1', 'ایرنا'), '{ not a record', record('ok2', 'ایرنا')]);
    expect(n).toBe(2);
    expect(rows.map((r) => r.id)).toEqual(['ok1', 'ok2']);
    expect(rejects).toHaveLength(1);
    expect(formatReject(rejects[0])).toContain(`${file}:2`);
  });
});
