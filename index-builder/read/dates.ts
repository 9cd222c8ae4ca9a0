// The date of a record, whatever form the archive wrote it in:
//   2021-11-01                       Gregorian day (Tehran midnight)
//   2021-11-01T23:56[:00]            Tehran wall-clock time
//   2021-11-01T20:26:00Z / +01:00    an instant, converted to Tehran time
//   1400/08/10, 1400-8-10, ۱۴۰۰/۰۸/۱۰, ١٤٠٠/٠٨/١٠ [23:56]   Jalali day [and Tehran time]
//   ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶                the textual form of the news sites
// A four-digit year from 1900 on is Gregorian, up to 1500 Jalali; a day that
// does not exist is an error with the reason, never adjusted.

import { toGregorian, toJalaali } from 'jalaali-js';
import { toLatinDigits } from '@/lib/digits';
import {
  explainInvalidJalali,
  gregorianDateToIsoTehran,
  jalaliTehranToIso,
  parsePersianDateTime,
  tehranJalaliOf,
  tehranOffsetAt,
} from '@/lib/jalali';
import type { JalaliDate } from '@/lib/types';

export interface DateReading {
  /** The Tehran calendar day. */
  jalali: JalaliDate;
  /** ISO 8601 with the Tehran offset in force then. */
  publishedAt: string;
  /** Whether the value gave a time of day (else publishedAt is the day's first minute). */
  hasTime: boolean;
}

/** Why a value is not a date; the message is the reason. */
export class DateError extends Error {}

export const MAX_JALALI_YEAR_HERE = 1500;
export const MIN_GREGORIAN_YEAR_HERE = 1900;

const GREGORIAN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const NUMERIC = /^(\d{4})\s*([-/])\s*(\d{1,2})\s*\2\s*(\d{1,2})(.*)$/s;
// After the day: "T23:56", " 23:56:07.123", " - ۲۳:۵۶", "، ساعت ۲۳:۵۶", each with an optional offset.
const TIME = /^(?:\s*T\s*|\s+|\s*[-–—،,]\s*)(?:ساعت\s*)?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

interface Clock {
  hour: number;
  minute: number;
  second: number;
  /** Seconds east of UTC when the value names its offset, else undefined (Tehran time). */
  offset?: number;
}

function readClock(rest: string): Clock | null {
  if (rest.trim() === '') return null;
  const m = TIME.exec(rest);
  if (!m) throw new DateError(`"${rest.trim()}" after the day is not a time like 23:56 or T23:56:00+03:30`);
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (hour > 23) throw new DateError(`hour ${hour} is out of range 0..23`);
  if (minute > 59) throw new DateError(`minute ${minute} is out of range 0..59`);
  if (second > 59) throw new DateError(`second ${second} is out of range 0..59`);
  let offset: number | undefined;
  const zone = m[4]?.toUpperCase();
  if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') offset = 0;
  else if (zone) {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    const [h, min] = [Number(z[2]), Number(z[3] ?? 0)];
    if (h > 14 || min > 59) throw new DateError(`offset ${zone} is not a UTC offset`);
    offset = (z[1] === '-' ? -1 : 1) * (h * 3600 + min * 60);
  }
  return { hour, minute, second, offset };
}

function explainInvalidGregorian(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12) return `month ${m} is out of range 1..12`;
  if (d < 1 || d > 31) return `day ${d} is out of range 1..31`;
  const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > length) return `${y}-${pad(m)}-${pad(d)} is not a valid Gregorian date (${GREGORIAN_MONTHS[m - 1]} ${y} has ${length} days)`;
  return null;
}

