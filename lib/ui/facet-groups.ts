// The source and tag lists of the search page: the facets' counts, checked by
// the URL's values in any spelling, narrowed when a full list is asked for.
import type { SearchParams } from '../search/params';
import { displayValue, normalizeValue } from '../search/facet-value';
import type { SearchResponse } from '../types';
import { narrowFacet } from './facet-list';
import { searchHref, type UrlState } from './href';

export interface FacetItem {
  value: string;
  count: number;
  checked: boolean;
  /** The spelling the URL has for a checked value, when it differs from `value` (unchecking removes that one). */
  urlValue?: string;
}

export interface FacetGroup {
  name: 'source' | 'tag';
  legend: string;
  items: FacetItem[];
  /** Selected URL values that the list does not show (kept when the form submits). */
  hiddenSelected: string[];
  /** How many values have matches: more than `items` shows unless the list is expanded. */
  total: number;
  /** Every value with matches is listed (`more=<name>`), narrowed to `find`, at most LONG_LIST_LIMIT rows. */
  expanded: boolean;
  /** The page with this list expanded, or collapsed again. */
  toggleHref: string;
  /** The text the expanded list is narrowed to (`sourceq`, `tagq`). */
  find: string;
  /** Values that contain `find` (every value without it). */
  matching: number;
}

/** Source and tag lists: counts from the facets, checked by the URL's values (in any spelling). */
export function facetGroups(response: SearchResponse, params: SearchParams, state: UrlState): FacetGroup[] {
  const build = (name: 'source' | 'tag', legend: string, values: { value: string; count: number }[], total: number): FacetGroup => {
    const selected = state[name] ?? [];
    const selectedKeys = new Map(selected.map((v) => [normalizeValue(v), v]));
    const shownKeys = new Set<string>();
    const items = values.map(({ value: label, count }) => {
      // The facet groups spellings; show (and send) the Persian one: «ايسنا» → «ایسنا».
      const value = displayValue(label);
      const key = normalizeValue(value);
      shownKeys.add(key);
      const urlValue = selectedKeys.get(key);
      return { value, count, checked: urlValue !== undefined, ...(urlValue !== undefined && urlValue !== value ? { urlValue } : {}) };
    });
    const hiddenSelected = selected.filter((v) => !shownKeys.has(normalizeValue(v)));
    const expanded = params.more.includes(name);
    const findKey = name === 'source' ? 'sourceq' : 'tagq';
    const find = expanded ? (state[findKey] ?? '').slice(0, 200) : '';
    const narrowed = expanded ? narrowFacet(items, find) : { items, matching: total };
    const more = expanded ? (state.more ?? []).filter((m) => m.trim() !== name) : [...(state.more ?? []), name];
    // Keep the page (a facet change does not move the results) and land on the list without JavaScript.
    const toggle = `${searchHref(state, { more, [findKey]: undefined, page: state.page })}#${name}-facet`;
    return { name, legend, items: narrowed.items, hiddenSelected, total, expanded, toggleHref: toggle, find, matching: narrowed.matching };
  };
  return [
    build('source', 'منبع', response.facets.sources, response.facets.sourceValues),
    build('tag', 'برچسب', response.facets.tags, response.facets.tagValues),
  ];
}

