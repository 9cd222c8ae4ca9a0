// Links that change one part of the search and keep the rest: the URL is the
// search's only state. Pure functions, used on the server and in the browser.

import { normalizeValue } from '../search/facet-value';
import { carriedBy, PAGE_DEFAULTS, REPEATABLE_PARAMETERS, SINGLE_PARAMETERS, type ParameterName, type RepeatableParameter, type SingleParameter } from '../search/parameters';

/**
 * The view a URL carries: every parameter of lib/search/parameters.ts (what
 * each means is there), as text; repeatable ones as lists.
 */
export type UrlState = { [K in SingleParameter]?: string } & { [K in RepeatableParameter]?: string[] };

export type UrlChanges = { [K in keyof UrlState]?: UrlState[K] | undefined };

type ListKey = RepeatableParameter;

/**
 * The hidden fields a form that changes `changed` carries, for browsers
 * without JavaScript: every other parameter of the view (parameters.ts).
 */
export function carriedFields(state: UrlState, changed: readonly ParameterName[]): [string, string][] {
  const fields: [string, string][] = [];
  for (const key of carriedBy(changed)) {
    const value = state[key];
    for (const v of Array.isArray(value) ? value : value ? [value] : []) fields.push([key, v]);
  }
  return fields;
}

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function getAll(raw: RawParams, key: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(key);
  const value = raw[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The search state a URL carries (unknown parameters are dropped; the first of a repeated single wins). */
export function readUrlState(raw: RawParams): UrlState {
  const state: UrlState = {};
  for (const key of SINGLE_PARAMETERS) {
    const text = getAll(raw, key)[0];
    if (text) state[key] = text;
  }
  for (const key of REPEATABLE_PARAMETERS) {
    const seen = new Set<string>();
    for (const v of getAll(raw, key)) {
      const t = v.trim();
      if (t) seen.add(t);
    }
    if (seen.size > 0) state[key] = [...seen];
  }
  return state;
}

/**
 * What the search page searches for `state`: its own defaults where the URL
 * is silent (parameters.ts `pageDefault`: results grouped by story), the
 * URL's value otherwise. The URL is left as it is, so a link keeps meaning
 * the page's default and `group=none` is the one a reader chose.
 */
export function withPageDefaults(state: UrlState): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = { ...state };
  for (const [name, value] of PAGE_DEFAULTS) if (!out[name]) out[name] = value;
  return out;
}

/** The state as URL parameters, in one canonical order. */
export function toSearchParams(state: UrlState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SINGLE_PARAMETERS) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  for (const key of REPEATABLE_PARAMETERS) for (const value of state[key] ?? []) params.append(key, value);
  return params;
}

/**
 * The state with `changes` applied; a changed query, filter or order goes back
 * to page 1, and any link but the search box's own typing is whole words.
 */
export function applyChanges(state: UrlState, changes: UrlChanges = {}): UrlState {
  const next: UrlState = { ...state };
  for (const [key, value] of Object.entries(changes) as [keyof UrlState, string | string[] | undefined][]) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
    else (next as Record<string, string | string[]>)[key] = value;
  }
  if (!('page' in changes)) delete next.page;
  if (!('prefix' in changes)) delete next.prefix;
  return next;
}

/** `/?…` for the state with `changes` applied. */
export function searchHref(state: UrlState, changes: UrlChanges = {}): string {
  const query = toSearchParams(applyChanges(state, changes)).toString();
  return query ? `/?${query}` : '/';
}

/** Whether `value` is among `list` (normalized: facet-value.ts). */
export function hasValue(list: readonly string[] | undefined, value: string): boolean {
  const key = normalizeValue(value);
  return (list ?? []).some((v) => normalizeValue(v) === key);
}

/** The list with `value` added, or removed (in every spelling) when it is there. */
export function toggleValue(list: readonly string[] | undefined, value: string): string[] {
  const key = normalizeValue(value);
  const rest = (list ?? []).filter((v) => normalizeValue(v) !== key);
  return rest.length === (list ?? []).length ? [...rest, value] : rest;
}

/** State with one facet value toggled. */
export function toggleHref(state: UrlState, key: ListKey, value: string): string {
  return searchHref(state, { [key]: toggleValue(state[key], value) });
}

/** The state without any filter (dates, sources, tags); the query, order and match mode stay. */
export function clearFiltersHref(state: UrlState): string {
  return searchHref(state, { from: undefined, to: undefined, source: undefined, tag: undefined });
}

export function hasFilters(state: UrlState): boolean {
  return Boolean(state.from || state.to || state.source?.length || state.tag?.length);
}

/** Fragment id of a result in the list ("back to results" scrolls to it). */
export function resultAnchor(id: string): string {
  return `r-${id}`;
}

// An id of only dots would be a directory step in a URL (`/articles/..` is `/`, and %2E%2E is read as a dot too,
// by browsers and by the server), so it gets a `~` in front; an id that is tildes then dots gets one more, so the
// escape is reversible and no two ids share a URL. `~` is unreserved: encodeURIComponent leaves it, nothing decodes it.
const DOTS_ESCAPED = /^~*\.+$/;

/** The URL path segment naming article `id` (in /articles/<segment> and /api/articles/<segment>). */
export function idSegment(id: string): string {
  return encodeURIComponent(DOTS_ESCAPED.test(id) ? `~${id}` : id);
}

/** The article id a path segment names, the segment already percent-decoded (as the router gives it). */
export function idFromSegment(segment: string): string {
  return /^~+\.+$/.test(segment) ? segment.slice(1) : segment;
}

/**
 * `/articles/<id>?q=…&back=…`: `q` highlights, `back` is the whole search (its
 * query string) so "back to results" restores it exactly.
 */
export function articleHref(id: string, state: UrlState | string | undefined): string {
  const base = `/articles/${idSegment(id)}`;
  const s: UrlState = typeof state === 'string' ? { q: state } : (state ?? {});
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  const back = toSearchParams({ ...s, prefix: undefined }).toString();
  if (back && typeof state !== 'string') params.set('back', back);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

/**
 * The search page a `back` parameter names. Only known search parameters are
 * kept, and the result is always a path on this site (never `//host`).
 */
export function backHref(back: string | undefined, fallbackQ?: string, resultId?: string): string {
  const state = back ? readUrlState(new URLSearchParams(back.replace(/^[?]/, ''))) : fallbackQ ? { q: fallbackQ } : {};
  const href = searchHref(state, { page: state.page });
  return resultId ? `${href}#${encodeURIComponent(resultAnchor(resultId))}` : href;
}
