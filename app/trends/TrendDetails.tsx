'use client';

// Hover and focus details for the chart's points. The chart itself is the
// server's SVG (each point a link with its figures in a <title>); with
// JavaScript this shows them in a box beside the point instead of waiting
// for the browser's tooltip, and for keyboard focus too.
import { useRef, useState } from 'react';
import { unitWords, type UnitWords } from '@/lib/ui/count-unit';

interface Shown {
  left: number;
  top: number;
  lines: string[];
  flip: boolean;
}

const faNumber = (n: number) => n.toLocaleString('fa-IR', { maximumFractionDigits: 2 });
const faPercent = (share: number) => `${(share * 100).toLocaleString('fa-IR', { maximumFractionDigits: 2 })}٪`;

function linesOf(el: HTMLElement | SVGElement, measure: string, smooth: boolean, minArticles: number, unit: UnitWords): string[] {
  const d = el.dataset;
  const count = Number(d.count);
  const total = Number(d.total);
  const lines = [`«${d.q}»`, d.label ?? '', `${faNumber(count)} ${unit.one} از ${faNumber(total)} ${unit.oneOf} این دوره`];
  if (d.share) lines.push(`سهم: ${faPercent(Number(d.share))}`);
  if (smooth && d.value) lines.push(`میانگین سه دوره: ${measure === 'share' ? faPercent(Number(d.value)) : faNumber(Number(d.value))}`);
  if (d.uncertain) lines.push(`نامطمئن: کمتر از ${faNumber(minArticles)} ${unit.one} در این دوره`);
  lines.push(`برای دیدن این ${unit.many} کلیک کنید`);
  return lines;
}

export function TrendDetails({ children, measure, smooth, minArticles, unit = unitWords('articles') }: { children: React.ReactNode; measure: string; smooth: boolean; minArticles: number; unit?: UnitWords }) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<Shown | null>(null);

  const show = (target: EventTarget | null) => {
    const point = target instanceof Element ? target.closest<SVGAElement>('[data-point]') : null;
    const frame = box.current;
    if (!point || !frame) return;
    const r = point.getBoundingClientRect();
    const f = frame.getBoundingClientRect();
    const left = r.left + r.width / 2 - f.left;
    setShown({ left, top: r.top - f.top, lines: linesOf(point, measure, smooth, minArticles, unit), flip: left > f.width / 2 });
  };

  return (
    <div
      ref={box}
      className="relative"
      onMouseOver={(e) => show(e.target)}
      onFocus={(e) => show(e.target)}
      onMouseLeave={() => setShown(null)}
      onBlur={() => setShown(null)}
      data-testid="trend-details-frame"
    >
      {children}
      {shown && (
        <div
          aria-hidden
          data-testid="trend-tooltip"
          className="pointer-events-none absolute z-10 w-max max-w-[16rem] -translate-y-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-xs leading-relaxed text-stone-900 shadow-lg dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
          style={{ top: shown.top - 8, ...(shown.flip ? { right: `calc(100% - ${shown.left}px)` } : { left: shown.left }) }}
        >
          {shown.lines.map((line, i) => (
            <p key={i} className={i === 0 ? 'font-bold' : i === shown.lines.length - 1 ? 'text-stone-500 dark:text-stone-400' : undefined}>
              {line}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
