// Jalali periods (years, months, Saturday-to-Friday weeks) over a range of
// days, and the collector that counts a hit list into them. The day keys of
// the index are already Tehran calendar days, so periods are made of Jalali
// day numbers and need no clock: a week's days are Julian day numbers, a
// month's and a year's are read off the key itself.
import { d2g, d2j, j2d, jalaaliMonthLength } from 'jalaali-js';
import type { JalaliDate, TrendInterval } from '../../types';
import { toPersianDigits } from '../../digits';
import { formatJalaliKey, formatJalaliMonthPersian, formatJalaliPersian, MAX_JALALI_YEAR, MIN_JALALI_YEAR } from '../../jalali';
import { ParamError } from '../params';
import type { ArticleDates } from './article-dates';

export const INTERVALS: readonly TrendInterval[] = ['year', 'month', 'week'];

/**
 * A timeline longer than this is refused (a week histogram over centuries is
 * no chart, and a big answer); as many as the calendar has years, so that any
 * range can be asked by year.
 */
export const MAX_PERIODS = MAX_JALALI_YEAR - MIN_JALALI_YEAR + 1;

/**
 * The automatic interval: the finest one that keeps a chart readable.
 * A range of at most 366 days is drawn by week (≤ 53 points), at most ten
 * Jalali years (3,653 days) by month (≤ 121 points), anything longer by year.
 */
export const WEEK_MAX_DAYS = 366;
export const MONTH_MAX_DAYS = 3653;

export function autoInterval(fromDay: number, toDay: number): TrendInterval {
  const days = ordinalOf(toDay) - ordinalOf(fromDay) + 1;
  return days <= WEEK_MAX_DAYS ? 'week' : days <= MONTH_MAX_DAYS ? 'month' : 'year';
}

export interface Period {
  /** `1403`, `1403-01`, or a week's Saturday `1402-12-26` (that may lie in the previous month or year). */
  key: string;
  /** «۱۴۰۳», «فروردین ۱۴۰۳», or the week's Saturday «۲۶ اسفند ۱۴۰۲». */
  label: string;
  /** The first and last day the period covers, inclusive: its own, cut to the timeline's range. */
  start: JalaliDate;
  end: JalaliDate;
  /** The same days on the Gregorian calendar (ISO 8601 dates). */
  startIso: string;
  endIso: string;
}

/** Jalali day number (yyyymmdd) → Julian day number. */
function ordinalOf(dayNumber: number): number {
  return j2d(Math.floor(dayNumber / 10000), Math.floor(dayNumber / 100) % 100, dayNumber % 100);
}

function dateOf(ordinal: number): JalaliDate {
  const j = d2j(ordinal);
  return { year: j.jy, month: j.jm, day: j.jd };
}

const dayNumberOf = (j: JalaliDate) => j.year * 10000 + j.month * 100 + j.day;

function isoOf(ordinal: number): string {
  const g = d2g(ordinal);
  return `${String(g.gy).padStart(4, '0')}-${String(g.gm).padStart(2, '0')}-${String(g.gd).padStart(2, '0')}`;
}

/** Julian day numbers are 0 on a Monday: a Saturday is 5 modulo 7. */
const SATURDAY = 5;
const saturdayOnOrBefore = (ordinal: number) => ordinal - ((((ordinal - SATURDAY) % 7) + 7) % 7);

/** The periods of one interval over a range of days, and where a day falls among them. */
export class Timeline {
  readonly periods: Period[];
  /** The range, as Jalali day numbers (yyyymmdd), inclusive. */
  readonly fromDay: number;
  readonly toDay: number;
  /** The first period's number: year, year*12+month-1, or the Julian day number of the first week's Saturday. */
  private readonly origin: number;

