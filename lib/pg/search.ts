// The core's parsed query compiled to a tsquery, and the total plus source and
// year facets in one round trip. With the archive's vocabulary (PgVocabulary)
// every word is expanded by the core's own TermExpander, as the file backend
// expands it: its spellings and inflections, a prefix's longer words, a solid
// compound's halves side by side and words typed apart as one solid word.
// Without it, words match as typed (what a quoted word matches).
import type { QueryTerm } from '../types';
import { parseQuery, type ParsedQuery } from '../search/query/parse';
import { TermExpander, type Alternative } from '../search/query/expand';
import type { Sql } from './schema';
import type { PgVocabulary } from './vocabulary';

const lexeme = (term: string) => "'" + term.replace(/\\/g, '\\\\').replace(/'/g, "''") + "'";

function clause(t: QueryTerm): string {
  const title = t.field === 'title';
  if (t.terms.length === 1) return operand(t.terms[0], t.prefix === true, title);
  return '(' + t.terms.map((term, i) => operand(term, t.prefix === true && i === t.terms.length - 1, title, true)).join(' <-> ') + ')';
}

/** The tsquery for a parsed query, or null when it requires nothing (nothing to search). */
export function toTsquery(query: ParsedQuery): string | null {
  const groups = query.groups.map((g) => (g.length === 1 ? clause(g[0]) : '(' + g.map(clause).join(' | ') + ')'));
  if (groups.length === 0) return null;
  return [...groups, ...query.excluded.map((t) => '!' + clause(t))].join(' & ');
}

/**
 * A lexeme, with `:*` for a prefix and the weights it may have (terms.ts): a
 * title-only word in the title (A, B), a phrase's word a word, not a piece
 * (A, D; title-only A), as the file index's phrases walk words only.
 */
function operand(term: string, prefix: boolean, title: boolean, inPhrase = false): string {
  const weights = inPhrase ? (title ? 'A' : 'AD') : title ? 'AB' : '';
  const flags = (prefix ? '*' : '') + weights;
  return lexeme(term) + (flags ? ':' + flags : '');
}

/** Expansions per vocabulary: the weight of a variant does not matter to what matches. */
const expanders = new WeakMap<PgVocabulary, TermExpander>();
function expanderOf(vocabulary: PgVocabulary): TermExpander {
  let e = expanders.get(vocabulary);
  if (!e) expanders.set(vocabulary, (e = new TermExpander(vocabulary, 1)));
  return e;
}

/** A clause's operands as the file backend matches it, ORed; null when it can match nothing. */
function expandedClause(c: Alternative, expander: TermExpander, vocabulary: PgVocabulary): string | null {
  const title = c.field === 'title';
  if (c.kind === 'phrase') {
    if (c.terms.some((t) => vocabulary.termId(t) < 0)) return null;
    return '(' + c.terms.map((t) => operand(t, false, title, true)).join(' <-> ') + ')';
  }
  // A prefix's longer words are every lexeme it begins: `:*` says that in one operand.
  const whole = expander.variants({ ...c, prefix: false }).map((v) => operand(vocabulary.vocabulary[v.id], false, title));
  const parts = c.prefix ? [...whole, operand(c.terms[0], true, title)] : whole;
  return parts.length === 0 ? null : parts.length === 1 ? parts[0] : '(' + parts.join(' | ') + ')';
}

/** Matches nothing: a query some required group of which no article can have. */
export const NOTHING = Symbol('nothing');

/**
 * The tsquery of a query with every word expanded as the file backend
 * expands it (match=all: every group; any: at least one); null when it
 * requires nothing, NOTHING when no article can match.
 */
export function expandedTsquery(query: ParsedQuery, vocabulary: PgVocabulary, match: 'all' | 'any' = 'all'): string | null | typeof NOTHING {
  const expander = expanderOf(vocabulary);
  if (query.groups.length === 0) return null;
  const groups = expander.withCompounds(query).map((g) => {
    const parts = g.map((c) => expandedClause(c, expander, vocabulary)).filter((p): p is string => p !== null);
    return parts.length === 0 ? null : parts.length === 1 ? parts[0] : '(' + parts.join(' | ') + ')';
  });
  const kept = groups.filter((g): g is string => g !== null);
  if (match === 'all' ? kept.length < groups.length : kept.length === 0) return NOTHING;
  const required = match === 'all' || kept.length === 1 ? kept.join(' & ') : '(' + kept.join(' | ') + ')';
  const excluded = query.excluded.map((c) => expandedClause(c, expander, vocabulary)).filter((p): p is string => p !== null);
  return [required, ...excluded.map((e) => '!' + e)].join(' & ');
}

export interface PgAnswer {
  total: number;
  top: string[];
  sources: { value: string; count: number }[];
  years: { year: number; count: number }[];
}

export interface PgFilters { source?: string; yearFrom?: number; yearTo?: number }

/**
 * Total, ten newest-first ids (ranking is not done yet) and facets, in one
 * statement; with `vocabulary`, words expanded as the file backend expands them.
 */
export async function searchPostgres(db: Sql, q: string, filters: PgFilters = {}, options: { vocabulary?: PgVocabulary; match?: 'all' | 'any' } = {}): Promise<PgAnswer> {
  const query = parseQuery(q);
  const tsq = options.vocabulary ? expandedTsquery(query, options.vocabulary, options.match) : toTsquery(query);
  if (tsq === null || tsq === NOTHING) return { total: 0, top: [], sources: [], years: [] };
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
