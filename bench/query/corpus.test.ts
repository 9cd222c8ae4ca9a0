import { describe, expect, it } from 'vitest';
import { copyPlan, replicateRecord, shiftJalali } from './corpus';

describe('replicateRecord', () => {
  const record = { id: 'HAM2-840127-155', title: 't', body: 'b', date: '2005-04-16', date_jalali: '1384/01/27', source: 'همشهری' };

  it('leaves copy 0 as it is', () => {
    expect(replicateRecord(record, 0)).toBe(record);
  });

  it('renames copy k and moves both dates k Jalali years on, keeping them in agreement', () => {
    const copy = replicateRecord(record, 3);
    expect(copy.id).toBe('HAM2-840127-155~r3');
    expect(copy.date_jalali).toBe('1387/01/27');
    expect(copy.date).toBe('2008-04-15');
    expect(copy.title).toBe('t');
    expect(record.id).toBe('HAM2-840127-155');
  });

  it('keeps undated records undated', () => {
    const copy = replicateRecord({ id: 'x', title: 't', body: 'b', date: null, date_jalali: null }, 2);
    expect(copy).toEqual({ id: 'x~r2', title: 't', body: 'b', date: null, date_jalali: null });
  });

  it('moves a Gregorian-only date through the Jalali calendar', () => {
    expect(replicateRecord({ id: 'g', date: '2019-09-01' }, 1).date).toBe('2020-08-31');
  });

  it('turns Esfand 30 into Esfand 29 in a year that has none', () => {
    expect(shiftJalali(1383, 12, 30, 1)).toEqual({ jy: 1384, jm: 12, jd: 29 });
    expect(shiftJalali(1383, 12, 30, 4)).toEqual({ jy: 1387, jm: 12, jd: 30 });
  });
});

describe('copyPlan', () => {
  it('adds full copies, then a seeded sample in order, to reach the target exactly', () => {
    const plan = copyPlan(13_790, 100_000, 1);
    expect(plan.map((p) => p.k)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(plan.slice(0, 7).every((p) => p.indices === null)).toBe(true);
    const last = plan[7].indices!;
    expect(last).toHaveLength(3_470);
    expect([...last].sort((a, b) => a - b)).toEqual(last);
    expect(new Set(last).size).toBe(last.length);
    expect(copyPlan(13_790, 100_000, 1)[7].indices).toEqual(last);
  });
});
