// The parameters of the terms and collocates views: the search's query and
// filters (as the concordance reads them: viewSearch) and the view's own.
import { ParamError, type SearchParams } from '../params';
import { all, viewSearch, whole, type RawParams } from '../present/concordance-params';
import type { UrlState } from '../../ui/href';

export const DEFAULT_TERMS = 30;
export const MAX_TERMS = 200;
export const DEFAULT_WINDOW = 5;
export const MAX_WINDOW = 10;
const BACKGROUNDS = ['range', 'all'] as const;

/** With `page`, the pages' defaults (viewSearch): group=story counts each story once. */
type ViewOptions = { page?: boolean };

/** GET /api/terms: the search, `background=range|all` (range: its filters without the query), `size`. */
export function parseTermsParams(raw: RawParams, options: ViewOptions = {}): { search: SearchParams; state: UrlState; background: 'range' | 'all'; size: number } {
  const { search, state } = viewSearch(raw, options);
  const background = (all(raw, 'background')[0] ?? '').trim() || 'range';
  if (!(BACKGROUNDS as readonly string[]).includes(background)) throw new ParamError('background', `background: expected range or all, got "${background.slice(0, 40)}"`);
  return { search, state, background: background as 'range' | 'all', size: whole(raw, 'size', 1, MAX_TERMS, DEFAULT_TERMS) };
}

/** GET /api/collocates: the search, `window=1..10` words either side, `size`. */
export function parseCollocatesParams(raw: RawParams, options: ViewOptions = {}): { search: SearchParams; state: UrlState; window: number; size: number } {
  const { search, state } = viewSearch(raw, options);
  return { search, state, window: whole(raw, 'window', 1, MAX_WINDOW, DEFAULT_WINDOW), size: whole(raw, 'size', 1, MAX_TERMS, DEFAULT_TERMS) };
}
