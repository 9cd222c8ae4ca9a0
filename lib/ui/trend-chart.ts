// The trend chart's geometry, as pure functions the server renders from:
// what each point's value is under a measure, the optional smoothing, the
// scales, where each period stands (time runs right to left, as the page
// reads), which segments a gap breaks and which rest on too few articles.
import type { TrendInterval, TrendPeriod, TrendSeries } from '../types';
import { toPersianDigits } from '../digits';
import { isUncertain, shareOf, type TrendMeasure } from '../search/trends';

/** One period of one query as drawn. */
export interface ChartPoint {
  /** The period's place in the trend. */
  i: number;
  /** What is drawn: the share or the count, smoothed when asked; null is a gap (the period holds no article). */
  value: number | null;
  /** The raw figures, whatever is drawn (tooltips, table). */
  count: number;
  total: number;
  share: number | null;
  /** The share rests on fewer than MIN_ARTICLES articles (drawn hollow, its segments dashed). */
  uncertain: boolean;
  x: number;
  /** null for a gap. */
  y: number | null;
}

export interface ChartSegment {
  /** An SVG path (`M x y L x y …`) through consecutive periods that are not gaps. */
  d: string;
  uncertain: boolean;
}

export interface ChartLine {
  q: string;
  points: ChartPoint[];
  segments: ChartSegment[];
}

export interface Tick {
  /** Position along the axis (x for periods, y for values). */
  at: number;
  label: string;
}

export interface ChartBox {
  width: number;
  height: number;
  /** The plot area inside the axes. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartLayout {
  box: ChartBox;
  lines: ChartLine[];
  xTicks: Tick[];
  yTicks: Tick[];
  /** The value the top of the plot stands for. */
  max: number;
}

/**
 * The value of each period under a measure: the share of the period's
 * articles that match, or the count. A period with no article at all is a
 * gap under both: 0 matches of 0 articles is no figure, not 0 %.
 */
export function measureValues(series: TrendSeries, periods: readonly TrendPeriod[], measure: TrendMeasure): (number | null)[] {
  return periods.map((p, i) => (p.total === 0 ? null : measure === 'share' ? shareOf(series.counts[i], p.total) : series.counts[i]));
}

/**
 * A centred moving average over `window` periods (odd). A gap stays a gap and
 * is left out of its neighbours' averages, so smoothing never draws a line
 * where the archive holds nothing; the ends average what they have.
 */
export function movingAverage(values: readonly (number | null)[], window = 3): (number | null)[] {
  const half = Math.floor(window / 2);
  return values.map((v, i) => {
    if (v === null) return null;
    let [sum, n] = [0, 0];
    for (let j = Math.max(0, i - half); j <= Math.min(values.length - 1, i + half); j++) {
      const w = values[j];
      if (w === null) continue;
      sum += w;
      n++;
    }
    return sum / n;
  });
}

/** A step of 1, 2, 2.5 or 5 × 10^k that divides `max` into about `count` parts. */
export function niceStep(max: number, count = 4): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  const nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10;
  return nice * power;
}

