import { describe, expect, it } from 'vitest';
import { composeBound, composeRange, dateFieldsOf, hasDateFields, partsOf } from './jalali-input';

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
