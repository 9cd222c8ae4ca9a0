import { describe, expect, it } from 'vitest';
import { composeBound, composeRange, dateFieldsOf, hasDateFields, partsOf , calendarOf, splitPastedDate } from './jalali-input';

const parts = (year: string, month = '', day = '') => ({ year, month, day });

describe('composeBound', () => {
  it('accepts Persian, Arabic-Indic and Latin digits', () => {
    expect(composeBound(parts('۱۴۰۰', '۸', '۱۰'), 'از')).toEqual({ ok: true, value: '1400-08-10' });
    expect(composeBound(parts('1400', '08'), 'از')).toEqual({ ok: true, value: '1400-08' });
    expect(composeBound(parts('١٤٠٠'), 'از')).toEqual({ ok: true, value: '1400' });
  });

  it('is empty when every box is', () => {
    expect(composeBound(parts(' ', '', ''), 'از')).toEqual({ ok: true, value: null });
  });

  it('rejects impossible dates in Persian', () => {
    const r = composeBound(parts('۱۴۰۰', '۱۲', '۳۰'), 'از');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('۱۴۰۰/۱۲/۳۰ وجود ندارد');
      expect(r.message).toContain('اسفند ۱۴۰۰ ۲۹ روز دارد');
      expect(r.message).toContain('کبیسه نیست');
    }
    // 1399 is a leap year: 30 Esfand exists.
    expect(composeBound(parts('1399', '12', '30'), 'از')).toEqual({ ok: true, value: '1399-12-30' });
    const mehr = composeBound(parts('1400', '7', '31'), 'تا');
    expect(mehr.ok || mehr.message).toContain('مهر ۱۴۰۰ ۳۰ روز دارد');
  });

  it.each([
    [parts('', '5'), 'سال را وارد کنید'],
    [parts('1400', '', '3'), 'ماه را هم'],
    [parts('1400', '13'), 'ماه باید از ۱ تا ۱۲'],
    [parts('1400', '1', '32'), 'روز باید'],
    [parts('abc'), 'با رقم'],
    [parts('0'), 'پذیرفته نیست'],
  ])('explains %j', (p, text) => {
    const r = composeBound(p, 'از');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(text);
  });
});

describe('composeRange', () => {
  it('composes both bounds', () => {
    expect(composeRange(parts('1400'), parts('1401', '6'))).toEqual({ ok: true, from: '1400', to: '1401-06' });
  });

  it('refuses a range that runs backwards', () => {
    const r = composeRange(parts('1402'), parts('1401', '12', '29'));
    expect(r).toMatchObject({ ok: false, field: 'from' });
  });

  it('names the bad field', () => {
    expect(composeRange(parts('1400'), parts('1400', '12', '30'))).toMatchObject({ ok: false, field: 'to' });
  });

  it('allows a range inside one month', () => {
    expect(composeRange(parts('1400', '8'), parts('1400', '8'))).toEqual({ ok: true, from: '1400-08', to: '1400-08' });
  });
});

describe('the boxes and the URL', () => {
  it('fills the boxes from a bound in Persian digits', () => {
    expect(partsOf('1400-08-10')).toEqual({ year: '۱۴۰۰', month: '۸', day: '۱۰' });
    expect(partsOf('1400')).toEqual({ year: '۱۴۰۰', month: '', day: '' });
    expect(partsOf('bad')).toEqual({ year: '', month: '', day: '' });
  });

  it('reads the no-JavaScript form fields', () => {
    const raw = { q: 'x', fy: '۱۴۰۰', fm: '1', fd: '', ty: '', tm: '', td: '' };
    expect(hasDateFields(raw)).toBe(true);
    expect(hasDateFields({ q: 'x' })).toBe(false);
    expect(dateFieldsOf(raw)).toEqual({ from: parts('۱۴۰۰', '1'), to: parts('') });
  });
});

describe('the date boxes read as a reader means them', () => {
  const empty = { month: '', day: '' };
  it('keeps «۸۴» as a two-digit year that the URL reads as ۱۳۸۴', () => {
    expect(composeBound({ year: '۸۴', ...empty }, 'از')).toEqual({ ok: true, value: '84' });
    expect(partsOf('84').year).toBe('۱۳۸۴');
  });

  it('sends «2005» as the Gregorian year it is', () => {
    expect(composeBound({ year: '2005', ...empty }, 'از')).toEqual({ ok: true, value: '2005' });
    expect(calendarOf('2005', undefined)).toBe('gregorian');
  });

  it('reads a whole date pasted into the year box: «1384/3/1» is not cut to the year', () => {
    expect(splitPastedDate('1384/3/1')).toEqual({ year: '1384', month: '3', day: '1' });
    expect(composeBound({ year: '1384/3/1', ...empty }, 'از')).toEqual({ ok: true, value: '1384-03-01' });
    expect(composeBound({ year: '۱۳۸۴-۰۳-۰۱', ...empty }, 'از')).toEqual({ ok: true, value: '1384-03-01' });
  });

  it('refuses a pasted «1384/13/1» with a Persian message', () => {
    const r = composeBound({ year: '1384/13/1', ...empty }, 'از');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('ماه باید از ۱ تا ۱۲ باشد');
  });

  it('in the Gregorian mode takes 2005/2/28 and refuses a Jalali year 1384', () => {
    expect(composeBound({ year: '2005', month: '2', day: '28' }, 'از', 'gregorian')).toEqual({ ok: true, value: '2005-02-28' });
    const r = composeBound({ year: '1384', ...empty }, 'از', 'gregorian');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('سال میلادی باید از ۱۹۰۰ تا ۲۱۰۰ باشد');
  });

  it('in the Gregorian mode refuses 2005/2/29 (not a leap year)', () => {
    const r = composeBound({ year: '2005', month: '2', day: '29' }, 'از', 'gregorian');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('در تقویم میلادی وجود ندارد');
  });

  it('keeps a Jalali 1384 Jalali in the Jalali mode', () => {
    expect(composeBound({ year: '۱۳۸۴', ...empty }, 'از')).toEqual({ ok: true, value: '1384' });
    expect(calendarOf('1384', '1385')).toBe('jalali');
  });
});
