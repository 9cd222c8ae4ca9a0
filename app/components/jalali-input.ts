// The from/to date inputs: three boxes (year, month, day) in Persian or Latin
// digits → the `from`/`to` URL parameter, or a Persian message saying why not.
import { boundToDayNumber, isValidJalali, JALALI_MONTHS, MAX_JALALI_YEAR, MIN_JALALI_YEAR, parseJalaliBound } from '@/lib/jalali';
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

/**
 * Parts → a bound (`1400`, `1400-08` or `1400-08-10`), null when all are
 * empty, or a Persian message. `label` names the field in the message («از», «تا»).
 */
export function composeBound(parts: DateParts, label: string): BoundResult {
  const year = readNumber(parts.year);
  const month = readNumber(parts.month);
  const day = readNumber(parts.day);
  const fail = (message: string): BoundResult => ({ ok: false, message: `تاریخ «${label}»: ${message}` });
  if (year === null && month === null && day === null) return { ok: true, value: null };
  if (Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day)) return fail('سال، ماه و روز را با رقم بنویسید.');
  if (year === null) return fail('سال را وارد کنید.');
  if (day !== null && month === null) return fail('برای روز، ماه را هم وارد کنید.');
  if (year < MIN_JALALI_YEAR || year > MAX_JALALI_YEAR) return fail(`سال ${fa(year)} پذیرفته نیست.`);
  if (month !== null && (month < 1 || month > 12)) return fail(`ماه باید از ۱ تا ۱۲ باشد، نه ${fa(month)}.`);
  if (month !== null && day !== null) {
    if (day < 1 || day > 31) return fail(`روز باید از ۱ تا ۳۱ باشد، نه ${fa(day)}.`);
    if (!isValidJalali(year, month, day)) {
      const length = monthLength(year, month);
      const leap = month === 12 && day === 30 ? ` (${fa(year)} کبیسه نیست)` : '';
      return fail(
        `${fa(year)}/${fa(month)}/${fa(day)} وجود ندارد: ${JALALI_MONTHS[month - 1]} ${fa(year)} ${fa(length)} روز دارد${leap}.`,
      );
    }
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const value = month === null ? String(year) : day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  // The core's own check, so the page never sends what the API would refuse.
  try {
    parseJalaliBound(value, 'date');
  } catch {
    return fail('این تاریخ پذیرفته نیست.');
  }
  return { ok: true, value };
}

export type RangeResult = { ok: true; from: string | null; to: string | null } | { ok: false; message: string; field: 'from' | 'to' };

/** Both bounds, and the check that the range does not run backwards. */
export function composeRange(from: DateParts, to: DateParts): RangeResult {
  const f = composeBound(from, 'از');
  if (!f.ok) return { ok: false, message: f.message, field: 'from' };
  const t = composeBound(to, 'تا');
  if (!t.ok) return { ok: false, message: t.message, field: 'to' };
  if (f.value && t.value) {
    const start = boundToDayNumber(parseJalaliBound(f.value, 'from'), 'start');
    const end = boundToDayNumber(parseJalaliBound(t.value, 'to'), 'end');
    if (start > end) return { ok: false, message: 'تاریخ «از» پس از تاریخ «تا» است.', field: 'from' };
  }
  return { ok: true, from: f.value, to: t.value };
}

/** A bound from the URL back into the three boxes (Persian digits), or empty boxes. */
export function partsOf(bound: string | undefined): DateParts {
  if (!bound) return { year: '', month: '', day: '' };
  try {
    const b = parseJalaliBound(bound, 'date');
    return {
      year: fa(b.year),
      month: b.month === undefined ? '' : fa(b.month),
      day: b.day === undefined ? '' : fa(b.day),
    };
  } catch {
    return { year: '', month: '', day: '' };
  }
}

/** The names the no-JS date form submits (the page turns them into from/to). */
export const DATE_FIELDS = {
  from: { year: 'fy', month: 'fm', day: 'fd' },
  to: { year: 'ty', month: 'tm', day: 'td' },
} as const;

export function hasDateFields(raw: Record<string, string | string[] | undefined>): boolean {
  return Object.values(DATE_FIELDS).some((f) => Object.values(f).some((name) => name in raw));
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
