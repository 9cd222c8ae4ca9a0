// A trend: several queries counted over the same Jalali periods under the same
// filters, beside the archive's own count per period (the share's
// denominator). Every count comes from the engine's one path (`query` with a
// period histogram); the totals are counted once per request.
import type { TrendsResponse } from '../types';
import { formatJalaliKey, readDateBound } from '../jalali';
import type { SearchEngine } from './engine';
import { normalizeValue } from './facet-value';
import { ParamError, parseTrendsParams, type TrendsParams } from './params';
import { QueryTooCostlyError } from './query/cost';

export function trends(engine: SearchEngine, { queries, interval, filters }: TrendsParams): TrendsResponse {
  const { timeline, totals } = engine.periodTotals(filters, interval);
  const periods = (timeline?.periods ?? []).map((p, i) => ({
    key: p.key,
    label: p.label,
    start: formatJalaliKey(p.start),
    end: formatJalaliKey(p.end),
    startIso: p.startIso,
    endIso: p.endIso,
    total: totals[i],
  }));
  const series = queries.map((q, i) => {
    const { hits, stories, periods: counted } = queryNamed(i, () => engine.query({ ...filters, q }, timeline ? { periods: timeline } : {}));
    const matched = filters.count === 'stories' ? stories : hits.length;
    return { q, counts: counted ? Array.from(counted.counts) : [], matched, undated: counted?.undated ?? matched };
  });
  return { interval: timeline?.interval ?? interval ?? 'year', count: filters.count, periods, series };
}

/** A query refused as too costly, said with its place among the trend's queries. */
function queryNamed<T>(i: number, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof QueryTooCostlyError) throw new ParamError('q', `q: query ${i + 1}: ${e.message.replace(/^q: /, '')}`);
    throw e;
  }
}

// ------------------------------------------------------------ what the page and the exports add

/**
 * A share resting on fewer articles than this (the period's total under the
 * filters) is drawn as uncertain: one article more or less moves it by 5 % or more.
 */
export const MIN_ARTICLES = 20;

export const TREND_MEASURES = ['share', 'count'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];
/** 0: the raw figures; 3: a moving average over 3 periods (the chart only: tables and exports stay raw). */
export const TREND_SMOOTHING = ['0', '3'] as const;
export const TREND_LABELS = ['jalali', 'gregorian'] as const;
export type TrendLabels = (typeof TREND_LABELS)[number];
/** `time`: one chart of every query; `source`: the same queries split by source (small multiples). */
export const TREND_VIEWS = ['time', 'source'] as const;
export type TrendView = (typeof TREND_VIEWS)[number];

/** What a trend's URL asks beyond the counts: how they are drawn. Read by the page and checked by the API. */
export interface TrendsRequest extends TrendsParams {
  measure: TrendMeasure;
  smooth: 0 | 3;
  labels: TrendLabels;
  view: TrendView;
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function firstOf(raw: RawParams, name: string): string {
  const value = raw instanceof URLSearchParams ? raw.get(name) : raw[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

/** One of a few words, the first the default; anything else is a ParamError naming the parameter. */
export function oneOfParam<T extends string>(raw: RawParams, name: string, allowed: readonly T[]): T {
  const value = firstOf(raw, name);
  if (value === '') return allowed[0];
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ParamError(name, `${name}: expected ${allowed.join(' or ')}, got "${value.slice(0, 40)}"`);
}

/** Parses a trend's URL (GET /api/trends, /trends); throws ParamError naming the first bad parameter. */
export function parseTrendsRequest(raw: RawParams): TrendsRequest {
  const params = parseTrendsParams(raw);
  return {
    ...params,
    measure: oneOfParam(raw, 'measure', TREND_MEASURES),
    smooth: oneOfParam(raw, 'smooth', TREND_SMOOTHING) === '3' ? 3 : 0,
    labels: oneOfParam(raw, 'labels', TREND_LABELS),
    view: oneOfParam(raw, 'view', TREND_VIEWS),
  };
}

/** count / total, or null when the period holds no article (a gap: there is nothing to be a share of). */
export function shareOf(count: number, total: number): number | null {
  return total > 0 ? count / total : null;
}

/** Whether a share rests on fewer than MIN_ARTICLES articles (a gap is not uncertain: it has no share). */
export function isUncertain(total: number): boolean {
  return total > 0 && total < MIN_ARTICLES;
}

/** One period of one query, as the exports write it. */
export interface TrendRow {
  q: string;
  period: string;
  label: string;
  start: string;
  end: string;
  startIso: string;
  endIso: string;
  count: number;
  total: number;
  share: number | null;
  uncertain: boolean;
}

/** Every period × query, period by period, the queries in the order asked; raw figures, never smoothed. */
export function trendRows(r: TrendsResponse): TrendRow[] {
  return r.periods.flatMap((p, i) =>
    r.series.map((s) => ({
      q: s.q,
      period: p.key,
      label: p.label,
      start: p.start,
      end: p.end,
      startIso: p.startIso,
      endIso: p.endIso,
      count: s.counts[i],
      total: p.total,
      share: shareOf(s.counts[i], p.total),
      uncertain: isUncertain(p.total),
    })),
  );
}

/** The sources the queries' matches come from most, for the split by source: selected ones only when a source filter is set. */
export function topSources(engine: SearchEngine, { queries, filters }: TrendsParams, limit: number): { source: string; matched: number }[] {
  const sum = new Map<string, number>();
  const selected = new Set(filters.source.map(normalizeValue));
  queries.forEach((q, i) => {
    const { facets } = queryNamed(i, () => engine.query({ ...filters, q, more: ['source'] }, { facets: true }));
    for (const { value, count } of facets!.sources) {
      if (count === 0 || (selected.size > 0 && !selected.has(normalizeValue(value)))) continue;
      sum.set(value, (sum.get(value) ?? 0) + count);
    }
  });
  return [...sum]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fa'))
    .slice(0, limit)
    .map(([source, matched]) => ({ source, matched }));
}

export interface SourceTrend {
  source: string;
  /** The queries' dated matches in this source over the trend's periods, summed (what ranks the sources). */
  matched: number;
  /** The same queries on the same periods, counted in this source only; each period's total is this source's articles then. */
  trend: TrendsResponse;
}

/**
 * The same queries split by source: for each of the sources with most
 * matches, the trend over the whole trend's periods (from/to pinned to
 * them, so every small chart shares one time axis), its denominator that
 * source's own articles per period.
 */
export function trendsBySource(engine: SearchEngine, params: TrendsParams, whole: TrendsResponse, limit = 6): SourceTrend[] {
  if (whole.periods.length === 0) return [];
  // Pinned to the periods (and so without the undated matches): a source is ranked by what its charts can show.
  const from = readDateBound(whole.periods[0].start, 'from', 'start');
  const to = readDateBound(whole.periods.at(-1)!.end, 'to', 'end');
  const pinned: TrendsParams = { ...params, interval: whole.interval, filters: { ...params.filters, from, to, undated: 'exclude' } };
  return topSources(engine, pinned, limit).map(({ source, matched }) => ({
    source,
    matched,
    trend: trends(engine, { ...pinned, filters: { ...pinned.filters, source: [source] } }),
  }));
}
