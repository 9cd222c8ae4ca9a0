import { describe, expect, it } from 'vitest';
import { toLatinDigits, toPersianDigits } from '@/lib/digits';

describe('toLatinDigits', () => {
  it('turns Persian digits into ASCII digits', () => {
    expect(toLatinDigits('۱۴۰۰/۰۸/۱۰')).toBe('1400/08/10');
  });

  it('turns Arabic-Indic digits into ASCII digits', () => {
    expect(toLatinDigits('٣.٥ درصد از ٤٥٠')).toBe('3.5 درصد از 450');
  });

  it('handles the three scripts mixed in one text', () => {
    expect(toLatinDigits('کد ۱۲ و ٣٤ و 56')).toBe('کد 12 و 34 و 56');
  });

  it('leaves letters, ASCII digits and the Persian decimal separator untouched', () => {
    const text = 'قيمت\u00a0ها ۲٫۵ برابر شد، 2021';
    expect(toLatinDigits(text)).toBe('قيمت\u00a0ها 2٫5 برابر شد، 2021');
  });

  it('keeps the length, so offsets found in the result point into the original', () => {
    const text = 'تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶';
    const latin = toLatinDigits(text);
    expect(latin).toHaveLength(text.length);
    expect(text.slice(latin.indexOf('1400'), latin.indexOf('1400') + 4)).toBe('۱۴۰۰');
  });
});

describe('toPersianDigits', () => {
  it('turns ASCII digits into Persian digits for display', () => {
    expect(toPersianDigits('10 آبان 1400')).toBe('۱۰ آبان ۱۴۰۰');
  });

  it('does not touch Arabic-Indic digits or other characters', () => {
    expect(toPersianDigits('٤ و ب')).toBe('٤ و ب');
  });

  it('round-trips with toLatinDigits', () => {
    expect(toLatinDigits(toPersianDigits('0123456789'))).toBe('0123456789');
  });
});
