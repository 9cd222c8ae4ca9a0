// The core's parsed query compiled to a tsquery, and the total plus source and
// year facets in one round trip. Matching is by the analyzed terms as typed
// (what a quoted word matches in the file backend); the expander's stem
// variants are not compiled yet (issue 21).
import type { QueryTerm } from '../types';
import { parseQuery, type ParsedQuery } from '../search/query/parse';
import type { Sql } from './schema';

const lexeme = (term: string) => "'" + term.replace(/\\/g, '\\\\').replace(/'/g, "''") + "'";

function clause(t: QueryTerm): string {
  const weight = t.field === 'title' ? ':A' : '';
  const parts = t.terms.map((term, i) => lexeme(term) + (t.prefix && i === t.terms.length - 1 ? ':*' : '') + weight);
  return parts.length === 1 ? parts[0] : '(' + parts.join(' <-> ') + ')';
}

/** The tsquery for a parsed query, or null when it requires nothing (nothing to search). */
export function toTsquery(query: ParsedQuery): string | null {
  const groups = query.groups.map((g) => (g.length === 1 ? clause(g[0]) : '(' + g.map(clause).join(' | ') + ')'));
  if (groups.length === 0) return null;
  return [...groups, ...query.excluded.map((t) => '!' + clause(t))].join(' & ');
}

export interface PgAnswer {
  total: number;
  top: string[];
  sources: { value: string; count: number }[];
  years: { year: number; count: number }[];
}

export interface PgFilters { source?: string; yearFrom?: number; yearTo?: number }

/** Total, ten newest-first ids (ranking is not done yet) and facets, in one statement. */
export async function searchPostgres(db: Sql, q: string, filters: PgFilters = {}): Promise<PgAnswer> {
  const tsq = toTsquery(parseQuery(q));
  if (tsq === null) return { total: 0, top: [], sources: [], years: [] };
  const { rows } = await db.query<{ a: PgAnswer }>(
    `WITH m AS MATERIALIZED (
       SELECT id, source, jalali_year y, published_at FROM articles
       WHERE terms @@ $1::tsquery AND ($2::text IS NULL OR source = $2) AND ($3::int IS NULL OR jalali_year >= $3) AND ($4::int IS NULL OR jalali_year <= $4))
     SELECT json_build_object(
       'total', (SELECT count(*) FROM m),
       'top', coalesce((SELECT json_agg(id) FROM (SELECT id FROM m ORDER BY published_at DESC NULLS LAST, id LIMIT 10) t), '[]'),
       'sources', coalesce((SELECT json_agg(json_build_object('value', source, 'count', c) ORDER BY c DESC, source) FROM (SELECT source, count(*) c FROM m WHERE source IS NOT NULL GROUP BY source) s), '[]'),
       'years', coalesce((SELECT json_agg(json_build_object('year', y, 'count', c) ORDER BY y) FROM (SELECT y, count(*) c FROM m WHERE y IS NOT NULL GROUP BY y) s), '[]')) a`,
    [tsq, filters.source ?? null, filters.yearFrom ?? null, filters.yearTo ?? null],
  );
  const a = rows[0].a;
  return { ...a, total: Number(a.total) };
}