  constructor(
    readonly interval: TrendInterval,
    fromDay: number,
    toDay: number,
  ) {
    if (fromDay > toDay) throw new RangeError(`Timeline: range ${fromDay}..${toDay} is empty`);
    this.fromDay = fromDay;
    this.toDay = toDay;
    const first = ordinalOf(fromDay);
    const last = ordinalOf(toDay);
    const from = dateOf(first);
    const to = dateOf(last);
    // Each period as its first and last ordinal before the cut to the range.
    const spans: [number, number, string, string][] = [];
    const count =
      interval === 'year' ? to.year - from.year + 1 : interval === 'month' ? monthIndex(to) - monthIndex(from) + 1 : Math.floor((saturdayOnOrBefore(last) - saturdayOnOrBefore(first)) / 7) + 1;
    if (count > MAX_PERIODS) {
      throw new ParamError('interval', `interval: ${interval} over this range gives ${count} periods, at most ${MAX_PERIODS}; choose a longer interval or a shorter range`);
    }
    if (interval === 'year') {
      this.origin = from.year;
      for (let y = from.year; y <= to.year; y++) {
        spans.push([j2d(y, 1, 1), j2d(y, 12, jalaaliMonthLength(y, 12)), String(y), toPersianDigits(String(y))]);
      }
    } else if (interval === 'month') {
      this.origin = monthIndex(from);
      for (let i = monthIndex(from); i <= monthIndex(to); i++) {
        const [y, m] = [Math.floor(i / 12), (i % 12) + 1];
        spans.push([j2d(y, m, 1), j2d(y, m, jalaaliMonthLength(y, m)), `${y}-${String(m).padStart(2, '0')}`, formatJalaliMonthPersian(y, m)]);
      }
    } else {
      this.origin = saturdayOnOrBefore(first);
      for (let s = this.origin; s <= last; s += 7) {
        const saturday = dateOf(s);
        spans.push([s, s + 6, formatJalaliKey(saturday), formatJalaliPersian(saturday)]);
      }
    }
    this.periods = spans.map(([start, end, key, label]) => {
      const [a, b] = [Math.max(start, first), Math.min(end, last)];
      return { key, label, start: dateOf(a), end: dateOf(b), startIso: isoOf(a), endIso: isoOf(b) };
    });
  }

  /** Which period a dated day key falls in, or -1 outside the range. */
  slotOf(dayKey: number, ordinal: number): number {
    if (dayKey < this.fromDay || dayKey > this.toDay) return -1;
    const year = Math.floor(dayKey / 10000);
    if (this.interval === 'year') return year - this.origin;
    if (this.interval === 'month') return year * 12 + (Math.floor(dayKey / 100) % 100) - 1 - this.origin;
    return Math.floor((ordinal - this.origin) / 7);
  }

  /** Identifies the timeline (caches of totals are keyed by it). */
  get key(): string {
    return `${this.interval}:${this.fromDay}:${this.toDay}`;
  }
}

const monthIndex = (j: JalaliDate) => j.year * 12 + j.month - 1;

/** A timeline from Jalali dates (the range's first and last day). */
export function timelineOf(interval: TrendInterval, from: JalaliDate, to: JalaliDate): Timeline {
  return new Timeline(interval, dayNumberOf(from), dayNumberOf(to));
}

export interface PeriodCounts {
  /** Hits per period, in the timeline's order; a period without any is 0. */
  counts: Int32Array;
  /** Hits with no date: never spread over the periods. */
  undated: number;
}

/** Counts the hits per period in one pass; dated hits outside the timeline's range are not counted. */
export function countPeriods(hits: readonly number[], timeline: Timeline, dates: ArticleDates): PeriodCounts {
  const counts = new Int32Array(timeline.periods.length);
  const { dayKey } = dates;
  const ordinal = timeline.interval === 'week' ? dates.dayOrdinal : null;
  let undated = 0;
  for (let i = 0; i < hits.length; i++) {
    const docId = hits[i];
    const key = dayKey[docId];
    if (key === 0) {
      undated++;
      continue;
    }
    const slot = timeline.slotOf(key, ordinal ? ordinal[docId] : 0);
    if (slot >= 0) counts[slot]++;
  }
  return { counts, undated };
}

/** The first and last day key among the hits, or null when none is dated. */
export function datedExtent(hits: readonly number[], dates: ArticleDates): { fromDay: number; toDay: number } | null {
  let [lo, hi] = [Infinity, -Infinity];
  const { dayKey } = dates;
  for (let i = 0; i < hits.length; i++) {
    const key = dayKey[hits[i]];
    if (key === 0) continue;
    if (key < lo) lo = key;
    if (key > hi) hi = key;
  }
  return Number.isFinite(lo) ? { fromDay: lo, toDay: hi } : null;
}

/** Julian day numbers of day keys (0 when undated), as `ArticleDates` makes them for weeks. */
export function ordinalsOf(dayKeys: Int32Array): Int32Array {
  const out = new Int32Array(dayKeys.length);
  const known = new Map<number, number>();
  dayKeys.forEach((key, docId) => {
    if (key === 0) return;
    let ordinal = known.get(key);
    if (ordinal === undefined) known.set(key, (ordinal = ordinalOf(key)));
    out[docId] = ordinal;
  });
  return out;
}
