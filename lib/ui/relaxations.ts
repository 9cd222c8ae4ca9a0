// For a search with no results: what each filter, dropped alone, would give
// (counted by the engine's count, without ranking, facets or text).
import type { SearchParams } from '../search/params';
import { normalizeValue } from '../search/facet-value';
import { rangePersian } from './dates';
import { searchHref, toggleHref, type UrlState } from './href';

export interface Relaxation {
  label: string;
  href: string;
  /** Results the search would have without this filter. */
  total: number;
}

/** For a search with no results: what each filter, dropped alone, would give. */
export function relaxations(count: (changes: Partial<SearchParams>) => number, params: SearchParams, state: UrlState): Relaxation[] {
  const out: Relaxation[] = [];
  const range = rangePersian(state.from, state.to);
  if (range) {
    out.push({ label: `بدون فیلتر تاریخ (${range})`, href: searchHref(state, { from: undefined, to: undefined }), total: count({ from: null, to: null }) });
  }
  for (const s of params.source) {
    const original = state.source?.find((v) => normalizeValue(v) === normalizeValue(s)) ?? s;
    out.push({ label: `بدون منبع «${s}»`, href: toggleHref(state, 'source', original), total: count({ source: params.source.filter((v) => v !== s) }) });
  }
  for (const t of params.tag) {
    const original = state.tag?.find((v) => normalizeValue(v) === normalizeValue(t)) ?? t;
    out.push({ label: `بدون برچسب «${t}»`, href: toggleHref(state, 'tag', original), total: count({ tag: params.tag.filter((v) => v !== t) }) });
  }
  if (out.length > 1) {
    out.push({ label: 'بدون هیچ فیلتری', href: searchHref(state, { from: undefined, to: undefined, source: undefined, tag: undefined }), total: count({ from: null, to: null, source: [], tag: [] }) });
  }
  if (params.match === 'all' && hasManyWords(params.q)) {
    out.push({ label: 'هر یک از کلمات (به‌جای همهٔ کلمات)', href: searchHref(state, { match: 'any' }), total: count({ match: 'any' }) });
  }
  return out.filter((r) => r.total > 0).slice(0, 12);
}

function hasManyWords(q: string): boolean {
  return q.trim().split(/\s+/).filter(Boolean).length > 1;
}

