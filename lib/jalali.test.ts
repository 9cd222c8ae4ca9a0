// These specifications must hold whatever zone the process runs in; run them
// with TZ=UTC, TZ=Asia/Tehran and TZ=America/New_York.
import { describe, expect, it } from 'vitest';
import {
  JALALI_MONTHS,
  boundToDayNumber,
  formatJalaliKey,
  formatJalaliMonthPersian,
  formatJalaliPersian,
  gregorianDateToIsoTehran,
  isValidJalali,
  jalaliDayNumber,
  jalaliTehranToIso,
  parseJalaliBound,
  parsePersianDateTime,
  tehranJalaliOf,
  tehranOffsetAt,
} from '@/lib/jalali';

const at = (iso: string) => new Date(iso);

describe('JALALI_MONTHS', () => {
  it('lists the twelve months from فروردین to اسفند, index 0 being month 1', () => {
    expect(JALALI_MONTHS).toHaveLength(12);
    expect(JALALI_MONTHS[0]).toBe('فروردین');
    expect(JALALI_MONTHS[7]).toBe('آبان');
    expect(JALALI_MONTHS[11]).toBe('اسفند');
  });
});

describe('isValidJalali', () => {
  it('accepts 30 Esfand in a leap year (1399)', () => {
    expect(isValidJalali(1399, 12, 30)).toBe(true);
  });

  it('rejects 30 Esfand in a common year (1400)', () => {
    expect(isValidJalali(1400, 12, 30)).toBe(false);
  });

  it('gives the first six months 31 days and Mehr only 30', () => {
    expect(isValidJalali(1400, 6, 31)).toBe(true);
    expect(isValidJalali(1400, 7, 31)).toBe(false);
  });

  it('rejects month 0 and month 13', () => {
    expect(isValidJalali(1400, 0, 1)).toBe(false);
    expect(isValidJalali(1400, 13, 1)).toBe(false);
  });

  it('answers false, and does not throw, for an absurd year', () => {
    expect(isValidJalali(99999, 1, 1)).toBe(false);
  });

  it('rejects fractions that jalaali-js would let through', () => {
    expect(isValidJalali(1400, 8.5, 10)).toBe(false);
  });
});

describe('tehranJalaliOf: the calendar day in Tehran', () => {
  it('puts the example article (23:56 Tehran = 20:26 UTC) on 10 Aban 1400', () => {
    expect(tehranJalaliOf(at('2021-11-01T20:26:00Z'))).toEqual({ year: 1400, month: 8, day: 10 });
  });

  it('is still 10 Aban one second before Tehran midnight, 20:30 UTC in winter (+03:30)', () => {
    expect(tehranJalaliOf(at('2021-11-01T20:29:59Z'))).toEqual({ year: 1400, month: 8, day: 10 });
  });

  it('turns to 11 Aban at 20:30 UTC, although it is still 1 November in UTC', () => {
    expect(tehranJalaliOf(at('2021-11-01T20:30:00Z'))).toEqual({ year: 1400, month: 8, day: 11 });
  });

  it('turns the day at 19:30 UTC in summer, while daylight time (+04:30) was kept', () => {
    expect(tehranJalaliOf(at('2020-06-20T19:29:59Z'))).toEqual({ year: 1399, month: 3, day: 31 });
    expect(tehranJalaliOf(at('2020-06-20T19:30:00Z'))).toEqual({ year: 1399, month: 4, day: 1 });
  });

  it('ends 1402, a common year, on 29 Esfand and starts 1403 at Tehran midnight', () => {
    expect(tehranJalaliOf(at('2024-03-19T20:29:59Z'))).toEqual({ year: 1402, month: 12, day: 29 });
    expect(tehranJalaliOf(at('2024-03-19T20:30:00Z'))).toEqual({ year: 1403, month: 1, day: 1 });
  });

  it('refuses an invalid Date', () => {
    expect(() => tehranJalaliOf(new Date('nonsense'))).toThrow(/tehranJalaliOf: date must be a valid Date/);
  });
});

