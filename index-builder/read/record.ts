// One record of a JSON Lines, JSON or CSV archive (an object of named
// values) → an article, or the reason it is not one. Shared by every
// record-shaped format so they all read the same fields the same way.

import { toLatinDigits } from '@/lib/digits';
import { formatJalaliKey } from '@/lib/jalali';
import type { Article, JalaliDate } from '@/lib/types';
import { isBlank } from './blank';
import { contentId } from './content-id';
import { DateError, type DateReading, readDate } from './dates';
import { type Candidates, type Field, FieldResolver } from './fields';
import { deriveTitle } from './title';
import { formatNames } from './types';
import { httpUrlOrNull } from './url';

/** Why a record is not an article; the message is the reason. */
export class RecordError extends Error {}

/** A tags cell or string: «،» «,» «؛» «;» «|» separate tags. */
export const TAG_SEPARATORS = /[،,؛;|]/;

interface Found {
  key: string;
  value: unknown;
}

function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** The first of a field's keys with a value, else the first present, else undefined. */
function pick(record: Record<string, unknown>, keys: string[]): Found | undefined {
  const key = keys.find((k) => !isEmptyValue(record[k])) ?? keys[0];
  return key === undefined ? undefined : { key, value: record[key] };
}

function stringOrNull(f: Found | undefined): string | null {
  if (!f || f.value === null || f.value === undefined) return null;
  if (typeof f.value !== 'string') throw new RecordError(`"${f.key}" must be a string or null`);
  return f.value.trim() || null;
}

function readId(f: Found | undefined): string | null {
  if (!f || f.value === null || f.value === undefined) return null;
  if (typeof f.value === 'number' && Number.isFinite(f.value)) return String(f.value);
  if (typeof f.value !== 'string') throw new RecordError(`"${f.key}" must be a string, a number or null`);
  const id = f.value.trim();
  // A news code in Persian digits is the same article as in Latin ones.
  const latin = toLatinDigits(id);
  return /^\d+$/.test(latin) ? latin : id || null;
}

/** The raw text, for the content id; null and missing are ''. */
function textOf(f: Found | undefined): string {
  if (!f || f.value === null || f.value === undefined) return '';
  if (typeof f.value === 'string') return f.value;
  if (Array.isArray(f.value) && f.value.every((p) => typeof p === 'string')) return f.value.join('\n');
  throw new RecordError(`"${f.key}" must be a string or an array of strings`);
}

function readTitle(f: Found): string {
  if (f.value !== null && typeof f.value !== 'string') throw new RecordError(`"${f.key}" must be a string`);
  return textOf(f);
}

/** Paragraphs: the lines of the text (or of each array element), trimmed, blank ones dropped; characters untouched. */
function paragraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((p) => p.trim())
    .filter((p) => !isBlank(p));
}

function readTags(f: Found | undefined): string[] {
  if (!f || f.value === null || f.value === undefined) return [];
  const list =
    typeof f.value === 'string'
      ? f.value.split(TAG_SEPARATORS)
      : Array.isArray(f.value)
        ? f.value.map((t, i) => {
            if (typeof t !== 'string') throw new RecordError(`"${f.key}[${i}]" must be a string`);
            return t;
          })
        : null;
  if (!list) throw new RecordError(`"${f.key}" must be an array of strings, a string or null`);
  return list.map((t) => t.trim()).filter(Boolean);
}

function readDateField(f: Found | undefined): (DateReading & { key: string; text: string }) | null {
  const text = stringOrNull(f);
  if (text === null) return null;
  try {
    return { ...readDate(text), key: f!.key, text };
  } catch (err) {
    if (err instanceof DateError) throw new RecordError(`"${f!.key}" "${text}": ${err.message}`);
    throw err;
  }
}

/**
 * Both date fields describe the Tehran day of publication; when a record
 * carries both they must name the same day. The one that gives a time of day
 * gives publishedAt.
 */
function recordDates(date: Found | undefined, dateJalali: Found | undefined): { publishedAt: string | null; jalali: JalaliDate | null } {
  const a = readDateField(date);
  const b = readDateField(dateJalali);
  if (a && b && formatJalaliKey(a.jalali) !== formatJalaliKey(b.jalali)) {
    throw new RecordError(`"${a.key}" ${a.text} is Jalali ${formatJalaliKey(a.jalali)} but "${b.key}" is ${b.text}`);
  }
  const best = [a, b].find((d) => d?.hasTime) ?? a ?? b;
  return best ? { publishedAt: best.publishedAt, jalali: best.jalali } : { publishedAt: null, jalali: null };
}

function missingField(field: Field, record: Record<string, unknown>): RecordError {
  return new RecordError(`no "${field}" field (it has: ${formatNames(Object.keys(record)) || 'nothing'}); name it with --map ${field}=<field>`);
}

/** A record → its article. Throws RecordError with the reason. */
export function recordToArticle(record: Record<string, unknown>, candidates: Candidates): Article {
  const get = (field: Field) => pick(record, candidates[field]);
  const titleField = get('title');
  const bodyField = get('body');
  if (!titleField) throw missingField('title', record);
  if (!bodyField) throw missingField('body', record);

  const rawTitle = readTitle(titleField);
  const rawBody = textOf(bodyField);
  const body = paragraphs(rawBody);
  const title = rawTitle.trim() || (body.length ? deriveTitle(body[0]) : '');
  if (!title && body.length === 0) throw new RecordError(`"${titleField.key}" and "${bodyField.key}" are both empty`);

  return {
    id: readId(get('id')) ?? contentId(rawTitle, rawBody),
    title,
    body,
    ...recordDates(get('date'), get('date_jalali')),
    source: stringOrNull(get('source')),
    tags: readTags(get('tags')),
    url: httpUrlOrNull(stringOrNull(get('url'))),
    dateline: null,
    agency: null,
    category: stringOrNull(get('category')),
  };
}

/** Checks that a value is a JSON object, then reads it; throws RecordError. */
export function jsonRecordToArticle(json: unknown, fields: FieldResolver): Article {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new RecordError('a record must be a JSON object');
  const record = json as Record<string, unknown>;
  return recordToArticle(record, fields.candidates(Object.keys(record)));
}
