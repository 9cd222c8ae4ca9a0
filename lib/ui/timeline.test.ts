import { describe, expect, it } from 'vitest';
import { barHeight, buildTimeline, indexAtFraction, labelStep, rangeOf, slotOf, timelineScale } from './timeline';

const facets = {
  jalaliYears: [
    { year: 1399, count: 6 },
    { year: 1401, count: 12 },
    { year: 1402, count: 20 },
  ],
  jalaliMonths: [
    { year: 1401, month: 1, count: 2 },
    { year: 1401, month: 7, count: 2 },
    { year: 1402, month: 3, count: 2 },
  ],
};

describe('buildTimeline', () => {
  it('shows every year from the first to the last, empty ones too', () => {
    const t = buildTimeline(facets, undefined, undefined);
    expect(t.mode).toBe('years');
    expect(t.bars.map((b) => [b.key, b.count])).toEqual([
      ['1399', 6],
      ['1400', 0],
      ['1401', 12],
      ['1402', 20],
    ]);
    expect(t.bars.every((b) => !b.selected)).toBe(true);
    expect(t.bars[2]).toMatchObject({ from: '1401', to: '1401', label: '۱۴۰۱' });
  });

  it('shows the months of one selected year, with Persian month names', () => {
    const t = buildTimeline(facets, '1401', '1401');
    expect(t.mode).toBe('months');
    expect(t.bars).toHaveLength(12);
    expect(t.bars[0]).toMatchObject({ key: '1401-01', count: 2, label: 'فروردین ۱۴۰۱', axis: 'فروردین', from: '1401-01' });
    expect(t.bars[11].label).toBe('اسفند ۱۴۰۱');
    expect(t.bars.some((b) => b.selected)).toBe(false);
  });

  it('shows months for a range of two years and marks the selected ones', () => {
    const t = buildTimeline(facets, '1401-07', '1402-03');
    expect(t.mode).toBe('months');
    expect(t.years).toEqual([1401, 1402]);
    expect(t.bars).toHaveLength(24);
    expect(t.bars.filter((b) => b.selected).map((b) => b.key)).toEqual([
      '1401-07', '1401-08', '1401-09', '1401-10', '1401-11', '1401-12', '1402-01', '1402-02', '1402-03',
    ]);
  });

  it('stays per year for a range of more than two years, marking it', () => {
    const t = buildTimeline(facets, '1399', '1401');
    expect(t.mode).toBe('years');
    expect(t.bars.filter((b) => b.selected).map((b) => b.key)).toEqual(['1399', '1400', '1401']);
  });

  it('marks an open-ended range', () => {
    const t = buildTimeline(facets, '1401', undefined);
    expect(t.bars.filter((b) => b.selected).map((b) => b.key)).toEqual(['1401', '1402']);
  });

  it('is empty when nothing is dated', () => {
    expect(buildTimeline({ jalaliYears: [], jalaliMonths: [] }, undefined, undefined).bars).toEqual([]);
  });
});

describe('geometry', () => {
  it('lays bars right to left', () => {
    expect(slotOf(0, 4, true)).toEqual({ x: 75, width: 25, center: 87.5 });
    expect(slotOf(3, 4, true).x).toBe(0);
    expect(slotOf(0, 4, false).x).toBe(0);
  });

  it('finds the bar under a pointer, clamped to the chart', () => {
    expect(indexAtFraction(0.9, 4, true)).toBe(0);
    expect(indexAtFraction(0.1, 4, true)).toBe(3);
    expect(indexAtFraction(0.1, 4, false)).toBe(0);
    expect(indexAtFraction(-3, 4, true)).toBe(3);
    expect(indexAtFraction(7, 4, true)).toBe(0);
    expect(indexAtFraction(1, 4, false)).toBe(3);
    expect(indexAtFraction(0.5, 0, true)).toBe(-1);
    // slotOf and indexAtFraction agree on every bar's centre.
    for (let i = 0; i < 7; i++) expect(indexAtFraction(slotOf(i, 7, true).center / 100, 7, true)).toBe(i);
  });

  it('turns a drag into a range either way', () => {
    const { bars } = buildTimeline(facets, '1401', '1401');
    expect(rangeOf(bars, 2, 6)).toEqual({ from: '1401-03', to: '1401-07' });
    expect(rangeOf(bars, 6, 2)).toEqual({ from: '1401-03', to: '1401-07' });
  });

  it('keeps small counts visible', () => {
    expect(barHeight(0, 20, 100)).toBe(0);
    expect(barHeight(20, 20, 100)).toBe(100);
    expect(barHeight(1, 1000, 100)).toBe(3);
    expect(labelStep(24, 12)).toBe(2);
    expect(labelStep(5, 12)).toBe(1);
  });
});

describe('a filter that covers a bar only in part', () => {
  const facets = { jalaliYears: [{ year: 1402, count: 20 }], jalaliMonths: [{ year: 1402, month: 1, count: 2 }, { year: 1402, month: 2, count: 1 }] };

  it('counts a one-day filter’s month bar as that day’s matches, not the whole month’s', () => {
    const asked: string[][] = [];
    const t = buildTimeline(facets, '1402-01-25', '1402-01-25', (from, to) => (asked.push([from, to]), 1));
    expect(t.bars.find((b) => b.key === '1402-01')!.count).toBe(1);
    expect(asked).toEqual([['1402-01-25', '1402-01-25']]);
  });

  it('keeps the whole count of bars outside the filter (what clicking them gives)', () => {
    const t = buildTimeline(facets, '1402-01-25', '1402-01-25', () => 1);
    expect(t.bars.find((b) => b.key === '1402-02')!.count).toBe(1);
  });

  it('does not ask for bars the filter covers whole', () => {
    const t = buildTimeline(facets, '1402-01', '1402-02', () => {
      throw new Error('not asked');
    });
    expect(t.bars.find((b) => b.key === '1402-01')!.count).toBe(2);
  });
});

describe('timelineScale', () => {
  it('labels the maximum at the top of the tallest bar and a whole middle count where it stands', () => {
    expect(timelineScale(9)).toEqual([
      { value: 5, at: 5 / 9 },
      { value: 9, at: 1 },
    ]);
  });

  it('labels only the maximum when a middle line would crowd it', () => {
    expect(timelineScale(2)).toEqual([{ value: 2, at: 1 }]);
  });

  it('has no scale when nothing is counted', () => {
    expect(timelineScale(0)).toEqual([]);
  });
});
