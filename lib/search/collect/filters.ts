// The filters of a search (dates, sources, tags) resolved once against the
// index, and the one pass that applies them, counting the facets on the way.
import type { MonthCount, SearchFacets, YearCount } from '../../types';
import { boundToDayNumber } from '../../jalali';
import type { FacetField } from '../facet-field';
import type { SearchParams } from '../params';
import type { ArticleDates } from './article-dates';

/** Source and tag facets list this many values unless `more` asks for every one. */
export const FACET_LIMIT = 20;

export interface Filters {
  dated: boolean;
  /** Jalali day keys, inclusive. */
  fromKey: number;
  toKey: number;
  fromYear: number;
  toYear: number;
  /** A date filter leaves the undated articles out unless asked to keep them. */
  keepUndated: boolean;
  /** Source and tag codes wanted (OR within a field), null when the field is not filtered. */
  sources: Set<number> | null;
  tags: Set<number> | null;
}

export interface FacetFields {
  dates: ArticleDates;
  sources: FacetField;
  tags: FacetField;
}

export function resolveFilters(params: SearchParams, fields: FacetFields): Filters {
  return {
    dated: params.from !== null || params.to !== null,
    fromKey: params.from ? boundToDayNumber(params.from, 'start') : 0,
    toKey: params.to ? boundToDayNumber(params.to, 'end') : Number.MAX_SAFE_INTEGER,
    fromYear: params.from?.year ?? -Infinity,
    toYear: params.to?.year ?? Infinity,
    keepUndated: params.undated === 'include',
    sources: params.source.length > 0 ? fields.sources.codesFor(params.source) : null,
    tags: params.tag.length > 0 ? fields.tags.codesFor(params.tag) : null,
  };
}

const unfiltered = (f: Filters) => !f.dated && f.sources === null && f.tags === null;

/** The matches that pass every filter, without facets (counts). */
export function filterMatches(docs: number[], filters: Filters, fields: FacetFields): number[] {
  if (unfiltered(filters)) return docs;
  const { dayKey } = fields.dates;
  const { dated, keepUndated, fromKey, toKey, sources, tags } = filters;
  const hits: number[] = [];
  for (const docId of docs) {
    const key = dayKey[docId];
    if (dated && !(key === 0 ? keepUndated : key >= fromKey && key <= toKey)) continue;
    if (sources !== null && !fields.sources.hasAny(docId, sources)) continue;
    if (tags !== null && !fields.tags.hasAny(docId, tags)) continue;
    hits.push(docId);
  }
  return hits;
}

/**
 * The matches that pass every filter and, in the same pass, the facets: each
 * facet counts the matches that pass every filter but its own, so a checked
 * source still shows the others' counts. Undated matches are counted apart
 * (over the source and tag filters, like the years).
 */
export function filterAndCount(
  docs: number[],
  filters: Filters,
  fields: FacetFields,
  more: SearchParams['more'],
): { hits: number[]; facets: SearchFacets } {
  const { dates, sources: sourceField, tags: tagField } = fields;
  const { firstYear, yearSlot, monthSlot, dayKey } = dates;
  const { dated, keepUndated, fromKey, toKey, fromYear, toYear, sources, tags } = filters;
  const yearCounts = new Int32Array(dates.yearSpan);
  const monthCounts = new Int32Array(dates.yearSpan * 12);
  const sourceCounts = sourceField.newCounts();
  const tagCounts = tagField.newCounts();
  let undated = 0;
  let hits: number[];
  if (unfiltered(filters)) {
    // No filter (most searches): every match is a hit and counts everywhere.
    for (let i = 0; i < docs.length; i++) {
      const docId = docs[i];
      if (yearSlot[docId] >= 0) {
        yearCounts[yearSlot[docId]]++;
        monthCounts[monthSlot[docId]]++;
      } else undated++;
    }
    sourceField.countAll(docs, sourceCounts);
    tagField.countAll(docs, tagCounts);
    hits = docs;
  } else {
    hits = [];
    for (const docId of docs) {
      const key = dayKey[docId];
      const inDates = !dated || (key === 0 ? keepUndated : key >= fromKey && key <= toKey);
      const inSources = sources === null || sourceField.hasAny(docId, sources);
      const inTags = tags === null || tagField.hasAny(docId, tags);
      if (inSources && inTags && key !== 0) {
        const year = Math.floor(key / 10000);
        yearCounts[yearSlot[docId]]++;
        if (year >= fromYear && year <= toYear) monthCounts[monthSlot[docId]]++;
      } else if (inSources && inTags) undated++;
      if (inDates && inTags) sourceField.countInto(docId, sourceCounts);
      if (inDates && inSources) tagField.countInto(docId, tagCounts);
      if (inDates && inSources && inTags) hits.push(docId);
    }
  }

  const jalaliYears: YearCount[] = [];
  const jalaliMonths: MonthCount[] = [];
  yearCounts.forEach((count, i) => count > 0 && jalaliYears.push({ year: firstYear + i, count }));
  monthCounts.forEach((count, i) => count > 0 && jalaliMonths.push({ year: firstYear + Math.floor(i / 12), month: (i % 12) + 1, count }));
  const facets: SearchFacets = {
    jalaliYears,
    jalaliMonths,
    sources: sourceField.top(sourceCounts, more.includes('source') ? Infinity : FACET_LIMIT, sources ?? undefined),
    tags: tagField.top(tagCounts, more.includes('tag') ? Infinity : FACET_LIMIT, tags ?? undefined),
    undated,
    sourceValues: sourceField.withMatches(sourceCounts),
    tagValues: tagField.withMatches(tagCounts),
  };
  return { hits, facets };
}
