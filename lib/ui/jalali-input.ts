// The from/to date inputs: three boxes (year, month, day) in Persian or Latin
// digits → the `from`/`to` URL parameter, or a Persian message saying why not.
import {
  boundToDayNumber,
  isValidJalali,
  JALALI_MONTHS,
  MAX_GREGORIAN_YEAR,
  MAX_JALALI_YEAR,
  MIN_GREGORIAN_YEAR,
  MIN_JALALI_YEAR,
  readDateBound,
  readDateText,
} from '@/lib/jalali';
import { toLatinDigits, toPersianDigits } from '@/lib/digits';

export interface DateParts {
  year: string;
  month: string;
  day: string;
}

export type BoundResult = { ok: true; value: string | null } | { ok: false; message: string };

const fa = (n: number) => toPersianDigits(String(n));

function monthLength(year: number, month: number): number {
  return isValidJalali(year, month, 31) ? 31 : isValidJalali(year, month, 30) ? 30 : 29;
}

/** "۱۴۰۰" / "1400" → 1400; "" → null; anything else → NaN. */
function readNumber(text: string): number | null {
  const t = toLatinDigits(text).trim();
  if (t === '') return null;
  return /^\d{1,4}$/.test(t) ? Number(t) : NaN;
}

export type Calendar = 'jalali' | 'gregorian';

/** A whole date pasted or typed into the year box: «1384/3/1», «۱۳۸۴-۰۳-۰۱», «2005.3.21». */
export function splitPastedDate(text: string): DateParts | null {
  const m = /^(\d{1,4})\s*([-/.٫])\s*(\d{1,2})(?:\s*\2\s*(\d{1,2}))?$/.exec(toLatinDigits(text).replace(/[\u200e\u200f\u061c]/g, '').trim());
  return m ? { year: m[1], month: m[3], day: m[4] ?? '' } : null;
}

/**
 * Parts → a bound (`1400`, `1400-08`, `1400-08-10`; `84` for a two-digit
 * year, read as 1384; `2005`, `2005-03-21` for a Gregorian one, read by the
 * URL as Gregorian too), null when all are empty, or a Persian message.
 * `label` names the field in the message («از», «تا»).
 */
export function composeBound(parts: DateParts, label: string, calendar: Calendar = 'jalali'): BoundResult {
  const fail = (message: string): BoundResult => ({ ok: false, message: `تاریخ «${label}»: ${message}` });
  const pasted = splitPastedDate(parts.year);
  if (pasted && (parts.month.trim() !== '' || parts.day.trim() !== '')) return fail('تاریخ کامل را در خانهٔ سال نوشته‌اید؛ ماه و روز را خالی بگذارید.');
  const p = pasted ?? parts;
  const year = readNumber(p.year);
  const month = readNumber(p.month);
  const day = readNumber(p.day);
  if (year === null && month === null && day === null) return { ok: true, value: null };
  if (Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day)) return fail('سال، ماه و روز را با رقم بنویسید.');
  if (year === null) return fail('سال را وارد کنید.');
  if (day !== null && month === null) return fail('برای روز، ماه را هم وارد کنید.');
  const yearText = toLatinDigits(p.year).trim();
  const gregorian = yearText.length === 4 && year >= MIN_GREGORIAN_YEAR && year <= MAX_GREGORIAN_YEAR;
  if (calendar === 'gregorian' && !gregorian) {
    return fail(`سال میلادی باید از ${fa(MIN_GREGORIAN_YEAR)} تا ${fa(MAX_GREGORIAN_YEAR)} باشد، نه ${fa(year)}.`);
  }
  if (month !== null && (month < 1 || month > 12)) return fail(`ماه باید از ۱ تا ۱۲ باشد، نه ${fa(month)}.`);
  if (month !== null && day !== null && (day < 1 || day > 31)) return fail(`روز باید از ۱ تا ۳۱ باشد، نه ${fa(day)}.`);
  // Two digits are the 1300s («۸۴» is ۱۳۸۴); the value keeps them, and the page says how it read them.
  const jalaliYear = yearText.length === 2 ? 1300 + year : year;
  if (!gregorian) {
    if (jalaliYear < MIN_JALALI_YEAR || jalaliYear > MAX_JALALI_YEAR) return fail(`سال ${fa(year)} پذیرفته نیست.`);
    if (month !== null && day !== null && !isValidJalali(jalaliYear, month, day)) {
      const length = monthLength(jalaliYear, month);
      const leap = month === 12 && day === 30 ? ` (${fa(jalaliYear)} کبیسه نیست)` : '';
      return fail(
        `${fa(jalaliYear)}/${fa(month)}/${fa(day)} وجود ندارد: ${JALALI_MONTHS[month - 1]} ${fa(jalaliYear)} ${fa(length)} روز دارد${leap}.`,
      );
    }
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const y = yearText.length === 2 ? yearText : String(year);
  const value = month === null ? y : day === null ? `${y}-${pad(month)}` : `${y}-${pad(month)}-${pad(day)}`;
  // The core's own reading, so the page never sends what the API would refuse.
  try {
    readDateText(value, 'date');
  } catch {
    return fail(gregorian && day !== null && month !== null ? `${fa(year)}/${fa(month)}/${fa(day)} در تقویم میلادی وجود ندارد.` : 'این تاریخ پذیرفته نیست.');
  }
  return { ok: true, value };
}