describe('tehranOffsetAt', () => {
  it('is +03:30 in winter', () => {
    expect(tehranOffsetAt(at('2021-11-01T20:26:00Z'))).toBe('+03:30');
  });

  it('is +04:30 in summer while Iran kept daylight time', () => {
    expect(tehranOffsetAt(at('2020-06-21T08:30:00Z'))).toBe('+04:30');
  });

  it('stays +03:30 in summer after daylight time was abolished in 2022', () => {
    expect(tehranOffsetAt(at('2023-06-21T08:30:00Z'))).toBe('+03:30');
  });
});

describe('jalaliTehranToIso', () => {
  it('writes the example article time with the winter offset', () => {
    expect(jalaliTehranToIso({ year: 1400, month: 8, day: 10 }, 23, 56)).toBe('2021-11-01T23:56:00+03:30');
  });

  it('writes a summer time with the daylight offset', () => {
    expect(jalaliTehranToIso({ year: 1399, month: 4, day: 1 }, 12, 0)).toBe('2020-06-21T12:00:00+04:30');
  });

  it('defaults to Tehran midnight', () => {
    expect(jalaliTehranToIso({ year: 1384, month: 1, day: 27 })).toBe('2005-04-16T00:00:00+04:30');
  });

  it('names the instant that tehranJalaliOf maps back to the same day', () => {
    const iso = jalaliTehranToIso({ year: 1400, month: 8, day: 10 }, 23, 59);
    expect(tehranJalaliOf(new Date(iso))).toEqual({ year: 1400, month: 8, day: 10 });
  });

  it('moves a clock reading skipped by the spring jump (00:30 on 2 Farvardin 1400) forward by the hour', () => {
    expect(jalaliTehranToIso({ year: 1400, month: 1, day: 2 }, 0, 30)).toBe('2021-03-22T01:30:00+04:30');
  });

  it('starts a day whose midnight was skipped at its first real minute, on the same day', () => {
    expect(jalaliTehranToIso({ year: 1400, month: 1, day: 2 })).toBe('2021-03-22T01:00:00+04:30');
  });

  it('reads an hour repeated by the autumn fall-back as the earlier one, in daylight time', () => {
    expect(jalaliTehranToIso({ year: 1400, month: 6, day: 30 }, 23, 30)).toBe('2021-09-21T23:30:00+04:30');
    expect(jalaliTehranToIso({ year: 1400, month: 6, day: 31 })).toBe('2021-09-22T00:00:00+03:30');
  });

  it('refuses a day that does not exist rather than rolling it over', () => {
    expect(() => jalaliTehranToIso({ year: 1400, month: 12, day: 30 })).toThrow(/1400 is not a leap year/);
  });

  it('refuses hour 24', () => {
    expect(() => jalaliTehranToIso({ year: 1400, month: 8, day: 10 }, 24, 0)).toThrow(/hour 24 is out of range 0\.\.23/);
  });
});

describe('gregorianDateToIsoTehran', () => {
  it('gives midnight Tehran of the day, with the summer offset of 2005', () => {
    expect(gregorianDateToIsoTehran('2005-04-16')).toBe('2005-04-16T00:00:00+04:30');
  });

  it('gives midnight Tehran with the winter offset in winter', () => {
    expect(gregorianDateToIsoTehran('2005-01-10')).toBe('2005-01-10T00:00:00+03:30');
  });

  it('refuses 30 February instead of rolling it into March', () => {
    expect(() => gregorianDateToIsoTehran('2005-02-30')).toThrow(/date "2005-02-30" is not a Gregorian date/);
  });

  it('refuses other layouts', () => {
    expect(() => gregorianDateToIsoTehran('16/04/2005')).toThrow(/like 2005-04-16/);
  });
});

