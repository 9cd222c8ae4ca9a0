// What a full source or tag list («بیشتر») shows: the values that contain the
// text typed in its box, most matches first, at most LONG_LIST_LIMIT of them
// (a checked value always). Pure, so the page and the tests share it.
import { normalizeValue } from '../search/facet-value';

/** Rows a full list renders at most: 6,311 tags as checkboxes (2.2 MB) took Chromium 16 s to parse on a loaded 2-core machine. */
export const LONG_LIST_LIMIT = 200;

export interface Narrowed<T> {
  items: T[];
  /** Values that contain the text (all of them with no text); `items` holds the first LONG_LIST_LIMIT. */
  matching: number;
}

export function narrowFacet<T extends { value: string; checked: boolean }>(items: readonly T[], find: string, limit = LONG_LIST_LIMIT): Narrowed<T> {
  const needle = normalizeValue(find);
  const matches = (item: T) => !needle || normalizeValue(item.value).includes(needle);
  let matching = 0;
  const kept: T[] = [];
  for (const item of items) {
    const match = matches(item);
    if (match) matching++;
    if (item.checked || (match && matching <= limit)) kept.push(item);
  }
  return { items: kept, matching };
}
