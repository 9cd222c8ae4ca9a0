// JSON Lines archives (.jsonl, .ndjson, and either gzipped): one record per
// line, in the shape of shared/corpus:
//   {"id": "HAM2-840127-155", "title": "…", "body": "…\n…",
//    "date": "2005-04-16", "date_jalali": "1384/01/27",
//    "source": "همشهری", "category": null, "tags": [], "url": null}
// Read as a stream, so a large archive never sits in memory whole.

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { toJalaali } from 'jalaali-js';
import { z } from 'zod';
import { toLatinDigits } from '@/lib/digits';
import { explainInvalidJalali, formatJalaliKey, gregorianDateToIsoTehran, jalaliTehranToIso } from '@/lib/jalali';
import type { Article, JalaliDate } from '@/lib/types';
import { isBlank } from './blank';
import { contentId } from './content-id';
import { deriveTitle } from './title';
import type { ReadOutcome } from './types';
import { httpUrlOrNull } from './url';

const stringOrNull = z.string({ error: 'must be a string or null' }).nullish();

// Unknown fields (the corpus's "dataset") are ignored.
const RecordSchema = z.object(
  {
    id: z.union([z.string(), z.number()], { error: 'must be a string, a number or null' }).nullish(),
    title: z.string({ error: 'must be a string' }),
    body: z.string({ error: 'must be a string' }),
    date: stringOrNull,
    date_jalali: stringOrNull,
    source: stringOrNull,
    category: stringOrNull,
    tags: z.array(z.string({ error: 'must be a string' }), { error: 'must be an array of strings or null' }).nullish(),
    url: stringOrNull,
  },
  { error: 'a record must be a JSON object' },
);

type JsonRecord = z.infer<typeof RecordSchema>;

/** "tags[2]" */
function fieldName(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function schemaReason(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `"${fieldName(issue.path)}" ${issue.message}` : issue.message))
    .join('; ');
}

/** Thrown inside this module only, to turn one field's problem into the record's reject. */
class RecordProblem extends Error {}

function nonEmpty(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}

function gregorianDay(value: string): { gy: number; gm: number; gd: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const check = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (!m || !check || check.getUTCMonth() !== Number(m[2]) - 1 || check.getUTCDate() !== Number(m[3])) {
    throw new RecordProblem(`"date" must be a Gregorian date like 2005-04-16, got "${value}"`);
  }
  return { gy: Number(m[1]), gm: Number(m[2]), gd: Number(m[3]) };
}

function jalaliDay(value: string): JalaliDate {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(toLatinDigits(value));
  if (!m) throw new RecordProblem(`"date_jalali" must be a Jalali date like 1384/01/27, got "${value}"`);
  const j = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const invalid = explainInvalidJalali(j.year, j.month, j.day);
  if (invalid) throw new RecordProblem(`"date_jalali": ${invalid}`);
  return j;
}

/**
 * Both calendars describe the Tehran calendar day of publication: `date_jalali`
 * gives the day, `date` (or else `date_jalali`) the instant of its midnight.
 * When a record carries both they must name the same day.
 */
function recordDates(rec: JsonRecord): { publishedAt: string | null; jalali: JalaliDate | null } {
  const date = nonEmpty(rec.date);
  const dateJalali = nonEmpty(rec.date_jalali);
  const fromJalali = dateJalali === null ? null : jalaliDay(dateJalali);
  let fromGregorian: JalaliDate | null = null;
  if (date !== null) {
    const g = gregorianDay(date);
    try {
      const j = toJalaali(g.gy, g.gm, g.gd);
      fromGregorian = { year: j.jy, month: j.jm, day: j.jd };
    } catch {
      throw new RecordProblem(`"date" ${date} is outside the Jalali calendar's range`);
    }
  }
  if (fromJalali && fromGregorian && formatJalaliKey(fromJalali) !== formatJalaliKey(fromGregorian)) {
    throw new RecordProblem(
      `"date" ${date} is Jalali ${formatJalaliKey(fromGregorian)} but "date_jalali" is ${dateJalali}`,
    );
  }
  const jalali = fromJalali ?? fromGregorian;
  if (date !== null) return { publishedAt: gregorianDateToIsoTehran(date), jalali };
  return { publishedAt: jalali ? jalaliTehranToIso(jalali) : null, jalali };
}

function toArticle(rec: JsonRecord): Article {
  // Trimmed but otherwise untouched: the text policy keeps every character.
  const body = rec.body
    .split(/\r\n|\r|\n/)
    .map((p) => p.trim())
    .filter((p) => !isBlank(p));
  const title = rec.title.trim() || (body.length ? deriveTitle(body[0]) : '');
  if (!title && body.length === 0) throw new RecordProblem('"title" and "body" are both empty');
  const id = typeof rec.id === 'number' ? String(rec.id) : nonEmpty(rec.id);
  return {
    id: id ?? contentId(rec.title, rec.body),
    title,
    body,
    ...recordDates(rec),
    source: nonEmpty(rec.source),
    tags: (rec.tags ?? []).map((t) => t.trim()).filter(Boolean),
    url: httpUrlOrNull(rec.url),
    dateline: null,
    agency: null,
    category: nonEmpty(rec.category),
  };
}

/** One line of a JSON Lines file → its article, or the reason it is not one. */
export function parseJsonlRecord(text: string, file: string, line: number): ReadOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, file, line, reason: `invalid JSON: ${(err as Error).message}` };
  }
  const parsed = RecordSchema.safeParse(json);
  if (!parsed.success) return { ok: false, file, line, reason: schemaReason(parsed.error) };
  try {
    return { ok: true, article: toArticle(parsed.data), file, line };
  } catch (err) {
    if (err instanceof RecordProblem) return { ok: false, file, line, reason: err.message };
    throw err;
  }
}

function openLines(file: string): Readable {
  const raw = createReadStream(file);
  if (!/\.gz$/i.test(file)) return raw;
  const gunzip = createGunzip();
  // pipe() does not pass errors on; without this an unreadable file would
  // leave the reader waiting forever.
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

/**
 * Every non-blank line of a .jsonl/.ndjson file (gzipped when it ends in .gz)
 * as an outcome with its 1-based line number. A file that cannot be read or
 * unzipped ends with one reject saying why; it never throws.
 */
export async function* readJsonl(file: string): AsyncGenerator<ReadOutcome> {
  const input = openLines(file);
  const lines = createInterface({ input, crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  let line = 0;
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = await iterator.next();
      } catch (err) {
        const where = line > 0 ? ` after line ${line}` : '';
        yield { ok: false, file, reason: `cannot read${where}: ${(err as Error).message}` };
        return;
      }
      if (next.done) return;
      line++;
      const text = line === 1 ? next.value.replace(/^\uFEFF/, '') : next.value;
      if (text.trim() !== '') yield parseJsonlRecord(text, file, line);
    }
  } finally {
    // The consumer may stop early; the file must not stay open.
    lines.close();
    input.destroy();
  }
}
