// Wire stories at search time: the matches grouped by story in the same pass
// that filters them and counts the facets.
//
// A unit is a story (lib/stories/table.ts) or an article in no story. Two
// switches, independent of each other:
// - `group`: `none` keeps one hit per article and every filter per article
//   (the API's contract before stories); `story` makes each unit one result,
//   its best copy in the search's order, and judges the source filter on the
//   story: a story is kept when any of its copies (matching or not) is from a
//   wanted source, so «which stories did ایسنا run» keeps the story whose ایسنا
//   copy was trimmed of the searched word. Dates and tags stay per copy: they
//   describe one copy, not the story.
// - `count`: facets and the timeline count `articles`, or distinct `stories`
//   (a unit counts once under a value however many of its copies have it).
// Each facet still ignores its own filter, so a value's count is what
// choosing it gives: under `group=story` the source facet counts, for every
// outlet, the kept stories that outlet has a copy of (any copy, as the filter
// reads it): «which outlets republished these stories».
import type { MonthCount, SearchFacets, YearCount } from '../../types';
import type { StoryTable } from '../../stories/table';
import type { CountUnit, GroupMode, SearchParams } from '../params';
import { FACET_LIMIT, filterAndCount, type FacetFields, type Filters } from './filters';
import type { PeriodCounts, Timeline } from './periods';

export interface StoryCollected {
  /** The articles that pass (under `group=story`, the passing copies of the kept stories); grouped by unit. */
  hits: number[];
  /** Units with a hit: distinct stories, an article in no story counting as one. */
  stories: number;
  /** Per story number, its copies among `hits` (0 for a story with none). */
  matching: Int32Array;
  /** Under `group=story`, each kept unit's best copy in the search's order (unordered among units); null under `none`. */
  best: number[] | null;
  facets?: SearchFacets;
}

export interface StoryCollect {
  group: GroupMode;
  count: CountUnit;
  more: SearchParams['more'];
  facets: boolean;
  /** The search's order (collect/order.ts orderKeys): picks each story's best copy. */
  keys: ArrayLike<number>;
  tie: (a: number, b: number) => number;
}

/** The story numbers in a table. */
const storiesIn = (table: StoryTable) => table.offsets.length - 1;

/**
 * `docs` with the copies of each story side by side (a counting sort by story
 * number; articles in no story first, in their order): the pass below
 * handles a unit at a time, which makes "count a unit once" a stamp per value.
 */
export function byUnit(docs: readonly number[], table: StoryTable): { order: number[]; singles: number } {
  const { storyOf } = table;
  const n = storiesIn(table);
  const start = new Int32Array(n + 1);
  let singles = 0;
  for (let i = 0; i < docs.length; i++) {
    const s = storyOf[docs[i]];
    if (s < 0) singles++;
    else start[s + 1]++;
  }
  for (let s = 0; s < n; s++) start[s + 1] += start[s];
  const order = new Array<number>(docs.length);
  let single = 0;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    const s = storyOf[d];
    if (s < 0) order[single++] = d;
    else order[singles + start[s]++] = d;
  }
  return { order, singles };
}

/** Adds to counts[v] once per unit: `stamp[v]` holds the last unit that counted there. */
class UnitCounter {
  readonly counts: Int32Array;
  private readonly stamp: Int32Array;
  constructor(
    size: number,
    private readonly distinct: boolean,
  ) {
    this.counts = new Int32Array(size);
    this.stamp = distinct ? new Int32Array(size).fill(-1) : new Int32Array(0);
  }
  add(v: number, unit: number, weight = 1): void {
    if (!this.distinct) this.counts[v] += weight;
    else if (this.stamp[v] !== unit) {
      this.stamp[v] = unit;
      this.counts[v]++;
    }
  }
  /** Adds `weight` once per unit, whatever the unit (a story's source, whose weight is its passing copies). */
  addOnce(v: number, unit: number, weight: number): void {
    if (this.stamp[v] === unit) return;
    this.stamp[v] = unit;
    this.counts[v] += weight;
  }
}

/**
 * The matches `docs` filtered, grouped and counted. Under `group=none` and
 * `count=articles` the hits and facets are filters.ts's, unchanged (the API's
 * default answer); the stories are counted beside them.
 */
export function collectStories(docs: number[], filters: Filters, fields: FacetFields, table: StoryTable, ask: StoryCollect): StoryCollected {
  const n = storiesIn(table);
  if (ask.group === 'none' && (ask.count === 'articles' || !ask.facets)) {
    const { hits, facets } = ask.facets ? filterAndCount(docs, filters, fields, ask.more) : { hits: filterHits(docs, filters, fields), facets: undefined };
    const { storyOf } = table;
    const matching = new Int32Array(n);
    let stories = 0;
    for (let i = 0; i < hits.length; i++) {
      const s = storyOf[hits[i]];
      if (s < 0 || matching[s]++ === 0) stories++;
    }
    return { hits, stories, matching, best: null, facets };
  }
  return groupedPass(docs, filters, fields, table, ask);
}

function filterHits(docs: number[], filters: Filters, fields: FacetFields): number[] {
  const { dayKey } = fields.dates;
  const { dated, keepUndated, fromKey, toKey, sources, tags } = filters;
  if (!dated && sources === null && tags === null) return docs;
  return docs.filter((d) => {
    const key = dayKey[d];
    return (!dated || (key === 0 ? keepUndated : key >= fromKey && key <= toKey)) && (sources === null || fields.sources.hasAny(d, sources)) && (tags === null || fields.tags.hasAny(d, tags));
  });
}

