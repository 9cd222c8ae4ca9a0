// The Jalali calendar and Tehran time. Pure and framework-free: used by the
// index builder, the API routes and the pages alike.
//
// Every computation names the Asia/Tehran zone explicitly, because the server
// (and the tests) may run in UTC or anywhere else, and a news timestamp near
// midnight belongs to a different calendar day depending on the zone.

import { isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import { toLatinDigits, toPersianDigits } from '@/lib/digits';
import type { JalaliDate } from '@/lib/types';

export const JALALI_MONTHS = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
] as const;

/** The calendar's range as jalaali-js computes it exactly (year 0 and below are not wanted here). */
export const MIN_JALALI_YEAR = 1;
export const MAX_JALALI_YEAR = 3177;

const TEHRAN = 'Asia/Tehran';
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------- validity

export function isValidJalali(y: number, m: number, d: number): boolean {
  // jalaali-js accepts fractions ("lenient") and throws RangeError outside its
  // year range; neither is a date anyone meant.
  if (![y, m, d].every(Number.isInteger)) return false;
  try {
    return isValidJalaaliDate(y, m, d);
  } catch {
    return false;
  }
}

/** Why y-m-d is not a Jalali date, or null when it is one. */
export function explainInvalidJalali(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || y < MIN_JALALI_YEAR || y > MAX_JALALI_YEAR) {
    return `year ${y} is out of range ${MIN_JALALI_YEAR}..${MAX_JALALI_YEAR}`;
  }
  if (!Number.isInteger(m) || m < 1 || m > 12) return `month ${m} is out of range 1..12`;
  if (!Number.isInteger(d) || d < 1 || d > 31) return `day ${d} is out of range 1..31`;
  if (isValidJalali(y, m, d)) return null;
  const key = formatJalaliKey({ year: y, month: m, day: d });
  const why = m === 12 && d === 30 ? `${y} is not a leap year` : `month ${m} has ${jalaaliMonthLength(y, m)} days`;
  return `${key} is not a valid Jalali date (${why})`;
}

// ------------------------------------------------------------ Tehran clock

const tehranDayFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TEHRAN,
  calendar: 'gregory',
  numberingSystem: 'latn',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

const tehranOffsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: TEHRAN,
  timeZoneName: 'longOffset',
});

function assertValidDate(date: Date, fn: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new Error(`${fn}: date must be a valid Date`);
  }
}

