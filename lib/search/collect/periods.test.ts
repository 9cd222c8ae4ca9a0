import { isLeapJalaaliYear } from 'jalaali-js';
import { describe, expect, it } from 'vitest';
import { articleWith } from '../../article';
import type { JalaliDate } from '../../types';
import { metaOf } from '../article-store';
import { ParamError } from '../params';
import { ArticleDates } from './article-dates';
import { autoInterval, countPeriods, MAX_PERIODS, Timeline, timelineOf } from './periods';

const d = (year: number, month: number, day: number): JalaliDate => ({ year, month, day });
const days = (t: Timeline) => t.periods.map((p) => [p.key, p.label, `${p.start.year}-${p.start.month}-${p.start.day}`, `${p.end.year}-${p.end.month}-${p.end.day}`]);

describe('Timeline by year', () => {
  it('ends a leap year on 30 Esfand and a common one on 29 Esfand', () => {
    expect([isLeapJalaaliYear(1402), isLeapJalaaliYear(1403)]).toEqual([false, true]);
    const t = timelineOf('year', d(1402, 1, 1), d(1403, 12, 30));
    expect(days(t)).toEqual([
      ['1402', '۱۴۰۲', '1402-1-1', '1402-12-29'],
      ['1403', '۱۴۰۳', '1403-1-1', '1403-12-30'],
    ]);
    expect(t.periods.map((p) => [p.startIso, p.endIso])).toEqual([
      ['2023-03-21', '2024-03-19'],
      ['2024-03-20', '2025-03-20'],
    ]);
  });

  it('cuts the first and last year to the range, keeping their key and label', () => {
    const t = timelineOf('year', d(1384, 3, 15), d(1385, 2, 1));
    expect(days(t)).toEqual([
      ['1384', '۱۳۸۴', '1384-3-15', '1384-12-29'],
      ['1385', '۱۳۸۵', '1385-1-1', '1385-2-1'],
    ]);
  });
});

describe('Timeline by month', () => {
  it('gives Esfand 30 days in a leap year and 29 in a common one, with Persian labels', () => {
    const leap = timelineOf('month', d(1403, 12, 1), d(1404, 1, 31));
    expect(days(leap)).toEqual([
      ['1403-12', 'اسفند ۱۴۰۳', '1403-12-1', '1403-12-30'],
      ['1404-01', 'فروردین ۱۴۰۴', '1404-1-1', '1404-1-31'],
    ]);
    const common = timelineOf('month', d(1402, 12, 1), d(1402, 12, 29));
    expect(days(common)).toEqual([['1402-12', 'اسفند ۱۴۰۲', '1402-12-1', '1402-12-29']]);
  });

  it('gives Mehr 30 days and Farvardin 31, never a 31 Mehr', () => {
    const t = timelineOf('month', d(1400, 1, 1), d(1400, 12, 29));
    expect(t.periods).toHaveLength(12);
    expect(t.periods[0].end).toEqual(d(1400, 1, 31));
    expect(t.periods[6].end).toEqual(d(1400, 7, 30));
  });
});

describe('Timeline by week', () => {
  it('runs Saturday to Friday, labelled by its Saturday, across the new year', () => {
    // 1 Farvardin 1403 (2024-03-20) was a Wednesday: its week began on 26 Esfand 1402.
    const t = timelineOf('week', d(1402, 12, 26), d(1403, 1, 10));
    expect(days(t)).toEqual([
      ['1402-12-26', '۲۶ اسفند ۱۴۰۲', '1402-12-26', '1403-1-3'],
      ['1403-01-04', '۴ فروردین ۱۴۰۳', '1403-1-4', '1403-1-10'],
    ]);
    expect(t.periods[0].startIso).toBe('2024-03-16');
    expect(new Date(t.periods[0].startIso).getUTCDay()).toBe(6);
    expect(new Date(t.periods[0].endIso).getUTCDay()).toBe(5);
  });

  it('keeps the Saturday as key and label when the range starts mid-week, the start cut to the range', () => {
    const [first] = timelineOf('week', d(1403, 1, 1), d(1403, 1, 1)).periods;
    expect([first.key, first.label, first.start, first.end]).toEqual(['1402-12-26', '۲۶ اسفند ۱۴۰۲', d(1403, 1, 1), d(1403, 1, 1)]);
  });
});

describe('autoInterval', () => {
  it('draws up to 366 days by week, up to ten years by month, longer by year', () => {
    expect(autoInterval(14030101, 14031230)).toBe('week');
    expect(autoInterval(14020101, 14031230)).toBe('month');
    expect(autoInterval(13820101, 13851229)).toBe('month');
    expect(autoInterval(13800101, 14031230)).toBe('year');
  });
});

it(`refuses a timeline of more than ${MAX_PERIODS} periods, naming the interval`, () => {
  expect(() => timelineOf('week', d(1300, 1, 1), d(1403, 1, 1))).toThrow(ParamError);
  expect(() => timelineOf('week', d(1300, 1, 1), d(1403, 1, 1))).toThrow(/^interval: week over this range gives \d+ periods/);
  expect(timelineOf('year', d(1300, 1, 1), d(1403, 1, 1)).periods).toHaveLength(104);
  expect(timelineOf('year', d(1, 1, 1), d(3177, 1, 1)).periods).toHaveLength(MAX_PERIODS);
});

describe('countPeriods', () => {
  const on = (jalali: JalaliDate | null) => articleWith({ id: String(Math.random()), title: 't', body: [], jalali });
  const articles = [on(d(1402, 12, 29)), on(d(1403, 1, 1)), on(null), on(d(1403, 1, 2)), on(d(1403, 3, 5)), on(d(1401, 5, 5))];
  const dates = new ArticleDates(metaOf(articles), articles.length);
  const all = articles.map((_, i) => i);

  it('counts each hit in its month, keeps empty months as 0 and the undated apart', () => {
    const t = timelineOf('month', d(1402, 12, 1), d(1403, 3, 31));
    const { counts, undated } = countPeriods(all, t, dates);
    // اسفند ۱۴۰۲، فروردین، اردیبهشت (none), خرداد ۱۴۰۳
    expect(Array.from(counts)).toEqual([1, 2, 0, 1]);
    expect(undated).toBe(1);
  });

  it('puts 29 Esfand 1402 and 1 and 2 Farvardin 1403 in one week', () => {
    const t = timelineOf('week', d(1402, 12, 26), d(1403, 1, 10));
    expect(Array.from(countPeriods(all, t, dates).counts)).toEqual([3, 0]);
  });

  it('counts nothing that lies outside the range, neither in the first nor the last period', () => {
    const t = timelineOf('year', d(1403, 1, 2), d(1403, 2, 1));
    expect(Array.from(countPeriods(all, t, dates).counts)).toEqual([1]);
  });

  it('counts only the hits it is given', () => {
    const t = timelineOf('year', d(1401, 1, 1), d(1403, 12, 30));
    expect(Array.from(countPeriods([0, 5], t, dates).counts)).toEqual([1, 1, 0]);
    expect(countPeriods([0, 5], t, dates).undated).toBe(0);
  });
});