/** "+03:30" or "+03:25:44" → seconds. */
function offsetSeconds(text: string): number {
  const m = /^([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) throw new Error(`unexpected offset ${text}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0));
}

/** An instant → Tehran wall-clock ISO with the offset in force then. */
function isoInTehran(ms: number): string {
  const date = new Date(ms);
  const offset = tehranOffsetAt(date);
  const local = new Date(ms + offsetSeconds(offset) * 1000);
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${offset}`
  );
}

/** jalaliTehranToIso with seconds: it takes hours and minutes, and a second never crosses a clock change. */
function tehranWallClock(j: JalaliDate, clock: Clock): string {
  const iso = jalaliTehranToIso(j, clock.hour, clock.minute);
  return `${iso.slice(0, 17)}${pad(clock.second)}${iso.slice(19)}`;
}

function fromNumeric(year: number, month: number, day: number, rest: string): DateReading {
  let jalali: JalaliDate;
  let gregorian: { gy: number; gm: number; gd: number };
  if (year >= MIN_GREGORIAN_YEAR_HERE) {
    const invalid = explainInvalidGregorian(year, month, day);
    if (invalid) throw new DateError(invalid);
    gregorian = { gy: year, gm: month, gd: day };
    const j = toJalaali(year, month, day);
    jalali = { year: j.jy, month: j.jm, day: j.jd };
  } else if (year <= MAX_JALALI_YEAR_HERE) {
    const invalid = explainInvalidJalali(year, month, day);
    if (invalid) throw new DateError(invalid);
    jalali = { year, month, day };
    gregorian = toGregorian(year, month, day);
  } else {
    throw new DateError(
      `year ${year} is neither Jalali (up to ${MAX_JALALI_YEAR_HERE}) nor Gregorian (from ${MIN_GREGORIAN_YEAR_HERE})`,
    );
  }

  const clock = readClock(rest);
  if (!clock) {
    const publishedAt = gregorianDateToIsoTehran(`${pad(gregorian.gy, 4)}-${pad(gregorian.gm)}-${pad(gregorian.gd)}`);
    return { jalali, publishedAt, hasTime: false };
  }
  if (clock.offset === undefined) return { jalali, publishedAt: tehranWallClock(jalali, clock), hasTime: true };
  const ms = Date.UTC(gregorian.gy, gregorian.gm - 1, gregorian.gd, clock.hour, clock.minute, clock.second) - clock.offset * 1000;
  return { jalali: tehranJalaliOf(new Date(ms)), publishedAt: isoInTehran(ms), hasTime: true };
}

function fromTextual(value: string): DateReading {
  let parsed;
  try {
    parsed = parsePersianDateTime(value);
  } catch (err) {
    // parsePersianDateTime says `date "<value>": <reason>`; the caller quotes the value.
    const reason = (err as Error).message.replace(/^date "[^"]*": /s, '');
    if (/^expected a date like/.test(reason)) {
      throw new DateError('not a date (expected e.g. 2021-11-01, 2021-11-01T23:56:00+03:30, 1400/08/10 or «۱۰ آبان ۱۴۰۰ - ۲۳:۵۶»)');
    }
    throw new DateError(reason);
  }
  const { jalali, hour, minute } = parsed;
  if (jalali.year > MAX_JALALI_YEAR_HERE) {
    throw new DateError(`a Jalali month name with year ${jalali.year}, which is not a Jalali year (up to ${MAX_JALALI_YEAR_HERE})`);
  }
  return {
    jalali,
    publishedAt: jalaliTehranToIso(jalali, hour ?? 0, minute ?? 0),
    hasTime: hour !== null,
  };
}

function readDateUncached(value: string): DateReading {
  const text = toLatinDigits(value).replace(/[\u200e\u200f\u00a0]/g, ' ').trim();
  if (text === '') throw new DateError('empty');
  const numeric = NUMERIC.exec(text);
  if (numeric) return fromNumeric(Number(numeric[1]), Number(numeric[3]), Number(numeric[4]), numeric[5]);
  return fromTextual(text);
}

// An archive has thousands of records a day, and the Tehran offset comes from
// Intl, which is slow: each distinct value is read once.
const cache = new Map<string, DateReading | DateError>();
const CACHE_LIMIT = 50_000;

/** Reads a date in any of the forms above; throws DateError with the reason. */
export function readDate(value: string): DateReading {
  let result = cache.get(value);
  if (result === undefined) {
    try {
      result = readDateUncached(value);
    } catch (err) {
      if (!(err instanceof DateError)) throw err;
      result = err;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(value, result);
  }
  if (result instanceof DateError) throw new DateError(result.message);
  return { ...result, jalali: { ...result.jalali } };
}
