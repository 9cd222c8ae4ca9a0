// The trend chart, drawn on the server as SVG: works without JavaScript, each
// point a link to the search it counted. Time runs right to left.
import { unitWords, type UnitWords } from '@/lib/ui/count-unit';
import type { TrendInterval, TrendPeriod, TrendSeries } from '@/lib/types';
import { MIN_ARTICLES, type TrendMeasure } from '@/lib/search/trends';
import { toPersianDigits } from '@/lib/digits';
import { chartLayout, formatCount, formatShare, formatValue, labelIndices, markerPath, periodLabel, SERIES_STYLES, xOf, type ChartPoint } from '@/lib/ui/trend-chart';
import { pointSearchHref, type TrendState } from '@/lib/ui/trend-href';

/** Past this many periods only the points with matches get a marker (and a link): the rest are the line. */
const ALL_MARKERS_UP_TO = 24;
const NARROW_POINTS_UP_TO = 60;

/** The two drawings: a wide one from the sm breakpoint, a narrow one (a phone) below it; each at about its own size, so text stays legible. */
export const SIZES = {
  wide: { width: 960, height: 380, compactHeight: 260, xLabels: 7, compactXLabels: 5, className: 'hidden sm:block' },
  narrow: { width: 360, height: 260, compactHeight: 200, xLabels: 3, compactXLabels: 3, className: 'sm:hidden' },
  /** A small multiple: about 400 px wide on a phone and in two columns alike, so drawn once. */
  small: { width: 400, height: 240, compactHeight: 220, xLabels: 4, compactXLabels: 4, className: 'block' },
} as const;

export interface TrendChartProps {
  periods: TrendPeriod[];
  series: TrendSeries[];
  interval: TrendInterval;
  measure: TrendMeasure;
  smooth: 0 | 3;
  labels: 'jalali' | 'gregorian';
  state: TrendState;
  /** What the chart is called (its SVG title). */
  title: string;
  /** The split by source: the points' searches keep to it. */
  source?: string;
  compact?: boolean;
  testId?: string;
  size?: keyof typeof SIZES;
  /** The noun of the counts (`count=stories` says «خبر»); articles when absent. */
  unit?: UnitWords;
}

/** What a point says, in words: the tooltip without JavaScript and the link's accessible name. */
export function pointText(q: string, label: string, p: ChartPoint, measure: TrendMeasure, smooth: 0 | 3, unit: UnitWords = unitWords('articles')): string {
  const parts = [`«${q}»، ${label}: ${formatCount(p.count)} از ${formatCount(p.total)} ${unit.one}`];
  if (p.share !== null) parts.push(`سهم ${formatShare(p.share, 2)}`);
  if (smooth === 3 && p.value !== null) parts.push(`میانگین سه دوره ${formatValue(p.value, measure, 2)}`);
  if (p.uncertain) parts.push(`کمتر از ${toPersianDigits(String(MIN_ARTICLES))} ${unit.one}: نامطمئن`);
  return parts.join('، ');
}

/** The chart twice, wide and narrow, one shown by the viewport's width (CSS alone, so without JavaScript too). */
export function TrendCharts(props: Omit<TrendChartProps, 'size'>) {
  const testId = props.testId ?? 'trend-chart';
  return (
    <>
      <TrendChart {...props} size="wide" testId={testId} />
      <TrendChart {...props} size="narrow" testId={`${testId}-narrow`} />
    </>
  );
}

