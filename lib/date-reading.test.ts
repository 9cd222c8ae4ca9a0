import { describe, expect, it } from 'vitest';
import { readDateBound, readDateText } from './jalali';
import { ParamError, parseSearchParams } from './search/params';

describe('readDateText: what a typed or linked date means', () => {
  it('keeps a four-digit Jalali year Jalali: ۱۳۸۴ is not Gregorian', () => {
    const r = readDateText('۱۳۸۴', 'from');
    expect(r.kind).toBe('jalali');
    expect(r.start).toEqual({ year: 1384, month: 1, day: 1 });
    expect(r.end).toEqual({ year: 1384, month: 12, day: 29 });
  });

  it('reads a two-digit year as the 1300s: «۸۴» is ۱۳۸۴, never year 84', () => {
    const r = readDateText('۸۴', 'from');
    expect(r.kind).toBe('two-digit');
    expect(r.start).toEqual({ year: 1384, month: 1, day: 1 });
  });

  it('reads a year from 1900 to 2100 as Gregorian: 2005 is ۱۳۸۳/۱۰/۱۲ to ۱۳۸۴/۱۰/۱۰', () => {
    const r = readDateText('2005', 'from');
    expect(r.kind).toBe('gregorian');
    expect(r.start).toEqual({ year: 1383, month: 10, day: 12 });
    expect(r.end).toEqual({ year: 1384, month: 10, day: 10 });
  });

  it('reads a Gregorian day in Persian digits with any separator: ۲۰۰۵.۳.۲۱ is ۱ فروردین ۱۳۸۴', () => {
    for (const text of ['2005-03-21', '2005/3/21', '۲۰۰۵.۳.۲۱']) {
      const r = readDateText(text, 'from');
      expect(r.start).toEqual({ year: 1384, month: 1, day: 1 });
      expect(r.end).toEqual(r.start);
    }
  });

  it('reads a Jalali date with dots or slashes in Persian digits: ۱۳۸۴.۳.۱', () => {
    expect(readDateText('۱۳۸۴.۳.۱', 'from').start).toEqual({ year: 1384, month: 3, day: 1 });
    expect(readDateText('1384/3/1', 'from').start).toEqual({ year: 1384, month: 3, day: 1 });
  });

  it('refuses a month 13, naming the parameter: 1384/13/1', () => {
    expect(() => readDateText('1384/13/1', 'from')).toThrow(/^from: month 13 is out of range/);
  });

  it('refuses a Gregorian day that does not exist, naming the parameter: 2005-02-29', () => {
    expect(() => readDateText('2005-02-29', 'to')).toThrow(/^to: 2005-02-29 is not a valid Gregorian date/);
  });

  it('refuses mixed separators rather than guess: 1384/3-1', () => {
    expect(() => readDateText('1384/3-1', 'from')).toThrow(/^from: expected/);
  });
});

describe('readDateBound: the two ends of a filter', () => {
  it('starts a Gregorian year on its first Jalali day and ends it on its last', () => {
    expect(readDateBound('2005', 'from', 'start')).toEqual({ year: 1383, month: 10, day: 12 });
    expect(readDateBound('2005', 'to', 'end')).toEqual({ year: 1384, month: 10, day: 10 });
  });

  it('keeps a Jalali bound at its own precision', () => {
    expect(readDateBound('1384', 'from', 'start')).toEqual({ year: 1384 });
    expect(readDateBound('84-03', 'from', 'start')).toEqual({ year: 1384, month: 3 });
  });
});

describe('from/to in the URL read as the date box does', () => {
  it('from=2005&to=2005 filters the Jalali days of Gregorian 2005', () => {
    const p = parseSearchParams({ from: '2005', to: '2005' });
    expect(p.from).toEqual({ year: 1383, month: 10, day: 12 });
    expect(p.to).toEqual({ year: 1384, month: 10, day: 10 });
  });

  it('keeps old links working: from=1384 is still Jalali 1384', () => {
    expect(parseSearchParams({ from: '1384', to: '1384' }).from).toEqual({ year: 1384 });
  });

  it('refuses from=1384/13/1 with a ParamError naming from', () => {
    try {
      parseSearchParams({ from: '1384/13/1' });
      throw new Error('expected a ParamError');
    } catch (e) {
      expect(e).toBeInstanceOf(ParamError);
      expect((e as ParamError).param).toBe('from');
      expect((e as Error).message).toContain('month 13');
    }
  });

  it('refuses a Gregorian start after a Jalali end: from=2006&to=1383', () => {
    expect(() => parseSearchParams({ from: '2006', to: '1383' })).toThrow(/after its end/);
  });
});
