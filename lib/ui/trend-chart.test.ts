// The trend chart's geometry: what is drawn where, what a gap breaks, what is uncertain.
import { describe, expect, it } from 'vitest';
import type { TrendPeriod, TrendSeries } from '../types';
import {
  chartLayout,
  formatShare,
  gregorianPersian,
  labelIndices,
  lineSegments,
  measureValues,
  movingAverage,
  niceTicks,
  periodLabel,
  SERIES_STYLES,
  xOf,
} from './trend-chart';

const period = (key: string, label: string, total: number, startIso = '2005-03-21', endIso = '2006-03-20'): TrendPeriod => ({
  key,
  label,
  start: `${key}-01-01`,
  end: `${key}-12-29`,
  startIso,
  endIso,
  total,
});

// 1382 holds no article at all, 1384 only 10 (under N = 20).
const periods = [period('1381', '۱۳۸۱', 200), period('1382', '۱۳۸۲', 0), period('1383', '۱۳۸۳', 400), period('1384', '۱۳۸۴', 10)];
const flood: TrendSeries = { q: 'سیل', counts: [20, 0, 100, 5], matched: 130, undated: 5 };
const quake: TrendSeries = { q: 'زلزله', counts: [2, 0, 0, 1], matched: 3, undated: 0 };

describe('measureValues', () => {
  it('gives the share of the period\'s articles that match', () => {
    expect(measureValues(flood, periods, 'share')).toEqual([0.1, null, 0.25, 0.5]);
  });

  it('makes a period without articles a gap under both measures, never 0', () => {
    expect(measureValues(flood, periods, 'share')[1]).toBeNull();
    expect(measureValues(flood, periods, 'count')).toEqual([20, null, 100, 5]);
  });

  it('keeps a period that has articles but no match at 0, not a gap', () => {
    expect(measureValues(quake, periods, 'share')[2]).toBe(0);
  });
});

describe('movingAverage', () => {
  it('averages each period with its neighbours', () => {
    expect(movingAverage([3, 6, 9, 12])).toEqual([4.5, 6, 9, 10.5]);
  });

  it('leaves a gap a gap and does not average across it', () => {
    expect(movingAverage([4, null, 8, 2])).toEqual([4, null, 5, 5]);
  });

  it('changes nothing with a window of 1', () => {
    expect(movingAverage([1, null, 7], 1)).toEqual([1, null, 7]);
  });
});

