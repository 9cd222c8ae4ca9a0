// The parameters of the terms and collocates views: the search's query and
// filters (as the concordance reads them) and the view's own.
import { ParamError, type SearchParams } from '../params';
import { CONCORDANCE_SEARCH_PARAMETERS, all, whole, type RawParams } from '../present/concordance-params';
import { parseSearchParams } from '../params';

export const DEFAULT_TERMS = 30;
export const MAX_TERMS = 200;
export const DEFAULT_WINDOW = 5;
export const MAX_WINDOW = 10;
const BACKGROUNDS = ['range', 'all'] as const;

function searchOf(raw: RawParams): SearchParams {
  const kept = new URLSearchParams();
  // `group=story` among them: with grouping on, both views count one article per story.
  for (const name of CONCORDANCE_SEARCH_PARAMETERS) for (const value of all(raw, name)) kept.append(name, value);
  const search = parseSearchParams(kept);
  if (search.q.trim() === '') throw new ParamError('q', 'q: this view needs words to look for');
  return search;
}

/** GET /api/terms: the search, `background=range|all` (range: its filters without the query), `size`. */
export function parseTermsParams(raw: RawParams): { search: SearchParams; background: 'range' | 'all'; size: number } {
  const search = searchOf(raw);
  const background = (all(raw, 'background')[0] ?? '').trim() || 'range';
  if (!(BACKGROUNDS as readonly string[]).includes(background)) throw new ParamError('background', `background: expected range or all, got "${background.slice(0, 40)}"`);
  return { search, background: background as 'range' | 'all', size: whole(raw, 'size', 1, MAX_TERMS, DEFAULT_TERMS) };
}

/** GET /api/collocates: the search, `window=1..10` words either side, `size`. */
export function parseCollocatesParams(raw: RawParams): { search: SearchParams; window: number; size: number } {
  return { search: searchOf(raw), window: whole(raw, 'window', 1, MAX_WINDOW, DEFAULT_WINDOW), size: whole(raw, 'size', 1, MAX_TERMS, DEFAULT_TERMS) };
}
