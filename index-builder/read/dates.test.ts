import { describe, expect, it } from 'vitest';
import { DateError, readDate } from './dates';

const ABAN_10_1400 = { year: 1400, month: 8, day: 10 };

function reason(value: string): string {
  try {
    readDate(value);
  } catch (err) {
    expect(err).toBeInstanceOf(DateError);
    return (err as Error).message;
  }
  throw new Error(`expected "${value}" to be rejected`);
}

describe('readDate: Gregorian', () => {
  it('reads YYYY-MM-DD as the start of that day in Tehran', () => {
    expect(readDate('2021-11-01')).toEqual({ jalali: ABAN_10_1400, publishedAt: '2021-11-01T00:00:00+03:30', hasTime: false });
  });

  it('uses the summer offset Tehran kept before 2022', () => {
    expect(readDate('2005-04-16').publishedAt).toBe('2005-04-16T00:00:00+04:30');
  });

  it('reads an ISO time without an offset as Tehran time, seconds kept', () => {
    expect(readDate('2021-11-01T23:56:07')).toEqual({ jalali: ABAN_10_1400, publishedAt: '2021-11-01T23:56:07+03:30', hasTime: true });
  });

  it('reads "YYYY-MM-DD HH:MM" with a space as Tehran time', () => {
    expect(readDate('2021-11-01 23:56').publishedAt).toBe('2021-11-01T23:56:00+03:30');
  });

  it('converts a UTC instant to Tehran wall time, on the Tehran day', () => {
    // 20:30 UTC on 1 November is already 2 November (11 Aban) in Tehran.
    expect(readDate('2021-11-01T20:30:00Z')).toEqual({
      jalali: { year: 1400, month: 8, day: 11 },
      publishedAt: '2021-11-02T00:00:00+03:30',
      hasTime: true,
    });
  });

  it('converts another offset, dropping fractions of a second', () => {
    expect(readDate('2021-11-01T21:26:00.512+01:00').publishedAt).toBe('2021-11-01T23:56:00+03:30');
  });

  it('gives the offset in force at the instant: +04:30 in a summer before 2022', () => {
    expect(readDate('2020-07-01T12:00:00Z').publishedAt).toBe('2020-07-01T16:30:00+04:30');
  });
});

describe('readDate: Jalali', () => {
  it('reads 1400/08/10 in Latin digits', () => {
    expect(readDate('1400/08/10')).toEqual({ jalali: ABAN_10_1400, publishedAt: '2021-11-01T00:00:00+03:30', hasTime: false });
  });

  it('reads Persian digits with "/" and no zero padding', () => {
    expect(readDate('۱۴۰۰/۸/۱۰').jalali).toEqual(ABAN_10_1400);
  });

  it('reads Arabic-Indic digits with "-"', () => {
    expect(readDate('١٤٠٠-٠٨-١٠').jalali).toEqual(ABAN_10_1400);
  });

  it('reads a Jalali date with a Tehran time', () => {
    expect(readDate('۱۴۰۰/۰۸/۱۰ ۲۳:۵۶').publishedAt).toBe('2021-11-01T23:56:00+03:30');
  });

  it('reads the textual form «۱۰ آبان ۱۴۰۰ - ۲۳:۵۶»', () => {
    expect(readDate('۱۰ آبان ۱۴۰۰ - ۲۳:۵۶')).toEqual({ jalali: ABAN_10_1400, publishedAt: '2021-11-01T23:56:00+03:30', hasTime: true });
  });

  it('reads the textual form with a weekday and no time', () => {
    expect(readDate('دوشنبه ۱۰ آبان ۱۴۰۰')).toEqual({ jalali: ABAN_10_1400, publishedAt: '2021-11-01T00:00:00+03:30', hasTime: false });
  });
});

describe('readDate: what is rejected, with the reason', () => {
  it('rejects month 13 of 1400/13/40', () => {
    expect(reason('1400/13/40')).toBe('month 13 is out of range 1..12');
  });

  it('rejects 30 Esfand in a common year', () => {
    expect(reason('۱۴۰۰/۱۲/۳۰')).toBe('1400-12-30 is not a valid Jalali date (1400 is not a leap year)');
  });

  it('rejects 31 Mehr in the textual form', () => {
    expect(reason('۳۱ مهر ۱۴۰۰')).toBe('1400-07-31 is not a valid Jalali date (month 7 has 30 days)');
  });

  it('rejects 2021-02-30', () => {
    expect(reason('2021-02-30')).toBe('2021-02-30 is not a valid Gregorian date (February 2021 has 28 days)');
  });

  it('rejects 29 February in a common year but reads it in a leap year', () => {
    expect(reason('2021-02-29')).toBe('2021-02-29 is not a valid Gregorian date (February 2021 has 28 days)');
    expect(readDate('2020-02-29').jalali).toEqual({ year: 1398, month: 12, day: 10 });
  });

  it('rejects a year that is neither Jalali nor Gregorian', () => {
    expect(reason('1700/01/01')).toBe('year 1700 is neither Jalali (up to 1500) nor Gregorian (from 1900)');
  });

  it('rejects a Gregorian year after a Persian month name', () => {
    expect(reason('۱۰ آبان ۲۰۲۱')).toBe('a Jalali month name with year 2021, which is not a Jalali year (up to 1500)');
  });

  it('rejects an hour of 24', () => {
    expect(reason('2021-11-01T24:00')).toBe('hour 24 is out of range 0..23');
  });

  it('rejects text after the day that is not a time', () => {
    expect(reason('1400/08/10 عصر')).toBe('"عصر" after the day is not a time like 23:56 or T23:56:00+03:30');
  });

  it('rejects a day-first date rather than guess which part is which', () => {
    expect(reason('10/08/1400')).toMatch(/^not a date \(expected e\.g\. 2021-11-01/);
  });

  it('rejects a month name it does not know', () => {
    expect(reason('۱۰ آبانماه ۱۴۰۰')).toBe('«آبانماه» is not a Persian month name');
  });
});
