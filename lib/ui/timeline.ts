// The Jalali timeline's model and geometry: which bars, how tall, where, and
// which bar a pointer is over. Pure, so it is unit-tested and shared by the
// server render and the drag handler.
import type { MonthCount, YearCount } from '@/lib/types';
import { boundToDayNumber, JALALI_MONTHS, readDateBound, type JalaliBound } from '@/lib/jalali';
import { toPersianDigits } from '@/lib/digits';

export interface TimelineBar {
  /** "1401" or "1401-03". */
  key: string;
  /** Full name for tooltips and the table: «۱۴۰۱», «خرداد ۱۴۰۱». */
  label: string;
  /** Axis label: «۱۴۰۱», «خرداد». */
  axis: string;
  /** Short axis label when bars are narrow: «۱۴۰۱», «۳». */
  axisShort: string;
  count: number;
  /** The filter this bar stands for. */
  from: string;
  to: string;
  /** Inside the active date filter (only marked when the filter is narrower than the chart). */
  selected: boolean;
  /** Year of the bar, for the year row under a month chart. */
  year: number;
}

export interface Timeline {
  mode: 'years' | 'months';
  bars: TimelineBar[];
  /** Months shown for these years. */
  years: number[];
}

/** Most years a month chart spans. */
export const MONTH_CHART_MAX_YEARS = 2;
/** A year chart with a wider span than this shows only the years that have articles. */
export const CONTIGUOUS_MAX_YEARS = 80;

const fa = (n: number) => toPersianDigits(String(n));
const pad = (n: number) => String(n).padStart(2, '0');

function safeBound(value: string | undefined, edge: 'start' | 'end'): JalaliBound | null {
  if (!value) return null;
  try {
    return readDateBound(value, 'date', edge);
  } catch {
    return null;
  }
}

/** The matches between two Jalali days («1402-01-25»), inclusive, under the page's other filters. */
export type CountIn = (from: string, to: string) => number;

const dayKeyOf = (n: number) => `${Math.floor(n / 10000)}-${pad(Math.floor(n / 100) % 100)}-${pad(n % 100)}`;

/** Per year, or per month when the filter covers at most two years. */
export function buildTimeline(
  facets: { jalaliYears: YearCount[]; jalaliMonths: MonthCount[] },
  fromParam: string | undefined,
  toParam: string | undefined,
  countIn?: CountIn,
): Timeline {
  const from = safeBound(fromParam, 'start');
  const to = safeBound(toParam, 'end');
  const fromDay = from ? boundToDayNumber(from, 'start') : -Infinity;
  const toDay = to ? boundToDayNumber(to, 'end') : Infinity;
  const inRange = (start: number, end: number) => end >= fromDay && start <= toDay;
  // A bar the filter covers only in part (a one-day filter's month, a 1399-05 start's year)
  // counts what the filter keeps in it, so the selected bars add up to the results.
  const partial = (start: number, end: number, whole: number) =>
    countIn && inRange(start, end) && (start < fromDay || end > toDay)
      ? countIn(dayKeyOf(Math.max(start, fromDay)), dayKeyOf(Math.min(end, toDay)))
      : whole;

  if (from && to && to.year - from.year + 1 <= MONTH_CHART_MAX_YEARS && to.year >= from.year) {
    const counts = new Map(facets.jalaliMonths.map((m) => [m.year * 100 + m.month, m.count]));
    const years: number[] = [];
    for (let y = from.year; y <= to.year; y++) years.push(y);
    const bars: TimelineBar[] = [];
    for (const year of years) {
      for (let month = 1; month <= 12; month++) {
        const key = `${year}-${pad(month)}`;
        const start = boundToDayNumber({ year, month }, 'start');
        const end = boundToDayNumber({ year, month }, 'end');
        bars.push({
          key,
          label: `${JALALI_MONTHS[month - 1]} ${fa(year)}`,
          axis: JALALI_MONTHS[month - 1],
          axisShort: fa(month),
          count: partial(start, end, counts.get(year * 100 + month) ?? 0),
          from: key,
          to: key,
          selected: inRange(start, end),
          year,
        });
      }
    }
    if (bars.every((b) => b.selected)) for (const b of bars) b.selected = false;
    return { mode: 'months', bars, years };
  }

  const counts = new Map(facets.jalaliYears.map((y) => [y.year, y.count]));
  const known = [...counts.keys()];
  if (from) known.push(from.year);
  if (to) known.push(to.year);
  let list: number[] = [];
  if (known.length > 0) {
    const min = Math.min(...known);
    const max = Math.max(...known);
    if (max - min < CONTIGUOUS_MAX_YEARS) for (let y = min; y <= max; y++) list.push(y);
    else list = [...new Set(known)].sort((a, b) => a - b);
  }
  const bars = list.map((year): TimelineBar => {
    const start = boundToDayNumber({ year }, 'start');
    const end = boundToDayNumber({ year }, 'end');
    return {
      key: String(year),
      label: fa(year),
      axis: fa(year),
      axisShort: fa(year % 100).padStart(2, '۰'),
      count: partial(start, end, counts.get(year) ?? 0),
      from: String(year),
      to: String(year),
      selected: (from !== null || to !== null) && inRange(start, end),
      year,
    };
  });
  if (bars.length > 0 && bars.every((b) => b.selected)) for (const b of bars) b.selected = false;
  return { mode: 'years', bars, years: [] };
}

/** The filter a drag from bar i to bar j selects (either order). */
export function rangeOf(bars: readonly TimelineBar[], i: number, j: number): { from: string; to: string } {
  const lo = Math.max(0, Math.min(i, j));
  const hi = Math.min(bars.length - 1, Math.max(i, j));
  return { from: bars[lo].from, to: bars[hi].to };
}

// ---------------------------------------------------------------- geometry

/**
 * Slot of bar i as percentages of the chart's width. Time runs right to left
 * (the page's reading direction) when `rtl`: the first bar is at the right.
 */
export function slotOf(i: number, n: number, rtl: boolean): { x: number; width: number; center: number } {
  const width = 100 / n;
  const x = (rtl ? n - 1 - i : i) * width;
  return { x, width, center: x + width / 2 };
}

/** The bar under a pointer at `fraction` (0 = left edge, 1 = right edge) of the chart, clamped. */
export function indexAtFraction(fraction: number, n: number, rtl: boolean): number {
  if (n <= 0) return -1;
  const f = Math.min(Math.max(fraction, 0), 1);
  const slot = Math.min(n - 1, Math.floor(f * n));
  return rtl ? n - 1 - slot : slot;
}

/** Bar height in px: proportional, and at least `min` for a non-zero count so it stays visible. */
export function barHeight(count: number, max: number, height: number, min = 3): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(min, Math.round((count / max) * height));
}

/** Every k-th axis label so that at most `maxLabels` show. */
export function labelStep(n: number, maxLabels: number): number {
  return Math.max(1, Math.ceil(n / Math.max(1, maxLabels)));
}

export interface ScaleTick {
  value: number;
  /** Height of the tick over the axis, as a share of the bar area (1 = the tallest bar). */
  at: number;
}

/**
 * The timeline's scale: its maximum, labelled, and a middle line when there is
 * room for one, so the bars read as counts without hovering. Bars are drawn
 * against the maximum (barHeight), so the maximum's line is the top of the
 * tallest bar. The middle is a whole count, placed where that count stands.
 */
export function timelineScale(max: number): ScaleTick[] {
  if (max <= 0) return [];
  if (max < 4) return [{ value: max, at: 1 }];
  const middle = Math.round(max / 2);
  return [
    { value: middle, at: middle / max },
    { value: max, at: 1 },
  ];
}