export function TrendChart({ periods, series, interval, measure, smooth, labels, state, title, source, compact = false, testId = 'trend-chart', size = 'wide', unit }: TrendChartProps) {
  const sized = SIZES[size];
  const { width } = sized;
  const height = compact ? sized.compactHeight : sized.height;
  const layout = chartLayout(periods, series, { measure, smooth, labels, interval, width, height, xLabels: compact ? sized.compactXLabels : sized.xLabels });
  const { box } = layout;
  const n = periods.length;
  const xLabelsShown = labelIndices(n, compact ? sized.compactXLabels : sized.xLabels);
  const stepWidth = n > 1 ? (box.right - box.left) / (n - 1) : box.right - box.left;
  const markerR = n > 120 ? 2.5 : n > 40 ? 3.2 : 4;
  const titleId = `${testId}-title`;
  // On a phone a long series is too dense to tap a point: the narrow chart draws the line, the table has the links.
  const pointsDrawn = size === 'wide' || n <= NARROW_POINTS_UP_TO;

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className={`${sized.className} h-auto w-full select-none overflow-visible`}
      role="group"
      aria-labelledby={titleId}
      data-testid={testId}
      data-measure={measure}
      data-periods={n}
    >
      <title id={titleId}>{title}</title>
      {/* Periods with no article at all: a band, so the break in the lines reads as «nothing to count». */}
      {periods.map((p, i) =>
        p.total === 0 ? (
          <rect
            key={`gap-${p.key}`}
            x={xOf(i, n, box.left, box.right) - stepWidth / 2}
            y={box.top}
            width={Math.max(stepWidth, 1)}
            height={box.bottom - box.top}
            className="fill-stone-200/70 dark:fill-stone-700/50"
            data-testid="gap"
            data-period={p.key}
          />
        ) : null,
      )}
      {layout.yTicks.map((t, k) => (
        <g key={`y${k}`}>
          <line x1={box.left} x2={box.right} y1={t.at} y2={t.at} className={k === 0 ? 'stroke-stone-500 dark:stroke-stone-400' : 'stroke-stone-200 dark:stroke-stone-800'} strokeWidth={1} />
          <text x={box.right + 30} y={t.at + 4} textAnchor="middle" className="fill-stone-600 text-[13px] dark:fill-stone-400" data-testid="y-label">
            {t.label}
          </text>
        </g>
      ))}
      {xLabelsShown.map((i) => {
        return (
          <g key={`x${i}`}>
            <line x1={xOf(i, n, box.left, box.right)} x2={xOf(i, n, box.left, box.right)} y1={box.bottom} y2={box.bottom + 5} className="stroke-stone-500 dark:stroke-stone-400" />
            <text x={xOf(i, n, box.left, box.right)} y={box.bottom + 22} textAnchor={n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle'} direction="rtl" className="fill-stone-700 text-[13px] dark:fill-stone-300" data-testid="x-label">
              {periodLabel(periods[i], interval, labels)}
            </text>
          </g>
        );
      })}
      {layout.lines.map((line, k) => {
        const style = SERIES_STYLES[k % SERIES_STYLES.length];
        return (
          <g key={`s${k}`} data-testid="series" data-q={line.q}>
            {line.segments.map((s, j) => (
              <path key={j} d={s.d} fill="none" strokeWidth={compact ? 2 : 2.5} strokeLinejoin="round" strokeDasharray={s.uncertain ? '5 4' : undefined} className={style.stroke} data-uncertain={s.uncertain || undefined} />
            ))}
            {line.points.map((p) => {
              if (p.y === null || !pointsDrawn) return null;
              const lone = (p.i === 0 || line.points[p.i - 1].y === null) && (p.i === n - 1 || line.points[p.i + 1].y === null);
              if (p.count === 0 && !lone && n > ALL_MARKERS_UP_TO) return null;
              const label = periodLabel(periods[p.i], interval, labels);
              const text = pointText(line.q, label, p, measure, smooth, unit);
              const marker = (
                <path
                  d={markerPath(style.marker, p.x, p.y, markerR)}
                  strokeWidth={p.uncertain ? 1.6 : 0}
                  className={`${style.stroke} ${p.uncertain ? 'fill-stone-50 dark:fill-stone-950' : style.fill}`}
                />
              );
              if (p.count === 0) return <g key={p.i}>{marker}</g>;
              const period = periods[p.i];
              return (
                <a
                  key={p.i}
                  href={pointSearchHref(state, line.q, period, source)}
                  data-point=""
                  data-q={line.q}
                  data-series={k}
                  data-period={period.key}
                  data-label={label}
                  data-count={p.count}
                  data-total={p.total}
                  data-share={p.share === null ? '' : p.share.toPrecision(6)}
                  data-value={smooth === 3 && p.value !== null ? p.value.toPrecision(6) : undefined}
                  data-uncertain={p.uncertain ? '1' : undefined}
                  className="group/point"
                >
                  {/* Its accessible name (SVG links take their <title>) and the browser's tooltip without JavaScript. */}
                  <title>{text}</title>
                  {/* A wider invisible target than the marker, for fingers and the pointer. */}
                  <circle cx={p.x} cy={p.y} r={Math.max(9, markerR * 2.2)} className="fill-transparent" />
                  <circle cx={p.x} cy={p.y} r={markerR + 4} className="fill-none stroke-amber-600 opacity-0 group-hover/point:opacity-100 group-focus-visible/point:opacity-100 dark:stroke-amber-400" strokeWidth={2} />
                  {marker}
                </a>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