export type RangeResult = { ok: true; from: string | null; to: string | null } | { ok: false; message: string; field: 'from' | 'to' };

/** Both bounds, and the check that the range does not run backwards. */
export function composeRange(from: DateParts, to: DateParts, calendar: Calendar = 'jalali'): RangeResult {
  const f = composeBound(from, 'از', calendar);
  if (!f.ok) return { ok: false, message: f.message, field: 'from' };
  const t = composeBound(to, 'تا', calendar);
  if (!t.ok) return { ok: false, message: t.message, field: 'to' };
  if (f.value && t.value) {
    const start = boundToDayNumber(readDateBound(f.value, 'from', 'start'), 'start');
    const end = boundToDayNumber(readDateBound(t.value, 'to', 'end'), 'end');
    if (start > end) return { ok: false, message: 'تاریخ «از» پس از تاریخ «تا» است.', field: 'from' };
  }
  return { ok: true, from: f.value, to: t.value };
}

/**
 * A bound from the URL back into the three boxes (Persian digits) as it was
 * read: «84» shows ۱۳۸۴, a Gregorian bound its Gregorian parts (the form then
 * starts in the Gregorian mode, see calendarOf). Empty boxes when unreadable.
 */
export function partsOf(bound: string | undefined): DateParts {
  if (!bound) return { year: '', month: '', day: '' };
  try {
    const r = readDateText(bound, 'date');
    return {
      year: fa(r.kind === 'two-digit' ? r.year + 1300 : r.year),
      month: r.month === undefined ? '' : fa(r.month),
      day: r.day === undefined ? '' : fa(r.day),
    };
  } catch {
    return { year: '', month: '', day: '' };
  }
}

/** The mode the form opens in: Gregorian when a bound of the URL is. */
export function calendarOf(...bounds: (string | undefined)[]): Calendar {
  for (const b of bounds) {
    if (!b) continue;
    try {
      if (readDateText(b, 'date').kind === 'gregorian') return 'gregorian';
    } catch {
      // an unreadable bound has its own message
    }
  }
  return 'jalali';
}

/** The field the no-JS form submits for the mode («g» for Gregorian). */
export const CALENDAR_FIELD = 'cal';

/** The names the no-JS date form submits (the page turns them into from/to). */
export const DATE_FIELDS = {
  from: { year: 'fy', month: 'fm', day: 'fd' },
  to: { year: 'ty', month: 'tm', day: 'td' },
} as const;

export function hasDateFields(raw: Record<string, string | string[] | undefined>): boolean {
  return Object.values(DATE_FIELDS).some((f) => Object.values(f).some((name) => name in raw));
}

export function calendarField(raw: Record<string, string | string[] | undefined>): Calendar {
  const v = raw[CALENDAR_FIELD];
  return (Array.isArray(v) ? v[0] : v) === 'g' ? 'gregorian' : 'jalali';
}

export function dateFieldsOf(raw: Record<string, string | string[] | undefined>): { from: DateParts; to: DateParts } {
  const get = (name: string) => {
    const v = raw[name];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  const parts = (f: { year: string; month: string; day: string }): DateParts => ({
    year: get(f.year),
    month: get(f.month),
    day: get(f.day),
  });
  return { from: parts(DATE_FIELDS.from), to: parts(DATE_FIELDS.to) };
}
