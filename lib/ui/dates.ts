// Dates as the interface shows them: Jalali in Persian digits, Gregorian (in
// Tehran's calendar day) for hover, citations and exports.
import { toGregorian } from 'jalaali-js';
import { formatJalaliPersian, JALALI_MONTHS, parseJalaliBound, readDateText } from '@/lib/jalali';
import { toPersianDigits } from '@/lib/digits';

const pad = (n: number) => String(n).padStart(2, '0');

const tehran = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Tehran',
  calendar: 'gregory',
  numberingSystem: 'latn',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Gregorian day and time on Tehran's clock at an instant: { date: "2023-06-05", time: "10:30" }. */
export function tehranGregorian(iso: string): { date: string; time: string } | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const parts = tehran.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

/** "1400-08-10" → { year, month, day }, or null. */
export function jalaliParts(key: string | null): { year: number; month: number; day: number } | null {
  if (!key) return null;
  try {
    const b = parseJalaliBound(key, 'jalaliDate');
    return { year: b.year, month: b.month ?? 1, day: b.day ?? 1 };
  } catch {
    return null;
  }
}

/** The Gregorian date (YYYY-MM-DD) of an article: Tehran's day of its instant, else its Jalali day converted. */
export function gregorianDate(publishedAt: string | null, jalaliKey: string | null): string | null {
  if (publishedAt) {
    const g = tehranGregorian(publishedAt);
    if (g) return g.date;
  }
  const j = jalaliParts(jalaliKey);
  if (!j) return null;
  const g = toGregorian(j.year, j.month, j.day);
  return `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
}

/** "2023-06-05 10:30 (Tehran)" for a tooltip, or the date alone when the time is unknown (midnight). */
export function gregorianTooltip(publishedAt: string | null, jalaliKey: string | null): string | null {
  const date = gregorianDate(publishedAt, jalaliKey);
  if (!date) return null;
  const g = publishedAt ? tehranGregorian(publishedAt) : null;
  return g && g.time !== '00:00' ? `${date} ${g.time} (Tehran)` : date;
}

/** «۱۰ آبان ۱۴۰۰», or null. */
export function jalaliPersian(jalaliKey: string | null): string | null {
  const j = jalaliParts(jalaliKey);
  return j ? formatJalaliPersian(j) : null;
}

const slashed = (d: { year: number; month: number; day: number }) =>
  toPersianDigits(`${d.year}/${pad(d.month)}/${pad(d.day)}`);

/**
 * A `from`/`to` bound in words: «۱۴۰۱», «فروردین ۱۴۰۱», «۵ فروردین ۱۴۰۱»;
 * one read otherwise says how: «۸۴ ← ۱۴۰۱»-style for a two-digit year, and a
 * Gregorian one the Jalali days it means, «۲۰۰۵ ← ۱۳۸۳/۱۰/۱۱ تا ۱۳۸۴/۱۰/۱۰»
 * (only the first or last day when `edge` says which end of a range it is).
 */
export function boundPersian(bound: string, edge?: 'start' | 'end'): string {
  try {
    const r = readDateText(bound, 'date');
    const typed = toPersianDigits(
      [String(r.year), r.month === undefined ? null : pad(r.month), r.day === undefined ? null : pad(r.day)].filter(Boolean).join('/'),
    );
    if (r.kind === 'gregorian') {
      const days =
        r.day !== undefined || edge === 'start' ? slashed(r.start) : edge === 'end' ? slashed(r.end) : `${slashed(r.start)} تا ${slashed(r.end)}`;
      return `${typed} ← ${days}`;
    }
    const year = r.start.year;
    const words =
      r.month === undefined
        ? toPersianDigits(String(year))
        : r.day === undefined
          ? `${JALALI_MONTHS[r.month - 1]} ${toPersianDigits(String(year))}`
          : formatJalaliPersian({ year, month: r.month, day: r.day });
    return r.kind === 'two-digit' ? `${toPersianDigits(String(r.year).padStart(2, '0'))} ← ${words}` : words;
  } catch {
    return bound;
  }
}

/** The date filter in words: «۱۴۰۱», «از ۱۴۰۰ تا ۱۴۰۲», «از فروردین ۱۴۰۱», «تا ۱۴۰۰». */
export function rangePersian(from: string | undefined, to: string | undefined): string | null {
  if (from && to) return from === to ? boundPersian(from) : `از ${boundPersian(from, 'start')} تا ${boundPersian(to, 'end')}`;
  if (from) return `از ${boundPersian(from, 'start')}`;
  if (to) return `تا ${boundPersian(to, 'end')}`;
  return null;
}

const faNumber = new Intl.NumberFormat('fa-IR');
const faMs = new Intl.NumberFormat('fa-IR', { maximumFractionDigits: 1 });
const faMsSmall = new Intl.NumberFormat('fa-IR', { maximumSignificantDigits: 2 });

/** 1234 → «۱٬۲۳۴». */
export function faCount(n: number): string {
  return faNumber.format(n);
}

/** Milliseconds in Persian digits: 0.42 → «۰٫۴۲», 12.34 → «۱۲٫۳». */
export function faMillis(ms: number): string {
  return ms < 1 ? faMsSmall.format(ms) : faMs.format(ms);
}
