// The parameters of a search, as the URL carries them. The API route and the
// page both parse with this one schema, so a link and an API call mean the same.
import { z } from 'zod';
import type { FacetName, MatchMode, SortOrder } from '../types';
import { boundToDayNumber, parseJalaliBound, readDateBound } from '../jalali';
import { toLatinDigits } from '../digits';
import { API_REPEATABLE_PARAMETERS, API_SINGLE_PARAMETERS, type ApiParameter } from './parameters';

export type JalaliBound = ReturnType<typeof parseJalaliBound>;

export interface SearchParams {
  q: string;
  from: JalaliBound | null;
  to: JalaliBound | null;
  sort: SortOrder;
  page: number;
  size: number;
  match: MatchMode;
  /** Sources to keep (any of them); empty keeps all. */
  source: string[];
  /** Tags to keep (any of them); empty keeps all. */
  tag: string[];
  /** `include`: a from/to filter keeps the undated articles too; `exclude` (the default) leaves them out. */
  undated: UndatedMode;
  /** Facets listed in full (every value with matches) instead of their top 20. */
  more: FacetName[];
  /**
   * `last`: the last word is being typed and matches every word it begins
   * (search-as-you-type). `none` (the default, and any link without it): whole words.
   */
  prefix: 'none' | 'last';
  /**
   * `story`: copies of one wire story are one result (the copy that ranks
   * best), and a source filter keeps a story when any copy is from it. `none`
   * (the API's default): one result per article, as before stories.
   */
  group: GroupMode;
  /** What facets and the timeline count: `articles` (the API's default) or distinct `stories`. */
  count: CountUnit;
  /** The query was over MAX_QUERY_LENGTH and was cut at the last word boundary before it (the page says so). */
  queryCut?: true;
}

export type UndatedMode = 'exclude' | 'include';
export type GroupMode = 'none' | 'story';
export type CountUnit = 'articles' | 'stories';

export const FACET_NAMES: readonly FacetName[] = ['source', 'tag'];

export const MAX_QUERY_LENGTH = 1000;
export const MAX_PAGE = 10_000;
export const MAX_SIZE = 100;
export const DEFAULT_SIZE = 10;
export const MAX_FILTER_VALUES = 50;
/** The longest from/to worth parsing («۱۴۰۰/۰۸/۱۰ ۲۳:۵۶» is 16); longer is refused without echoing it whole. */
export const MAX_BOUND_LENGTH = 40;

/** A parameter the caller got wrong; the API answers it with HTTP 400. */
export class ParamError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'ParamError';
  }
}