function groupedPass(docs: number[], filters: Filters, fields: FacetFields, table: StoryTable, ask: StoryCollect): StoryCollected {
  const { dates, sources: sourceField, tags: tagField } = fields;
  const { firstYear, yearSlot, monthSlot, dayKey } = dates;
  const { dated, keepUndated, fromKey, toKey, fromYear, toYear, sources, tags } = filters;
  const { storyOf, offsets, members } = table;
  const n = storiesIn(table);
  const byStory = ask.group === 'story';
  const distinct = ask.count === 'stories';
  const { keys, tie } = ask;
  const before = (a: number, b: number) => (keys[b] - keys[a] || tie(a, b)) < 0;

  const years = new UnitCounter(dates.yearSpan, distinct);
  const months = new UnitCounter(dates.yearSpan * 12, distinct);
  const sourceCounts = new UnitCounter(sourceField.newCounts().length, distinct || byStory);
  const tagCounts = new UnitCounter(tagField.newCounts().length, distinct);
  let undated = 0;

  const matching = new Int32Array(n);
  const hits: number[] = [];
  const best: number[] | null = byStory ? [] : null;
  let stories = 0;
  const { order } = byUnit(docs, table);

  for (let i = 0; i < order.length; ) {
    const first = order[i];
    const s = storyOf[first];
    let end = i + 1;
    if (s >= 0) while (end < order.length && storyOf[order[end]] === s) end++;
    // Unit ids for the stamps: story numbers, then n + docId for an article in no story.
    const unit = s >= 0 ? s : n + first;
    let storySource = true;
    if (byStory && sources !== null) {
      storySource = false;
      if (s < 0) storySource = sourceField.hasAny(first, sources);
      else for (let m = offsets[s]; m < offsets[s + 1] && !storySource; m++) storySource = sourceField.hasAny(members[m], sources);
    }
    let unitUndated = false;
    let sourceEligible = 0;
    let bestCopy = -1;
    let kept = 0;
    for (let k = i; k < end; k++) {
      const d = order[k];
      const key = dayKey[d];
      const inDates = !dated || (key === 0 ? keepUndated : key >= fromKey && key <= toKey);
      const inTags = tags === null || tagField.hasAny(d, tags);
      const inSources = byStory ? storySource : sources === null || sourceField.hasAny(d, sources);
      if (ask.facets && inSources && inTags) {
        if (key !== 0) {
          const year = Math.floor(key / 10000);
          years.add(yearSlot[d], unit);
          if (year >= fromYear && year <= toYear) months.add(monthSlot[d], unit);
        } else if (distinct) unitUndated = true;
        else undated++;
      }
      if (ask.facets && inDates && inTags) {
        if (byStory) sourceEligible++;
        else for (const code of sourceField.codesOf(d)) sourceCounts.add(code, unit);
      }
      if (ask.facets && inDates && inSources) for (const code of tagField.codesOf(d)) tagCounts.add(code, unit);
      if (inDates && inSources && inTags) {
        hits.push(d);
        kept++;
        if (bestCopy < 0 || before(d, bestCopy)) bestCopy = d;
      }
    }
    if (unitUndated) undated++;
    if (byStory && sourceEligible > 0) {
      // Every outlet with a copy of the story, matching or not: what the story-level filter would keep it for.
      const weight = distinct ? 1 : sourceEligible;
      if (s < 0) for (const code of sourceField.codesOf(first)) sourceCounts.addOnce(code, unit, weight);
      else for (let m = offsets[s]; m < offsets[s + 1]; m++) for (const code of sourceField.codesOf(members[m])) sourceCounts.addOnce(code, unit, weight);
    }
    if (kept > 0) {
      stories++;
      if (s >= 0) matching[s] = kept;
      best?.push(bestCopy);
    }
    i = end;
  }

  const out: StoryCollected = { hits, stories, matching, best };
  if (ask.facets) {
    const jalaliYears: YearCount[] = [];
    const jalaliMonths: MonthCount[] = [];
    years.counts.forEach((count, i) => count > 0 && jalaliYears.push({ year: firstYear + i, count }));
    months.counts.forEach((count, i) => count > 0 && jalaliMonths.push({ year: firstYear + Math.floor(i / 12), month: (i % 12) + 1, count }));
    out.facets = {
      jalaliYears,
      jalaliMonths,
      sources: sourceField.top(sourceCounts.counts, ask.more.includes('source') ? Infinity : FACET_LIMIT, sources ?? undefined),
      tags: tagField.top(tagCounts.counts, ask.more.includes('tag') ? Infinity : FACET_LIMIT, tags ?? undefined),
      undated,
      sourceValues: sourceField.withMatches(sourceCounts.counts),
      tagValues: tagField.withMatches(tagCounts.counts),
    };
  }
  return out;
}

/** The hits per period of `timeline`, counting a story once in each period it has a hit in (and once among the undated). */
export function countStoryPeriods(hits: readonly number[], timeline: Timeline, fields: FacetFields, table: StoryTable): PeriodCounts {
  const { dayKey } = fields.dates;
  const ordinal = timeline.interval === 'week' ? fields.dates.dayOrdinal : null;
  const n = storiesIn(table);
  const counts = new UnitCounter(timeline.periods.length, true);
  const { order } = byUnit(hits, table);
  const undatedSeen = new Uint8Array(n);
  let undated = 0;
  for (const d of order) {
    const s = table.storyOf[d];
    const unit = s >= 0 ? s : n + d;
    const key = dayKey[d];
    if (key === 0) {
      if (s < 0) undated++;
      else if (!undatedSeen[s]) {
        undatedSeen[s] = 1;
        undated++;
      }
      continue;
    }
    const slot = timeline.slotOf(key, ordinal ? ordinal[d] : 0);
    if (slot >= 0) counts.add(slot, unit);
  }
  return { counts: counts.counts, undated };
}
