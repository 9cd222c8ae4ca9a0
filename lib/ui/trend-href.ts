// The trends page's URL: its only state (queries, the search filters they
// share, interval, measure, smoothing, calendar, view), and the links out of
// it: to the search of one query in one period, to the exports. Pure
// functions, used by the server components and by the search page's link.
import type { TrendPeriod } from '../types';
import { searchHref, type UrlState } from './href';

/** The filters a trend shares with the search page (lib/search/params.ts TREND_FILTERS, there with their parsers). */
const SHARED_SINGLE = ['from', 'to', 'match', 'undated', 'count'] as const;
const SHARED_LISTS = ['source', 'tag'] as const;
/** The trend's own parameters (lib/search/trends.ts parseTrendsRequest). */
const OWN = ['interval', 'measure', 'smooth', 'labels', 'view'] as const;

type Single = (typeof SHARED_SINGLE)[number] | (typeof OWN)[number];
type List = (typeof SHARED_LISTS)[number];

export type TrendState = { q: string[] } & { [K in Single]?: string } & { [K in List]?: string[] };
export type TrendChanges = { [K in keyof TrendState]?: TrendState[K] | undefined };

/** Every single-valued parameter of the page, in URL order. */
export const TREND_SINGLE_PARAMETERS: readonly Single[] = [...SHARED_SINGLE, ...OWN];

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function getAll(raw: RawParams, key: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(key);
  const value = raw[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * The state a URL carries. Blank query boxes are dropped (the form sends
 * all eight), so are unknown parameters; a repeated single value keeps its first.
 */
export function readTrendState(raw: RawParams): TrendState {
  const state: TrendState = { q: getAll(raw, 'q').map((q) => q.trim()).filter(Boolean) };
  for (const key of TREND_SINGLE_PARAMETERS) {
    const text = getAll(raw, key)[0]?.trim();
    if (text) state[key] = text;
  }
  for (const key of SHARED_LISTS) {
    const values = [...new Set(getAll(raw, key).map((v) => v.trim()).filter(Boolean))];
    if (values.length > 0) state[key] = values;
  }
  return state;
}

/** The state as URL parameters, in one order: queries, then the filters, then the view. */
export function trendSearchParams(state: TrendState): URLSearchParams {
  const params = new URLSearchParams();
  for (const q of state.q) params.append('q', q);
  for (const key of SHARED_SINGLE) if (state[key]) params.set(key, state[key]!);
  for (const key of SHARED_LISTS) for (const v of state[key] ?? []) params.append(key, v);
  for (const key of OWN) if (state[key]) params.set(key, state[key]!);
  return params;
}

export function applyTrendChanges(state: TrendState, changes: TrendChanges): TrendState {
  const next: TrendState = { ...state };
  for (const [key, value] of Object.entries(changes) as [keyof TrendState, string | string[] | undefined][]) {
    if (key === 'q') next.q = (value as string[] | undefined) ?? [];
    else if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
    else (next as Record<string, string | string[]>)[key] = value;
  }
  return next;
}

/** `/trends?…` for the state with `changes` applied (a default value is left out of the URL). */
export function trendsHref(state: TrendState, changes: TrendChanges = {}): string {
  const query = trendSearchParams(applyTrendChanges(state, changes)).toString();
  return query ? `/trends?${query}` : '/trends';
}

/** The same trend from the API: its JSON answer, or an export (`format=csv|json`). */
export function trendsApiHref(state: TrendState, format?: 'csv' | 'json'): string {
  const params = trendSearchParams(applyTrendChanges(state, { view: undefined }));
  if (format) params.set('format', format);
  return `/api/trends?${params.toString()}`;
}

/** The search page for one query in one period, under the trend's filters: what a point of the chart counted. */
export function pointSearchHref(state: TrendState, q: string, period: Pick<TrendPeriod, 'start' | 'end'>, source?: string): string {
  const search: UrlState = { q, from: period.start, to: period.end, match: state.match, source: source ? [source] : state.source, tag: state.tag };
  return searchHref(search);
}

/** «روند در زمان» from the search page: its query and filters, as the trend's first query. */
export function trendsFromSearchHref(state: UrlState): string {
  return trendsHref({ q: state.q?.trim() ? [state.q.trim()] : [], from: state.from, to: state.to, match: state.match, undated: state.undated, source: state.source, tag: state.tag });
}
