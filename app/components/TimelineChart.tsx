'use client';

import { useEffect, useRef, useState } from 'react';
import { toPersianDigits } from '@/lib/digits';
import { barHeight, indexAtFraction, labelStep, rangeOf, slotOf, timelineScale, type TimelineBar } from '../../lib/ui/timeline';
import { searchHref, type UrlState } from '../../lib/ui/href';
import { useNavigation } from './Navigation';

export interface ChartBar extends TimelineBar {
  href: string;
}

const TOP = 18; // room for the count over the tallest bar
const HEIGHT = 104; // bar area
const AXIS = 18;
const YEAR_ROW = 18;
const RTL = true; // time runs right to left, as the page reads

const fa = (n: number) => toPersianDigits(String(n));

/**
 * Where focus goes after a bar was followed: the bar of the same period when
 * the new chart has it (a month in a month chart); else the first bar inside
 * it (a year opens as its months, so Tab walks on through them and Shift+Tab
 * reaches «پاک کردن تاریخ» just before the chart); else that link itself.
 */
function barAfter(key: string): HTMLElement | null {
  const chart = document.querySelector('[data-testid="year-facet"], [data-testid="month-facet"]');
  const links = chart ? [...chart.querySelectorAll<HTMLElement>('a[data-key]')] : [];
  return (
    links.find((a) => a.dataset.key === key) ??
    links.find((a) => a.dataset.key?.startsWith(`${key}-`)) ??
    document.querySelector<HTMLElement>('[data-testid="clear-dates"]')
  );
}

/**
 * The timeline's bars. Each bar is a link (works without JavaScript); with
 * JavaScript a drag across bars selects their range. It only rewrites the URL.
 */