describe('formatting', () => {
  it('writes the day key zero padded in ASCII', () => {
    expect(formatJalaliKey({ year: 1400, month: 8, day: 1 })).toBe('1400-08-01');
  });

  it('writes the day in Persian with the month name', () => {
    expect(formatJalaliPersian({ year: 1400, month: 8, day: 10 })).toBe('۱۰ آبان ۱۴۰۰');
  });

  it('does not zero pad the Persian day', () => {
    expect(formatJalaliPersian({ year: 1400, month: 1, day: 2 })).toBe('۲ فروردین ۱۴۰۰');
  });

  it('writes a month in Persian', () => {
    expect(formatJalaliMonthPersian(1400, 8)).toBe('آبان ۱۴۰۰');
  });

  it('refuses month 13 instead of printing «undefined»', () => {
    expect(() => formatJalaliMonthPersian(1400, 13)).toThrow(/month 13 is out of range 1\.\.12/);
  });
});

describe('parseJalaliBound: the from/to parameters', () => {
  it.each([
    ['1400', { year: 1400 }],
    ['1400-08', { year: 1400, month: 8 }],
    ['1400-8', { year: 1400, month: 8 }],
    ['1400-08-10', { year: 1400, month: 8, day: 10 }],
    ['1400/08/10', { year: 1400, month: 8, day: 10 }],
    ['۱۴۰۰-۰۸-۱۰', { year: 1400, month: 8, day: 10 }],
    ['١٤٠٠/٨/١٠', { year: 1400, month: 8, day: 10 }],
    ['  1400-08 ', { year: 1400, month: 8 }],
    ['1399-12-30', { year: 1399, month: 12, day: 30 }],
  ])('accepts %j', (value, bound) => {
    expect(parseJalaliBound(value, 'from')).toStrictEqual(bound);
  });

  it('names the parameter and the month that is out of range', () => {
    expect(() => parseJalaliBound('1400-13', 'from')).toThrow('from: month 13 is out of range 1..12');
  });

  it('explains that 30 Esfand 1400 does not exist', () => {
    expect(() => parseJalaliBound('1400-12-30', 'to')).toThrow(
      'to: 1400-12-30 is not a valid Jalali date (1400 is not a leap year)',
    );
  });

  it('explains that Mehr has 30 days', () => {
    expect(() => parseJalaliBound('1400-07-31', 'to')).toThrow('to: 1400-07-31 is not a valid Jalali date (month 7 has 30 days)');
  });

  it.each(['0', '3178', '14000'])('refuses year %s outside 1..3177', (value) => {
    expect(() => parseJalaliBound(value, 'from')).toThrow(/^from: year \d+ is out of range 1\.\.3177$/);
  });

  it.each(['', 'آبان', '1400.08', '1400-08/10', '1400-08-10-01', '1400-008', '10 آبان 1400'])(
    'refuses %j with the expected form',
    (value) => {
      expect(() => parseJalaliBound(value, 'from')).toThrow('from: expected a Jalali year, year-month or date like 1400-08-10');
    },
  );
});

describe('day numbers for inclusive filtering', () => {
  it('numbers a day as year*10000 + month*100 + day', () => {
    expect(jalaliDayNumber({ year: 1400, month: 8, day: 10 })).toBe(14000810);
  });

  it('starts a year-only bound on 1 Farvardin', () => {
    expect(boundToDayNumber({ year: 1400 }, 'start')).toBe(14000101);
  });

  it('ends a common year on 29 Esfand and a leap year on 30 Esfand', () => {
    expect(boundToDayNumber({ year: 1400 }, 'end')).toBe(14001229);
    expect(boundToDayNumber({ year: 1399 }, 'end')).toBe(13991230);
  });

  it('ends a month on its own last day', () => {
    expect(boundToDayNumber({ year: 1400, month: 6 }, 'end')).toBe(14000631);
    expect(boundToDayNumber({ year: 1400, month: 7 }, 'end')).toBe(14000730);
  });

  it('uses a full date as it is at either edge', () => {
    expect(boundToDayNumber({ year: 1400, month: 8, day: 10 }, 'start')).toBe(14000810);
    expect(boundToDayNumber({ year: 1400, month: 8, day: 10 }, 'end')).toBe(14000810);
  });

  it('keeps a month-end bound before the next month start', () => {
    expect(boundToDayNumber({ year: 1400, month: 8 }, 'end')).toBeLessThan(boundToDayNumber({ year: 1400, month: 9 }, 'start'));
  });
});