describe('niceTicks', () => {
  it('runs from 0 to a round value at or above the highest one', () => {
    expect(niceTicks(0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(87)).toEqual([0, 25, 50, 75, 100]);
  });

  it('gives at least one step above 0 when everything is 0', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('xOf: time runs right to left', () => {
  it('puts the first period at the right edge and the last at the left', () => {
    expect(xOf(0, 5, 10, 110)).toBe(110);
    expect(xOf(4, 5, 10, 110)).toBe(10);
    expect(xOf(1, 5, 10, 110)).toBe(85);
  });

  it('centres a single period', () => {
    expect(xOf(0, 1, 10, 110)).toBe(60);
  });
});

describe('labelIndices', () => {
  it('labels every period when they fit', () => {
    expect(labelIndices(4, 6)).toEqual([0, 1, 2, 3]);
  });

  it('spaces labels evenly and always labels the first and last periods', () => {
    const shown = labelIndices(60, 6);
    expect(shown[0]).toBe(0);
    expect(shown.at(-1)).toBe(59);
    expect(shown.length).toBeLessThanOrEqual(6);
  });

  it('drops the label before the last when the two would crowd', () => {
    expect(labelIndices(14, 5)).toEqual([0, 4, 8, 13]);
  });
});

describe('lineSegments', () => {
  const pt = (x: number, y: number | null, uncertain = false) => ({ x, y, uncertain });

  it('breaks the line at a gap instead of joining over it', () => {
    const segs = lineSegments([pt(300, 10), pt(200, 20), pt(100, null), pt(0, 30)]);
    expect(segs).toEqual([{ d: 'M300 10 L200 20', uncertain: false }]);
  });

  it('dashes each stretch that touches an uncertain point, one path per kind', () => {
    const segs = lineSegments([pt(300, 10), pt(200, 20), pt(100, 30, true), pt(0, 40, true)]);
    expect(segs).toEqual([
      { d: 'M300 10 L200 20', uncertain: false },
      { d: 'M200 20 L100 30 L0 40', uncertain: true },
    ]);
  });

  it('draws nothing for a lone point between gaps (its marker shows it)', () => {
    expect(lineSegments([pt(200, null), pt(100, 5), pt(0, null)])).toEqual([]);
  });
});

describe('chartLayout', () => {
  const layout = chartLayout(periods, [flood, quake], { measure: 'share', smooth: 0, labels: 'jalali', interval: 'year', width: 640, height: 320 });

  it('draws one line per query, the first period at the right', () => {
    expect(layout.lines.map((l) => l.q)).toEqual(['سیل', 'زلزله']);
    const [first, last] = [layout.lines[0].points[0], layout.lines[0].points[3]];
    expect(first.x).toBeGreaterThan(last.x);
  });

  it('leaves the empty period without a y and breaks the line there', () => {
    const flood = layout.lines[0];
    expect(flood.points[1].y).toBeNull();
    expect(flood.segments).toHaveLength(1);
    expect(flood.segments[0].d.split('L')).toHaveLength(2);
  });

  it('marks the share resting on fewer than 20 articles uncertain, not the others', () => {
    expect(layout.lines[0].points.map((p) => p.uncertain)).toEqual([false, false, false, true]);
    expect(layout.lines[0].segments[0].uncertain).toBe(true);
  });

  it('marks nothing uncertain when counts are drawn: a count is exact', () => {
    const counts = chartLayout(periods, [flood], { measure: 'count', smooth: 0, labels: 'jalali', interval: 'year' });
    expect(counts.lines[0].points.some((p) => p.uncertain)).toBe(false);
  });

  it('scales values so that the highest share stays inside the plot, 0 on the baseline', () => {
    const ys = layout.lines[0].points.map((p) => p.y);
    expect(ys[3]).toBeGreaterThanOrEqual(layout.box.top);
    expect(layout.max).toBe(0.5);
    expect(layout.lines[1].points[2].y).toBe(layout.box.bottom);
  });

  it('labels the value axis in Persian percent and the time axis with the Jalali years', () => {
    expect(layout.yTicks.map((t) => t.label)).toEqual(['۰٪', '۱۰٪', '۲۰٪', '۳۰٪', '۴۰٪', '۵۰٪']);
    expect(layout.xTicks.map((t) => t.label)).toEqual(['۱۳۸۱', '۱۳۸۲', '۱۳۸۳', '۱۳۸۴']);
  });

  it('keeps the raw figures on every point when smoothing', () => {
    const smooth = chartLayout(periods, [flood], { measure: 'share', smooth: 3, labels: 'jalali', interval: 'year' });
    // 1381's neighbour 1382 is a gap: it averages only itself; 1383 averages itself and 1384.
    expect(smooth.lines[0].points[0]).toMatchObject({ count: 20, total: 200, share: 0.1, value: 0.1 });
    expect(smooth.lines[0].points[2]).toMatchObject({ count: 100, share: 0.25 });
    expect(smooth.lines[0].points[2].value).toBeCloseTo((0.25 + 0.5) / 2);
  });
});

describe('labels', () => {
  it('writes shares in Persian digits with the Persian decimal separator', () => {
    expect(formatShare(0.125)).toBe('۱۲٫۵٪');
    expect(formatShare(0.0025, 2)).toBe('۰٫۲۵٪');
    expect(formatShare(0.3, 1)).toBe('۳۰٪');
  });

  it('names a Jalali year by its two Gregorian years, a month or week by its first day', () => {
    expect(periodLabel(periods[0], 'year', 'gregorian')).toBe('۲۰۰۵–۲۰۰۶');
    expect(periodLabel({ ...periods[0], startIso: '2005-05-22' }, 'month', 'gregorian')).toBe('۲۲ مه ۲۰۰۵');
    expect(periodLabel(periods[0], 'year', 'jalali')).toBe('۱۳۸۱');
    expect(gregorianPersian('2024-03-16')).toBe('۱۶ مارس ۲۰۲۴');
  });
});

describe('SERIES_STYLES', () => {
  it('gives each of the 8 queries its own colour, light and dark', () => {
    expect(new Set(SERIES_STYLES.map((s) => s.stroke)).size).toBe(8);
  });
});
