// The parameters of a concordance: the search's own (query and filters) and the
// view's (width, sort, page, size, form). The view's `sort`, `page` and `size`
// mean other things than the search's, so the search is read without them.
import type { ConcordanceSort } from '../../types';
import { toLatinDigits } from '../../digits';
import { analyze } from '../../persian/analyze';
import { MAX_PAGE, ParamError, parseSearchParams, type SearchParams } from '../params';
import { readUrlState, withPageDefaults, type UrlState } from '../../ui/href';

export const CONCORDANCE_SORTS: readonly ConcordanceSort[] = ['left1', 'left2', 'left3', 'right1', 'right2', 'right3', 'date', 'source'];
export const DEFAULT_WIDTH = 8;
export const MAX_WIDTH = 30;
export const DEFAULT_LINES = 50;
export const MAX_LINES = 500;

/** The search parameters a concordance keeps: what decides the matches. */
export const CONCORDANCE_SEARCH_PARAMETERS = ['q', 'from', 'to', 'undated', 'match', 'source', 'tag', 'group'] as const;

export interface ConcordanceParams {
  search: SearchParams;
  /** The search as a URL carries it (for the article links' «back» and the page's links). */
  state: UrlState;
  width: number;
  sort: ConcordanceSort;
  page: number;
  size: number;
  /** A spelling of the hit to keep, folded (null: every spelling). */
  form: string | null;
}

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

export function all(raw: RawParams, name: string): string[] {
  if (raw instanceof URLSearchParams) return raw.getAll(name);
  const value = raw[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function whole(raw: RawParams, param: string, min: number, max: number, fallback: number): number {
  const given = all(raw, param)[0];
  if (given === undefined || given.trim() === '') return fallback;
  const text = toLatinDigits(given.trim());
  if (!/^\d{1,9}$/.test(text)) throw new ParamError(param, `${param}: expected a whole number, got "${given.slice(0, 40)}"`);
  const n = Number(text);
  if (n < min || n > max) throw new ParamError(param, `${param}: ${n} is out of range ${min}..${max}`);
  return n;
}

/** A spelling folded as the index folds it: «كتاب‌ها» and «کتابها» are one form. */
export function foldForm(text: string): string {
  return analyze(text)
    .map((t) => t.term)
    .join(' ');
}

/**
 * The search a reading-in-context view (concordance, terms, collocates) is
 * over: the search parameters it keeps, and the URL state they make. With
 * `page`, the search takes the pages' own defaults where the URL is silent
 * (withPageDefaults: group=story, as the results page does) while `state`
 * stays as the URL has it, so links keep meaning the default; the API reads
 * the URL as it is (group=none). Throws ParamError naming the first bad one.
 */
export function viewSearch(raw: RawParams, options: { page?: boolean } = {}): { search: SearchParams; state: UrlState } {
  const kept = new URLSearchParams();
  for (const name of CONCORDANCE_SEARCH_PARAMETERS) for (const value of all(raw, name)) kept.append(name, value);
  const state = readUrlState(kept);
  const search = parseSearchParams(options.page ? withPageDefaults(state) : kept);
  if (search.q.trim() === '') throw new ParamError('q', 'q: this view needs words to look for');
  return { search, state };
}

/** Parses a concordance's parameters (viewSearch, then the view's own); throws ParamError naming the first bad one. */
export function parseConcordanceParams(raw: RawParams, options: { page?: boolean } = {}): ConcordanceParams {
  const { search, state } = viewSearch(raw, options);
  const sortText = (all(raw, 'sort')[0] ?? '').trim() || 'date';
  if (!(CONCORDANCE_SORTS as readonly string[]).includes(sortText)) {
    throw new ParamError('sort', `sort: expected ${CONCORDANCE_SORTS.slice(0, -1).join(', ')} or ${CONCORDANCE_SORTS.at(-1)}, got "${sortText.slice(0, 40)}"`);
  }
  const width = whole(raw, 'width', 1, MAX_WIDTH, DEFAULT_WIDTH);
  const page = whole(raw, 'page', 1, MAX_PAGE, 1);
  const size = whole(raw, 'size', 1, MAX_LINES, DEFAULT_LINES);
  const formText = (all(raw, 'form')[0] ?? '').slice(0, 200);
  const form = foldForm(formText) || null;
  return { search, state, width, sort: sortText as ConcordanceSort, page, size, form };
}

/** `/concordance?…` for the search `state` with the view's settings (defaults left out). */
export function concordanceHref(
  state: UrlState,
  view: { width?: number; sort?: ConcordanceSort; page?: number; size?: number; form?: string | null } = {},
  path = '/concordance',
): string {
  const params = new URLSearchParams();
  for (const name of CONCORDANCE_SEARCH_PARAMETERS) {
    const value = state[name];
    for (const v of Array.isArray(value) ? value : value ? [value] : []) params.append(name, v);
  }
  if (view.sort && view.sort !== 'date') params.set('sort', view.sort);
  if (view.width && view.width !== DEFAULT_WIDTH) params.set('width', String(view.width));
  if (view.size && view.size !== DEFAULT_LINES) params.set('size', String(view.size));
  if (view.form) params.set('form', view.form);
  if (view.page && view.page > 1) params.set('page', String(view.page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