describe('parsePersianDateTime', () => {
  const aban10 = { year: 1400, month: 8, day: 10 };

  it('reads the archive layout «۱۰ آبان ۱۴۰۰ - ۲۳:۵۶»', () => {
    expect(parsePersianDateTime('۱۰ آبان ۱۴۰۰ - ۲۳:۵۶')).toEqual({ jalali: aban10, hour: 23, minute: 56 });
  });

  it('reads a date without a time, leaving the time null', () => {
    expect(parsePersianDateTime('۱۰ آبان ۱۴۰۰')).toEqual({ jalali: aban10, hour: null, minute: null });
  });

  it('tolerates NBSPs, extra spaces, «ساعت» and «،» instead of «-»', () => {
    expect(parsePersianDateTime('  ۱۰\u00a0آبان  ۱۴۰۰ ، ساعت\u00a0۲۳:۵۶ ')).toEqual({ jalali: aban10, hour: 23, minute: 56 });
  });

  it('reads ASCII and Arabic-Indic digits', () => {
    expect(parsePersianDateTime('10 آبان 1400 - 23:56')).toEqual({ jalali: aban10, hour: 23, minute: 56 });
    expect(parsePersianDateTime('١٠ آبان ١٤٠٠ - ٢٣:٥٦')).toEqual({ jalali: aban10, hour: 23, minute: 56 });
  });

  it('reads month names spelled with Arabic yeh (ارديبهشت, دي)', () => {
    expect(parsePersianDateTime('۲ ارديبهشت ۱۳۹۹').jalali).toEqual({ year: 1399, month: 2, day: 2 });
    expect(parsePersianDateTime('۵ دي ۱۳۸۱').jalali).toEqual({ year: 1381, month: 10, day: 5 });
  });

  it('skips a leading weekday', () => {
    expect(parsePersianDateTime('سه‌شنبه ۱۱ آبان ۱۴۰۰').jalali).toEqual({ year: 1400, month: 8, day: 11 });
  });

  it('reads the numeric form «۱۳۹۷/۹/۱۰ ۰۰:۰۱»', () => {
    expect(parsePersianDateTime('۱۳۹۷/۹/۱۰ ۰۰:۰۱')).toEqual({ jalali: { year: 1397, month: 9, day: 10 }, hour: 0, minute: 1 });
  });

  it('rejects «۳۱ مهر ۱۴۰۰» instead of guessing 1 Aban', () => {
    expect(() => parsePersianDateTime('۳۱ مهر ۱۴۰۰')).toThrow('1400-07-31 is not a valid Jalali date (month 7 has 30 days)');
  });

  it('rejects «۳۰ اسفند ۱۴۰۰» because 1400 is not a leap year', () => {
    expect(() => parsePersianDateTime('۳۰ اسفند ۱۴۰۰')).toThrow('1400 is not a leap year');
  });

  it('rejects an unknown month name, naming it', () => {
    expect(() => parsePersianDateTime('۱۰ آبانی ۱۴۰۰')).toThrow('«آبانی» is not a Persian month name');
  });

  it('rejects hour 24', () => {
    expect(() => parsePersianDateTime('۱۰ آبان ۱۴۰۰ - ۲۴:۰۰')).toThrow('hour 24 is out of range 0..23');
  });

  it('rejects a two-digit year rather than reading «۰۰» as year 0', () => {
    expect(() => parsePersianDateTime('۱۰ آبان ۰۰')).toThrow('expected a date like «۱۰ آبان ۱۴۰۰ - ۲۳:۵۶»');
  });

  it('quotes the text it could not read', () => {
    expect(() => parsePersianDateTime('دیروز')).toThrow('date "دیروز"');
  });
});
