// Links that change one part of the search and keep the rest: the URL is the
// search's only state.
export interface UrlState {
  q?: string;
  from?: string;
  to?: string;
  sort?: string;
  page?: string;
  size?: string;
}

export const URL_KEYS = ['q', 'from', 'to', 'sort', 'page', 'size'] as const;

export function readUrlState(raw: Record<string, string | string[] | undefined>): UrlState {
  const state: UrlState = {};
  for (const key of URL_KEYS) {
    const value = raw[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (text) state[key] = text;
  }
  return state;
}

/** `/?…` for the state with `changes` applied; a changed filter or query goes back to page 1. */
export function searchHref(state: UrlState, changes: UrlState = {}): string {
  const next: UrlState = { ...state, ...changes };
  if (!('page' in changes)) delete next.page;
  const params = new URLSearchParams();
  for (const key of URL_KEYS) {
    const value = next[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

export function articleHref(id: string, q: string | undefined): string {
  const base = `/articles/${encodeURIComponent(id)}`;
  return q ? `${base}?q=${encodeURIComponent(q)}` : base;
}
