import { describe, expect, it } from 'vitest';
import { boundPersian, faCount, faMillis, gregorianDate, gregorianTooltip, rangePersian, tehranGregorian } from './dates';
import { citationParts, citationText } from './citation';

describe('Gregorian dates on Tehran’s clock', () => {
  it('reads the Tehran day whatever the process zone', () => {
    // 23:56 in Tehran on 1 Nov 2021 is 20:26 UTC, the same day; 00:30 Tehran is the previous UTC day.
    expect(tehranGregorian('2021-11-01T23:56:00+03:30')).toEqual({ date: '2021-11-01', time: '23:56' });
    expect(tehranGregorian('2021-11-01T00:30:00+03:30')).toEqual({ date: '2021-11-01', time: '00:30' });
    expect(tehranGregorian('not a date')).toBeNull();
  });

  it('falls back to the Jalali day when there is no instant', () => {
    expect(gregorianDate(null, '1403-12-30')).toBe('2025-03-20');
    expect(gregorianDate(null, null)).toBeNull();
  });

  it('shows the time on hover only when it is known', () => {
    expect(gregorianTooltip('2023-06-05T10:30:00+03:30', '1402-03-15')).toBe('2023-06-05 10:30 (Tehran)');
    expect(gregorianTooltip('2023-06-05T00:00:00+03:30', '1402-03-15')).toBe('2023-06-05');
  });
});

describe('Persian wording', () => {
  it('names bounds and ranges', () => {
    expect(boundPersian('1401')).toBe('۱۴۰۱');
    expect(boundPersian('1401-01')).toBe('فروردین ۱۴۰۱');
    expect(boundPersian('1401-01-05')).toBe('۵ فروردین ۱۴۰۱');
    expect(rangePersian('1401', '1401')).toBe('۱۴۰۱');
    expect(rangePersian('1400', '1402')).toBe('از ۱۴۰۰ تا ۱۴۰۲');
    expect(rangePersian(undefined, '1400')).toBe('تا ۱۴۰۰');
    expect(rangePersian(undefined, undefined)).toBeNull();
  });

  it('writes counts and milliseconds in Persian digits', () => {
    expect(faCount(1234)).toBe('۱٬۲۳۴');
    expect(faMillis(0.42)).toBe('۰٫۴۲');
    expect(faMillis(12.34)).toBe('۱۲٫۳');
  });
});

describe('citation', () => {
  it('has source, title, both dates and the URL', () => {
    const parts = citationParts({
      source: 'ایسنا',
      title: [{ text: 'افتتاح ' }, { text: 'کتابخانه', hit: true }],
      jalaliDate: '1402-03-15',
      publishedAt: '2023-06-05T10:30:00+03:30',
      url: 'https://example.ir/n/1',
    });
    expect(citationText(parts)).toBe('ایسنا، «افتتاح کتابخانه»، ۱۵ خرداد ۱۴۰۲ (2023-06-05)، https://example.ir/n/1');
  });

  it('leaves out what is missing and never cites a non-http URL', () => {
    const parts = citationParts({ source: null, title: [{ text: 'بی‌نام' }], jalaliDate: null, publishedAt: null, url: 'javascript:alert(1)' });
    expect(citationText(parts)).toBe('«بی‌نام»، بی‌تاریخ');
  });
});

describe('a date filter says how it read the box', () => {
  it('shows a Gregorian year with the Jalali days it means', () => {
    expect(boundPersian('2005')).toBe('۲۰۰۵ ← ۱۳۸۳/۱۰/۱۲ تا ۱۳۸۴/۱۰/۱۰');
    expect(rangePersian('2005', '2005')).toBe('۲۰۰۵ ← ۱۳۸۳/۱۰/۱۲ تا ۱۳۸۴/۱۰/۱۰');
  });

  it('shows only the first day of a Gregorian start and the last of a Gregorian end', () => {
    expect(rangePersian('2005', '2006')).toBe('از ۲۰۰۵ ← ۱۳۸۳/۱۰/۱۲ تا ۲۰۰۶ ← ۱۳۸۵/۱۰/۱۰');
  });

  it('shows a two-digit year as the 1300s year it was read as', () => {
    expect(boundPersian('84')).toBe('۸۴ ← ۱۳۸۴');
  });

  it('does not mark a Jalali year as read: 1384 is «۱۳۸۴»', () => {
    expect(boundPersian('1384')).toBe('۱۳۸۴');
  });
});
