import { describe, expect, it } from 'vitest';
import { ParamError, parseSearchParams } from './params';
import { paramMessageFa } from './param-messages';

const faOf = (raw: Record<string, string>) => {
  try {
    parseSearchParams(raw);
  } catch (e) {
    const p = e as ParamError;
    return paramMessageFa(p.param, p.message);
  }
  throw new Error('expected a ParamError');
};

describe('parameter errors in Persian', () => {
  it('says month 13 does not exist, naming from: from=1384/13/1', () => {
    expect(faOf({ from: '1384/13/1' })).toBe('ماه ۱۳ در from وجود ندارد: ماه از ۱ تا ۱۲ است.');
  });

  it('says 1402 is not a leap year for from=1402-12-30', () => {
    expect(faOf({ from: '1402-12-30' })).toBe('۱۴۰۲-۱۲-۳۰ در from وجود ندارد: ۱۴۰۲ کبیسه نیست.');
  });

  it('names the allowed values of sort', () => {
    expect(faOf({ sort: 'best' })).toBe('پارامتر sort یکی از این‌ها را می‌پذیرد: relevance، newest، oldest؛ نه «best».');
  });

  it('says size is out of range in Persian digits', () => {
    expect(faOf({ size: '500' })).toBe('مقدار ۵۰۰ برای size بیرون از بازهٔ ۱ تا ۱۰۰ است.');
  });

  it('explains a backwards range', () => {
    expect(faOf({ from: '1403', to: '1401' })).toContain('پس از تاریخ پایان');
  });

  it('falls back to a sentence naming the parameter, never to English alone', () => {
    expect(paramMessageFa('format', 'format: something new')).toBe('مقدار پارامتر format پذیرفته نیست.');
  });
});