/** Ticks from 0 to the first multiple of the step at or above `max` (the plot's top). */
export function niceTicks(max: number, count = 4): number[] {
  const step = niceStep(max, count);
  const top = Math.max(step, Math.ceil(max / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let k = 0; k * step <= top + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/**
 * Where period `i` of `n` stands: the first period at the right edge, the
 * last at the left (Persian reads right to left, so time does too). A lone
 * period stands in the middle.
 */
export function xOf(i: number, n: number, left: number, right: number): number {
  if (n <= 1) return (left + right) / 2;
  return right - (i * (right - left)) / (n - 1);
}

/** Which periods get an axis label: at most `most`, evenly spaced, always the first and the last. */
export function labelIndices(n: number, most: number): number[] {
  if (n <= 0) return [];
  if (n <= most) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil((n - 1) / (most - 1));
  const out: number[] = [];
  for (let i = 0; i < n - 1; i += step) out.push(i);
  // The last label replaces the one before it when they would stand too close.
  if (n - 1 - out[out.length - 1] < step / 2) out.pop();
  out.push(n - 1);
  return out;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * The line through the points: a gap breaks it, and each stretch between
 * two periods is dashed when either end is uncertain. Consecutive stretches
 * of the same kind are one path.
 */
export function lineSegments(points: readonly Pick<ChartPoint, 'x' | 'y' | 'uncertain'>[]): ChartSegment[] {
  const out: ChartSegment[] = [];
  let current: { d: string; uncertain: boolean; end: number } | null = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (a.y === null || b.y === null) {
      current = null;
      continue;
    }
    const uncertain = a.uncertain || b.uncertain;
    if (current && current.uncertain === uncertain && current.end === i) {
      current.d += ` L${r1(b.x)} ${r1(b.y)}`;
      current.end = i + 1;
    } else {
      current = { d: `M${r1(a.x)} ${r1(a.y)} L${r1(b.x)} ${r1(b.y)}`, uncertain, end: i + 1 };
      out.push(current);
    }
  }
  return out.map(({ d, uncertain }) => ({ d, uncertain }));
}

const PERCENT_DIGITS = (step: number) => (step >= 0.01 ? 0 : step >= 0.001 ? 1 : 2);

/** «۱۲٪», «۲٫۵٪», «۰٫۲۵٪»: as many decimals as the step needs. */
export function formatShare(share: number, decimals = 1): string {
  const text = (share * 100).toFixed(decimals).replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');
  return `${toPersianDigits(text).replace('.', '٫')}٪`;
}

/** «۱٬۲۳۴»; a smoothed count keeps one decimal. */
export function formatCount(count: number): string {
  const rounded = Math.round(count * 10) / 10;
  return rounded.toLocaleString('fa-IR', { maximumFractionDigits: 1 });
}

export function formatValue(value: number, measure: TrendMeasure, decimals = 1): string {
  return measure === 'share' ? formatShare(value, decimals) : formatCount(value);
}

const GREGORIAN_MONTHS = ['ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر'];

/** «۲۲ مه ۲۰۰۵» from `2005-05-22`. */
export function gregorianPersian(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return toPersianDigits(`${d} ${GREGORIAN_MONTHS[m - 1]} ${y}`);
}

/**
 * A period's name in the calendar asked for: the Jalali label as the API
 * gives it, or on the Gregorian calendar its years («۲۰۰۵–۲۰۰۶», since a
 * Jalali year starts in March) or its first day («۲۲ مه ۲۰۰۵»).
 */
export function periodLabel(p: TrendPeriod, interval: TrendInterval, labels: 'jalali' | 'gregorian'): string {
  if (labels === 'jalali') return p.label;
  if (interval === 'year') {
    const [a, b] = [p.startIso.slice(0, 4), p.endIso.slice(0, 4)];
    return toPersianDigits(a === b ? a : `${a}–${b}`);
  }
  return gregorianPersian(p.startIso);
}

export interface LayoutOptions {
  measure: TrendMeasure;
  smooth: 0 | 3;
  labels: 'jalali' | 'gregorian';
  interval: TrendInterval;
  width?: number;
  height?: number;
  /** At most this many period labels on the time axis. */
  xLabels?: number;
}

/** The whole chart: a line per query over the shared periods, on one value scale. */
export function chartLayout(periods: readonly TrendPeriod[], series: readonly TrendSeries[], o: LayoutOptions): ChartLayout {
  const width = o.width ?? 640;
  const height = o.height ?? 320;
  // Value labels stand at the right (where time starts), period labels below.
  const box: ChartBox = { width, height, left: 16, right: width - 64, top: 14, bottom: height - 40 };
  const values = series.map((s) => {
    const raw = measureValues(s, periods, o.measure);
    return o.smooth === 3 ? movingAverage(raw, 3) : raw;
  });
  const highest = Math.max(0, ...values.flat().map((v) => v ?? 0));
  const ticks = niceTicks(highest > 0 ? highest : o.measure === 'share' ? 0.01 : 1, 5);
  const max = ticks[ticks.length - 1];
  const yOf = (v: number) => box.bottom - (v / max) * (box.bottom - box.top);
  const n = periods.length;
  const lines = series.map((s, k) => {
    const points: ChartPoint[] = periods.map((p, i) => {
      const value = values[k][i];
      return {
        i,
        value,
        count: s.counts[i],
        total: p.total,
        share: shareOf(s.counts[i], p.total),
        uncertain: o.measure === 'share' && isUncertain(p.total),
        x: r1(xOf(i, n, box.left, box.right)),
        y: value === null ? null : r1(yOf(value)),
      };
    });
    return { q: s.q, points, segments: lineSegments(points) };
  });
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  return {
    box,
    lines,
    max,
    yTicks: ticks.map((v) => ({ at: yOf(v), label: o.measure === 'share' ? formatShare(v, PERCENT_DIGITS(step)) : formatCount(v) })),
    xTicks: labelIndices(n, o.xLabels ?? 6).map((i) => ({ at: xOf(i, n, box.left, box.right), label: periodLabel(periods[i], o.interval, o.labels) })),
  };
}

/**
 * One colour per query, Okabe–Ito hues (told apart with the common
 * colour-vision deficiencies), darkened for the white chart (4.4–11.4:1) and
 * lightened for the dark one (6.9–13.3:1 on stone-900); a marker shape per
 * query as well, so that no line is known by its colour alone.
 */
export const SERIES_STYLES = [
  { stroke: 'stroke-[#0072b2] dark:stroke-[#56b4e9]', fill: 'fill-[#0072b2] dark:fill-[#56b4e9]', bg: 'bg-[#0072b2] dark:bg-[#56b4e9]', marker: 'circle' },
  { stroke: 'stroke-[#c24e00] dark:stroke-[#f0883e]', fill: 'fill-[#c24e00] dark:fill-[#f0883e]', bg: 'bg-[#c24e00] dark:bg-[#f0883e]', marker: 'square' },
  { stroke: 'stroke-[#007a5a] dark:stroke-[#2fd0a0]', fill: 'fill-[#007a5a] dark:fill-[#2fd0a0]', bg: 'bg-[#007a5a] dark:bg-[#2fd0a0]', marker: 'triangle' },
  { stroke: 'stroke-[#b0488f] dark:stroke-[#e49ac8]', fill: 'fill-[#b0488f] dark:fill-[#e49ac8]', bg: 'bg-[#b0488f] dark:bg-[#e49ac8]', marker: 'diamond' },
  { stroke: 'stroke-[#9a6700] dark:stroke-[#f0c040]', fill: 'fill-[#9a6700] dark:fill-[#f0c040]', bg: 'bg-[#9a6700] dark:bg-[#f0c040]', marker: 'circle' },
  { stroke: 'stroke-[#3a3a3a] dark:stroke-[#e0e0e0]', fill: 'fill-[#3a3a3a] dark:fill-[#e0e0e0]', bg: 'bg-[#3a3a3a] dark:bg-[#e0e0e0]', marker: 'square' },
  { stroke: 'stroke-[#2b7fa8] dark:stroke-[#9ad4f0]', fill: 'fill-[#2b7fa8] dark:fill-[#9ad4f0]', bg: 'bg-[#2b7fa8] dark:bg-[#9ad4f0]', marker: 'triangle' },
  { stroke: 'stroke-[#a33a3a] dark:stroke-[#f08a8a]', fill: 'fill-[#a33a3a] dark:fill-[#f08a8a]', bg: 'bg-[#a33a3a] dark:bg-[#f08a8a]', marker: 'diamond' },
] as const;

export type MarkerShape = (typeof SERIES_STYLES)[number]['marker'];

/** An SVG path for a marker of radius `r` centred at (x, y). */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  const [a, b] = [r1(x), r1(y)];
  switch (shape) {
    case 'square':
      return `M${r1(x - r)} ${r1(y - r)}h${r1(2 * r)}v${r1(2 * r)}h${r1(-2 * r)}Z`;
    case 'triangle':
      return `M${a} ${r1(y - r * 1.2)}L${r1(x + r * 1.1)} ${r1(y + r * 0.8)}L${r1(x - r * 1.1)} ${r1(y + r * 0.8)}Z`;
    case 'diamond':
      return `M${a} ${r1(y - r * 1.3)}L${r1(x + r * 1.3)} ${b}L${a} ${r1(y + r * 1.3)}L${r1(x - r * 1.3)} ${b}Z`;
    default:
      return `M${r1(x - r)} ${b}a${r} ${r} 0 1 0 ${r1(2 * r)} 0a${r} ${r} 0 1 0 ${r1(-2 * r)} 0Z`;
  }
}