/** The offset of Tehran's wall clock from UTC at an instant, in seconds. */
function tehranOffsetSeconds(ms: number): number {
  const name = tehranOffsetFormat.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (name === 'GMT') return 0;
  const m = /^GMT([+-])(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(name);
  if (!m) throw new Error(`unexpected time zone offset "${name}" from Intl for ${TEHRAN}`);
  const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -seconds : seconds;
}

function formatOffset(seconds: number): string {
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const hm = `${pad(Math.floor(abs / 3600), 2)}:${pad(Math.floor((abs % 3600) / 60), 2)}`;
  // Only the local mean time Tehran kept before 1946 (+03:25:44) has seconds.
  return abs % 60 === 0 ? `${sign}${hm}` : `${sign}${hm}:${pad(abs % 60, 2)}`;
}

/** "+03:30" (standard time) or "+04:30" (daylight time, observed until 2022) for an instant. */
export function tehranOffsetAt(date: Date): string {
  assertValidDate(date, 'tehranOffsetAt');
  return formatOffset(tehranOffsetSeconds(date.getTime()));
}

/** The calendar day in Tehran at an instant, whatever the zone of the process. */
export function tehranJalaliOf(date: Date): JalaliDate {
  assertValidDate(date, 'tehranJalaliOf');
  const parts = tehranDayFormat.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  try {
    const j = toJalaali(part('year'), part('month'), part('day'));
    return { year: j.jy, month: j.jm, day: j.jd };
  } catch {
    throw new Error(`tehranJalaliOf: ${date.toISOString()} is outside the Jalali calendar's range`);
  }
}

/** Milliseconds since the epoch of a wall-clock reading, as if it were UTC. */
function naiveUtc(gy: number, gm: number, gd: number, hour: number, minute: number): number {
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0..99 as 1900..1999.
  d.setUTCFullYear(gy, gm - 1, gd);
  d.setUTCHours(hour, minute, 0, 0);
  return d.getTime();
}

/**
 * The instant at which Tehran's clock reads the given wall-clock time.
 *
 * Around the daylight-saving switches (until 2022) a reading can be missing or
 * doubled. The choice follows JavaScript Temporal's "compatible" rule:
 * - spring forward (00:00 → 01:00 at the start of 1 or 2 Farvardin): a skipped
 *   reading such as 00:30 is taken with the offset in force before the jump,
 *   i.e. it lands 30 minutes into the new day at 01:30+04:30. The calendar day
 *   is never changed, and midnight of that day becomes its first real minute;
 * - fall back (00:00 → 23:00 at the end of 30 or 31 Shahrivar): a doubled
 *   reading such as 23:30 is the earlier of the two, still in daylight time
 *   (+04:30).
 * So the offset written in the result is always the one actually in force.
 */
function tehranWallClockToMs(gy: number, gm: number, gd: number, hour: number, minute: number): number {
  const naive = naiveUtc(gy, gm, gd, hour, minute);
  const before = tehranOffsetSeconds(naive - DAY_MS);
  const after = tehranOffsetSeconds(naive + DAY_MS);
  const matching = [...new Set([before, after])]
    .map((offset) => naive - offset * 1000)
    .filter((ms) => tehranOffsetSeconds(ms) * 1000 === naive - ms);
  if (matching.length > 0) return Math.min(...matching);
  return naive - before * 1000;
}

function isoInTehran(ms: number): string {
  const offset = tehranOffsetSeconds(ms);
  const local = new Date(ms + offset * 1000);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1, 2)}-${pad(local.getUTCDate(), 2)}`;
  const time = `${pad(local.getUTCHours(), 2)}:${pad(local.getUTCMinutes(), 2)}:${pad(local.getUTCSeconds(), 2)}`;
  return `${date}T${time}${formatOffset(offset)}`;
}

/**
 * A Tehran wall-clock time on a Jalali day → ISO 8601 with the Tehran offset
 * in force then: {1400,8,10} 23:56 → "2021-11-01T23:56:00+03:30".
 */
export function jalaliTehranToIso(j: JalaliDate, hour = 0, minute = 0): string {
  const invalid = explainInvalidJalali(j.year, j.month, j.day);
  if (invalid) throw new Error(`jalaliTehranToIso: j: ${invalid}`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new Error(`jalaliTehranToIso: hour ${hour} is out of range 0..23`);
  }
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new Error(`jalaliTehranToIso: minute ${minute} is out of range 0..59`);
  }
  const g = toGregorian(j.year, j.month, j.day);
  return isoInTehran(tehranWallClockToMs(g.gy, g.gm, g.gd, hour, minute));
}

/** "2005-04-16" → the start of that day in Tehran: "2005-04-16T00:00:00+04:30". */
export function gregorianDateToIsoTehran(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [gy, gm, gd] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const probe = new Date(naiveUtc(gy, gm, gd, 0, 0));
  if (!m || probe.getUTCFullYear() !== gy || probe.getUTCMonth() !== gm - 1 || probe.getUTCDate() !== gd) {
    throw new Error(`gregorianDateToIsoTehran: date "${date}" is not a Gregorian date like 2005-04-16`);
  }
  return isoInTehran(tehranWallClockToMs(gy, gm, gd, 0, 0));
}

// -------------------------------------------------------------- formatting

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function monthName(month: number, fn: string): string {
  const name = JALALI_MONTHS[month - 1];
  if (!name) throw new Error(`${fn}: month ${month} is out of range 1..12`);
  return name;
}

/** "1400-08-10": ASCII, zero padded, so keys sort as days do. */
export function formatJalaliKey(j: JalaliDate): string {
  return `${pad(j.year, 4)}-${pad(j.month, 2)}-${pad(j.day, 2)}`;
}

/** «۱۰ آبان ۱۴۰۰» */
export function formatJalaliPersian(j: JalaliDate): string {
  return toPersianDigits(`${j.day} ${monthName(j.month, 'formatJalaliPersian')} ${j.year}`);
}

/** «آبان ۱۴۰۰» */
export function formatJalaliMonthPersian(year: number, month: number): string {
  return `${monthName(month, 'formatJalaliMonthPersian')} ${toPersianDigits(String(year))}`;
}

// ------------------------------------------------------- API date bounds

export interface JalaliBound {
  year: number;
  month?: number;
  day?: number;
}

/**
 * A `from`/`to` API parameter: `1400`, `1400-08`, `1400-8`, `1400-08-10` or
 * `1400/08/10`, in any digit script. Throws an Error naming `param`.
 */
export function parseJalaliBound(value: string, param: string): JalaliBound {
  const text = toLatinDigits(value).trim();
  const m = /^(\d+)(?:([-/])(\d{1,2})(?:\2(\d{1,2}))?)?$/.exec(text);
  if (!m) {
    throw new Error(`${param}: expected a Jalali year, year-month or date like 1400-08-10 (got "${value}")`);
  }
  const year = Number(m[1]);
  const month = m[3] === undefined ? undefined : Number(m[3]);
  const day = m[4] === undefined ? undefined : Number(m[4]);
  const invalid = explainInvalidJalali(year, month ?? 1, day ?? 1);
  if (invalid) throw new Error(`${param}: ${invalid}`);
  return day !== undefined ? { year, month, day } : month !== undefined ? { year, month } : { year };
}

/** year*10000 + month*100 + day: days compare as numbers. */
export function jalaliDayNumber(j: JalaliDate): number {
  return j.year * 10000 + j.month * 100 + j.day;
}

/**
 * The first ('start') or last ('end') day of the period a bound names, as a
 * day number, so that `start <= n && n <= end` filters inclusively.
 */
export function boundToDayNumber(bound: JalaliBound, edge: 'start' | 'end'): number {
  const month = bound.month ?? (edge === 'start' ? 1 : 12);
  const day = bound.day ?? (edge === 'start' ? 1 : jalaaliMonthLength(bound.year, month));
  return jalaliDayNumber({ year: bound.year, month, day });
}

// ------------------------------------------------ textual date and time

export interface PersianDateTime {
  jalali: JalaliDate;
  /** null when the text carries no time. */
  hour: number | null;
  minute: number | null;
}

/** Spelling variants seen in archives: Arabic yeh/kaf, ZWNJ, the old «امرداد». */
function foldLetters(s: string): string {
  return s.replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/[\u200c\u0640]/g, '');
}

const MONTH_BY_NAME = new Map<string, number>([
  ...JALALI_MONTHS.map((name, i) => [foldLetters(name), i + 1] as const),
  ['امرداد', 5],
]);

const WEEKDAY = '(?:(?:یک|دو|سه|چهار|پنج)\\s?شنبه|شنبه|جمعه)';
const TIME = '(?:\\s*(?:[-–—،,]\\s*)?(?:ساعت\\s*)?(\\d{1,2})\\s*:\\s*(\\d{1,2})(?:\\s*:\\s*\\d{1,2})?)?';
const TEXTUAL_DATE = new RegExp(`^(?:${WEEKDAY}\\s*[،,]?\\s*)?(\\d{1,2})\\s*([^\\s\\d]+)\\s*(\\d{4})${TIME}\\s*$`);
const NUMERIC_DATE = new RegExp(`^(\\d{4})\\s*([/-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})${TIME}\\s*$`);

/**
 * «۱۰ آبان ۱۴۰۰ - ۲۳:۵۶» (also «۱۴۰۰/۸/۱۰ ۲۳:۵۶», with or without the time,
 * «ساعت» before it, «،» instead of «-», NBSPs or extra spaces) → the day and
 * the time. A day that does not exist (۳۱ مهر) is an error, never adjusted.
 */
export function parsePersianDateTime(text: string): PersianDateTime {
  const t = foldLetters(toLatinDigits(text)).replace(/[\u200e\u200f]/g, '').replace(/\s+/g, ' ').trim();
  const fail = (reason: string): never => {
    throw new Error(`date "${text.trim()}": ${reason}`);
  };

  let year: number;
  let month: number;
  let day: number;
  let hm: [string | undefined, string | undefined];
  const textual = TEXTUAL_DATE.exec(t);
  const numeric = textual ? null : NUMERIC_DATE.exec(t);
  if (textual) {
    const found = MONTH_BY_NAME.get(textual[2]);
    if (found === undefined) return fail(`«${textual[2]}» is not a Persian month name`);
    [day, month, year] = [Number(textual[1]), found, Number(textual[3])];
    hm = [textual[4], textual[5]];
  } else if (numeric) {
    [year, month, day] = [Number(numeric[1]), Number(numeric[3]), Number(numeric[4])];
    hm = [numeric[5], numeric[6]];
  } else {
    return fail('expected a date like «۱۰ آبان ۱۴۰۰ - ۲۳:۵۶»');
  }

  const invalid = explainInvalidJalali(year, month, day);
  if (invalid) return fail(invalid);
  if (hm[0] === undefined) return { jalali: { year, month, day }, hour: null, minute: null };
  const hour = Number(hm[0]);
  const minute = Number(hm[1]);
  if (hour > 23) return fail(`hour ${hour} is out of range 0..23`);
  if (minute > 59) return fail(`minute ${minute} is out of range 0..59`);
  return { jalali: { year, month, day }, hour, minute };
}

// ------------------------------------------ what a typed or linked date means

/** Four-digit years in this span are Gregorian (no Persian news archive has Jalali 1900–2100). */
export const MIN_GREGORIAN_YEAR = 1900;
export const MAX_GREGORIAN_YEAR = 2100;

export interface DateReading {
  /** How the text was read: a Jalali bound, a two-digit year taken as 13xx, or a Gregorian year/month/day. */
  kind: 'jalali' | 'two-digit' | 'gregorian';
  /** The text as read (Latin digits): `1384`, `84`, `2005-03`, `2005-03-21`. */
  year: number;
  month?: number;
  day?: number;
  /** The Jalali days the text covers, first and last (the whole year, month or day). */
  start: JalaliDate;
  end: JalaliDate;
}

function gregorianMonthLength(y: number, m: number): number {
  return [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

// A calendar date converts to a calendar date with no clock involved, so no
// Date object (and no process zone) is used: Gregorian 2005-03-21 is Jalali
// 1384-01-01 in Tehran as everywhere.
function gregorianToJalali(y: number, m: number, d: number): JalaliDate {
  const j = toJalaali(y, m, d);
  return { year: j.jy, month: j.jm, day: j.jd };
}

/**
 * A `from`/`to` value or a date box: `1384`, `1384-03`, `1384/3/1`, `۱۳۸۴.۳.۱`
 * (Jalali), `84` (two digits: Jalali 1384), `2005`, `2005-03-21` (a four-digit
 * year from 1900 to 2100: Gregorian). Separators `-`, `/`, `.`; any digit
 * script. Throws an Error naming `param`.
 */
export function readDateText(value: string, param: string): DateReading {
  const text = toLatinDigits(value).replace(/[\u200e\u200f\u061c]/g, '').trim();
  const m = /^(\d{1,4})(?:\s*([-/.٫])\s*(\d{1,2})(?:\s*\2\s*(\d{1,2}))?)?$/.exec(text);
  if (!m) {
    throw new Error(`${param}: expected a Jalali year, year-month or date like 1400-08-10, or a Gregorian one like 2021-11-01 (got "${value}")`);
  }
  const year = Number(m[1]);
  const month = m[3] === undefined ? undefined : Number(m[3]);
  const day = m[4] === undefined ? undefined : Number(m[4]);
  const parts = { year, ...(month !== undefined && { month }), ...(day !== undefined && { day }) };
  if (m[1].length === 4 && year >= MIN_GREGORIAN_YEAR && year <= MAX_GREGORIAN_YEAR) {
    if (month !== undefined && (month < 1 || month > 12)) throw new Error(`${param}: month ${month} is out of range 1..12`);
    const first = month ?? 1;
    const last = month ?? 12;
    if (day !== undefined && (day < 1 || day > gregorianMonthLength(year, first))) {
      throw new Error(`${param}: ${year}-${pad(first, 2)}-${pad(day, 2)} is not a valid Gregorian date (month ${first} has ${gregorianMonthLength(year, first)} days)`);
    }
    return {
      kind: 'gregorian',
      ...parts,
      start: gregorianToJalali(year, first, day ?? 1),
      end: gregorianToJalali(year, last, day ?? gregorianMonthLength(year, last)),
    };
  }
  // Two digits are a short Jalali year of the 1300s («۸۴» is 1384), never year 84.
  const jalaliYear = m[1].length === 2 ? 1300 + year : year;
  const invalid = explainInvalidJalali(jalaliYear, month ?? 1, day ?? 1);
  if (invalid) throw new Error(`${param}: ${invalid}`);
  const bound: JalaliBound = { year: jalaliYear, ...(month !== undefined && { month }), ...(day !== undefined && { day }) };
  const dayOf = (n: number): JalaliDate => ({ year: Math.floor(n / 10000), month: Math.floor(n / 100) % 100, day: n % 100 });
  return {
    kind: m[1].length === 2 ? 'two-digit' : 'jalali',
    ...parts,
    start: dayOf(boundToDayNumber(bound, 'start')),
    end: dayOf(boundToDayNumber(bound, 'end')),
  };
}

/**
 * A `from` ('start') or `to` ('end') value as the Jalali bound the filter
 * uses: Jalali text keeps its precision; a Gregorian year or month becomes the
 * Jalali day it starts or ends on.
 */
export function readDateBound(value: string, param: string, edge: 'start' | 'end'): JalaliBound {
  const r = readDateText(value, param);
  if (r.kind === 'gregorian') {
    const d = edge === 'start' ? r.start : r.end;
    return { year: d.year, month: d.month, day: d.day };
  }
  const year = r.kind === 'two-digit' ? r.year + 1300 : r.year;
  return r.day !== undefined ? { year, month: r.month, day: r.day } : r.month !== undefined ? { year, month: r.month } : { year };
}