export function TimelineChart({
  bars,
  mode,
  years,
  state,
  testId,
}: {
  bars: ChartBar[];
  mode: 'years' | 'months';
  years: number[];
  state: UrlState;
  testId: string;
}) {
  const { navigate } = useNavigation();
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ start: number; current: number; x0: number; moved: boolean } | null>(null);
  const suppressClick = useRef(false);
  const [range, setRange] = useState<{ lo: number; hi: number } | null>(null);
  const n = bars.length;
  const max = Math.max(0, ...bars.map((b) => b.count));
  const anySelected = bars.some((b) => b.selected);
  const total = TOP + HEIGHT + AXIS + (mode === 'months' ? YEAR_ROW : 0);
  const step = labelStep(n, mode === 'years' ? 14 : 24);

  const indexAt = (clientX: number) => {
    const r = svg.current?.getBoundingClientRect();
    if (!r || r.width === 0) return -1;
    return indexAtFraction((clientX - r.left) / r.width, n, RTL);
  };

  const stateRef = useRef(state);
  stateRef.current = state;
  const barsRef = useRef(bars);
  barsRef.current = bars;

  useEffect(() => {
    const move = (e: PointerEvent) => {
      const d = drag.current;
      if (!d) return;
      if (Math.abs(e.clientX - d.x0) > 6) d.moved = true;
      if (!d.moved) return;
      const i = indexAt(e.clientX);
      if (i < 0) return;
      d.current = i;
      setRange({ lo: Math.min(d.start, i), hi: Math.max(d.start, i) });
    };
    const up = () => {
      const d = drag.current;
      drag.current = null;
      if (!d) return;
      setRange(null);
      if (d.moved && d.start !== d.current) {
        // The click that follows this pointerup must not also follow a bar's link.
        suppressClick.current = true;
        setTimeout(() => (suppressClick.current = false), 0);
        navigate(searchHref(stateRef.current, rangeOf(barsRef.current, d.start, d.current)));
      }
    };
    const cancel = () => {
      drag.current = null;
      setRange(null);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [navigate, n]);

  const dragLabel =
    range && range.hi > range.lo ? `${bars[range.lo].label} تا ${bars[range.hi].label}` : '';

  return (
    <div className="@container relative pt-3">
      <p aria-live="polite" className="pointer-events-none absolute -top-1 start-0 text-xs font-medium text-amber-800 dark:text-amber-300" data-testid="drag-label">
        {dragLabel}
      </p>
      <svg
        ref={svg}
        data-testid={testId}
        data-mode={mode}
        width="100%"
        height={total}
        aria-label={mode === 'years' ? 'خبرها در هر سال' : 'خبرها در هر ماه'}
        className="block touch-pan-y select-none overflow-visible"
        onPointerDown={(e) => {
          if (e.button !== 0 || n === 0) return;
          const i = indexAt(e.clientX);
          if (i >= 0) drag.current = { start: i, current: i, x0: e.clientX, moved: false };
        }}
        onClickCapture={(e) => {
          if (suppressClick.current) {
            e.preventDefault();
            e.stopPropagation();
            suppressClick.current = false;
          }
        }}
        onDragStart={(e) => e.preventDefault()}
      >
        <line
          x1="0"
          x2="100%"
          y1={TOP + HEIGHT + 0.5}
          y2={TOP + HEIGHT + 0.5}
          className="stroke-stone-300 dark:stroke-stone-700"
        />
        {/* The scale: the maximum (the top of the tallest bar) and a middle count, labelled, so bars read without hovering. */}
        <g data-testid="timeline-scale" aria-hidden className="pointer-events-none">
          {timelineScale(max).map((tick) => {
            const y = TOP + HEIGHT - Math.round(tick.at * HEIGHT) + 0.5;
            return (
              <g key={tick.value}>
                <line x1="0" x2="100%" y1={y} y2={y} strokeDasharray="3 4" className="stroke-stone-300 dark:stroke-stone-700" />
                <text x="0" y={y - 3} textAnchor="start" direction="ltr" className="fill-stone-500 text-[10px] dark:fill-stone-400" data-value={tick.value}>
                  {fa(tick.value)}
                </text>
              </g>
            );
          })}
        </g>
        {bars.map((bar, i) => {
          const slot = slotOf(i, n, RTL);
          const h = barHeight(bar.count, max, HEIGHT);
          const inDrag = range !== null && i >= range.lo && i <= range.hi;
          const tone = inDrag
            ? 'fill-amber-600 dark:fill-amber-400'
            : bar.selected
              ? 'fill-amber-700 dark:fill-amber-400'
              : anySelected
                ? 'fill-stone-300 group-hover:fill-amber-500 dark:fill-stone-600'
                : 'fill-amber-500/80 group-hover:fill-amber-600 dark:fill-amber-500/70 dark:group-hover:fill-amber-400';
          const title = `${bar.label}: ${fa(bar.count)} خبر`;
          const showLabel = i % step === 0;
          const label = (
            <>
              {showLabel && (
                <text
                  x={`${slot.center}%`}
                  y={TOP + HEIGHT + 13}
                  textAnchor="middle"
                  className="fill-stone-600 text-[11px] dark:fill-stone-400"
                  aria-hidden
                >
                  {mode === 'months' && n <= 12 ? (
                    <>
                      <tspan className="hidden @xl:inline">{bar.axis}</tspan>
                      <tspan className="@xl:hidden">{bar.axisShort}</tspan>
                    </>
                  ) : mode === 'months' ? (
                    bar.axisShort
                  ) : n > 10 ? (
                    <>
                      <tspan className="hidden @2xl:inline">{bar.axis}</tspan>
                      <tspan className="@2xl:hidden">{bar.axisShort}</tspan>
                    </>
                  ) : (
                    bar.axis
                  )}
                </text>
              )}
            </>
          );
          const body = (
            <>
              <title>{title}</title>
              <rect x={`${slot.x}%`} y={0} width={`${slot.width}%`} height={TOP + HEIGHT} rx={4} className="fill-transparent group-focus-visible:fill-amber-100 group-focus-visible:stroke-amber-600 group-focus-visible:stroke-2 dark:group-focus-visible:fill-amber-950 dark:group-focus-visible:stroke-amber-400" />
              {h > 0 ? (
                <rect
                  x={`${slot.x + slot.width * 0.14}%`}
                  width={`${slot.width * 0.72}%`}
                  y={TOP + HEIGHT - h}
                  height={h}
                  rx={2}
                  className={`${tone} transition-colors`}
                />
              ) : (
                <rect x={`${slot.x + slot.width * 0.3}%`} width={`${slot.width * 0.4}%`} y={TOP + HEIGHT - 1} height={1} className="fill-stone-300 dark:fill-stone-700" />
              )}
              {bar.count > 0 && (
                <text
                  x={`${slot.center}%`}
                  y={TOP + HEIGHT - h - 4}
                  textAnchor="middle"
                  aria-hidden
                  className={`text-[11px] font-semibold fill-stone-700 dark:fill-stone-200 ${
                    bar.selected || inDrag ? 'opacity-100' : 'opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100'
                  }`}
                >
                  {fa(bar.count)}
                </text>
              )}
              {label}
            </>
          );
          return bar.count > 0 ? (
            <a
              key={bar.key}
              href={bar.href}
              aria-label={title}
              aria-current={bar.selected ? 'true' : undefined}
              className="group cursor-pointer outline-none"
              data-key={bar.key}
              onClick={(e) => {
                if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                navigate(bar.href, { focus: () => barAfter(bar.key) });
              }}
            >
              {body}
            </a>
          ) : (
            <g key={bar.key} data-key={bar.key} className="group">
              {body}
            </g>
          );
        })}
        {mode === 'months' &&
          years.map((year, k) => {
            const first = slotOf(k * 12, n, RTL);
            const last = slotOf(k * 12 + 11, n, RTL);
            const center = (first.center + last.center) / 2;
            return (
              <text
                key={year}
                x={`${center}%`}
                y={TOP + HEIGHT + AXIS + 13}
                textAnchor="middle"
                aria-hidden
                className="fill-stone-700 text-[12px] font-bold dark:fill-stone-300"
              >
                {fa(year)}
              </text>
            );
          })}
      </svg>
    </div>
  );
}