const integer = (param: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return fallback;
      const text = toLatinDigits(raw.trim());
      if (!/^\d{1,9}$/.test(text)) {
        ctx.addIssue({ code: 'custom', message: `${param}: expected a whole number, got "${raw.slice(0, 40)}"` });
        return z.NEVER;
      }
      const n = Number(text);
      if (n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${param}: ${n} is out of range ${min}..${max}` });
        return z.NEVER;
      }
      return n;
    });

const bound = (param: string, edge: 'start' | 'end') =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === '') return null;
      if (raw.length > MAX_BOUND_LENGTH) {
        ctx.addIssue({
          code: 'custom',
          message: `${param}: expected a Jalali year, year-month or date like 1400-08-10, or a Gregorian one like 2021-11-01 (got ${raw.length} characters)`,
        });
        return z.NEVER;
      }
      try {
        // Read as the date box reads it (2005 is Gregorian, 84 is 1384), so a link means what the box showed.
        return readDateBound(raw, param, edge);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    });

const values = (param: string) =>
  z.array(z.string()).transform((list, ctx) => {
    const kept = [...new Set(list.map((v) => v.trim().slice(0, 200)).filter(Boolean))];
    if (kept.length > MAX_FILTER_VALUES) {
      ctx.addIssue({ code: 'custom', message: `${param}: at most ${MAX_FILTER_VALUES} values, got ${kept.length}` });
      return z.NEVER;
    }
    return kept;
  });

/** One of a few words; a missing or empty value is the default. */
const oneOf = <T extends string>(param: string, allowed: readonly T[], fallback: T) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw === undefined || raw.trim() === '' ? fallback : raw.trim();
      if ((allowed as readonly string[]).includes(value)) return value as T;
      ctx.addIssue({ code: 'custom', message: `${param}: expected ${allowed.join(' or ')}, got "${value.slice(0, 40)}"` });
      return z.NEVER;
    });

const facetNames = z.array(z.string()).transform((list, ctx) => {
  const kept = new Set<FacetName>();
  for (const raw of list) {
    const value = raw.trim();
    if (value === '') continue;
    if (!(FACET_NAMES as readonly string[]).includes(value)) {
      ctx.addIssue({ code: 'custom', message: `more: expected ${FACET_NAMES.join(' or ')}, got "${value.slice(0, 40)}"` });
      return z.NEVER;
    }
    kept.add(value as FacetName);
  }
  return [...kept];
});

// One parser for each API parameter of the table (parameters.ts); the compiler checks none is missing.
const shape = {
  // Never an error for a query: long ones are cut (below), odd characters are the analyzer's business.
  q: z
    .string()
    .optional()
    .transform((q) => q ?? ''),
  from: bound('from', 'start'),
  to: bound('to', 'end'),
  sort: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw === undefined || raw === '' ? 'relevance' : raw;
      if (value === 'relevance' || value === 'newest' || value === 'oldest') return value as SortOrder;
      ctx.addIssue({ code: 'custom', message: `sort: expected relevance, newest or oldest, got "${value.slice(0, 40)}"` });
      return z.NEVER;
    }),
  page: integer('page', 1, MAX_PAGE, 1),
  size: integer('size', 1, MAX_SIZE, DEFAULT_SIZE),
  match: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw === undefined || raw === '' ? 'all' : raw;
      if (value === 'all' || value === 'any') return value as MatchMode;
      ctx.addIssue({ code: 'custom', message: `match: expected all or any, got "${value.slice(0, 40)}"` });
      return z.NEVER;
    }),
  source: values('source'),
  tag: values('tag'),
  undated: oneOf<UndatedMode>('undated', ['exclude', 'include'], 'exclude'),
  more: facetNames,
  prefix: oneOf<SearchParams['prefix']>('prefix', ['none', 'last'], 'none'),
  group: oneOf<GroupMode>('group', ['none', 'story'], 'none'),
  count: oneOf<CountUnit>('count', ['articles', 'stories'], 'articles'),
} satisfies Record<ApiParameter, z.ZodType>;
const schema = z.object(shape);

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function first(raw: RawParams, name: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(name) ?? undefined;
  const value = raw[name];
  return Array.isArray(value) ? value[0] : value;
}

function all(raw: RawParams, name: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(name);
  const value = raw[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}


/** `q` cut to at most `max` characters, at the last space before the cut, so that no word is searched half. */
export function cutAtWord(q: string, max: number): string {
  if (q.length <= max) return q;
  const head = q.slice(0, max + 1);
  const space = head.search(/\s\S*$/u);
  return (space > 0 ? head.slice(0, space) : q.slice(0, max)).trimEnd();
}

/** Parses and validates search parameters; throws ParamError naming the first bad one. */
export function parseSearchParams(raw: RawParams): SearchParams {
  const input = Object.fromEntries([
    ...API_SINGLE_PARAMETERS.map((name) => [name, first(raw, name)]),
    ...API_REPEATABLE_PARAMETERS.map((name) => [name, all(raw, name)]),
  ]);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ParamError(String(issue.path[0] ?? 'query'), issue.message);
  }
  const params: SearchParams = parsed.data;
  if (params.q.length > MAX_QUERY_LENGTH) {
    params.q = cutAtWord(params.q, MAX_QUERY_LENGTH);
    params.queryCut = true;
  }
  if (params.from && params.to && boundToDayNumber(params.from, 'start') > boundToDayNumber(params.to, 'end')) {
    throw new ParamError('from', 'from: the start of the date range is after its end (to)');
  }
  return params;
}

/** The most queries one trend compares. */
export const MAX_TREND_QUERIES = 8;
const TREND_INTERVALS = ['year', 'month', 'week'] as const;
/** The search parameters a trend shares across its queries (no order, page or typing rule: it counts). */
const TREND_FILTERS = ['from', 'to', 'source', 'tag', 'match', 'undated', 'count'] as const;

export interface TrendsParams {
  /** The queries compared, in the order asked (each in the full query language). */
  queries: string[];
  /** null: chosen from the range (collect/periods.ts, autoInterval). */
  interval: (typeof TREND_INTERVALS)[number] | null;
  /** The filters every query shares, with `q` empty. */
  filters: SearchParams;
}

/** Parses GET /api/trends's parameters; throws ParamError naming the first bad one. */
export function parseTrendsParams(raw: RawParams): TrendsParams {
  const queries = all(raw, 'q');
  if (queries.length === 0) throw new ParamError('q', 'q: at least one query is needed (q=…&q=…)');
  if (queries.length > MAX_TREND_QUERIES) throw new ParamError('q', `q: at most ${MAX_TREND_QUERIES} queries, got ${queries.length}`);
  const blank = queries.findIndex((q) => q.trim() === '');
  if (blank >= 0) throw new ParamError('q', `q: query ${blank + 1} is empty`);
  const rawInterval = first(raw, 'interval')?.trim() ?? '';
  if (rawInterval !== '' && !(TREND_INTERVALS as readonly string[]).includes(rawInterval)) {
    throw new ParamError('interval', `interval: expected ${TREND_INTERVALS.join(', ')} or nothing (chosen from the range), got "${rawInterval.slice(0, 40)}"`);
  }
  const shared = new URLSearchParams();
  for (const name of TREND_FILTERS) for (const value of all(raw, name)) shared.append(name, value);
  return {
    queries: queries.map((q) => cutAtWord(q, MAX_QUERY_LENGTH)),
    interval: rawInterval === '' ? null : (rawInterval as TrendsParams['interval']),
    filters: parseSearchParams(shared),
  };
}
