// The articles of the incremental steps, derived from corpus records: pure, so
// they are tested and the same on every run (no clocks, no randomness beyond
// a fixed seed), which keeps the runs comparable.
import { mulberry32, shuffled } from '../eval/sample';

export type RawRecord = Record<string, unknown>;

/** `count` distinct indices below `total`, spread over the whole range by a seeded shuffle, ascending. */
export function spreadSample(total: number, count: number, seed: number): number[] {
  if (count > total) throw new Error(`cannot pick ${count} of ${total}`);
  const all = Array.from({ length: total }, (_, i) => i);
  return shuffled(all, mulberry32(seed)).slice(0, count).sort((a, b) => a - b);
}

/** The body with one more paragraph, whichever shape the record gave it (a string of lines, or a list of paragraphs). */
export function appendParagraph(body: unknown, paragraph: string): unknown {
  if (Array.isArray(body)) return [...body, paragraph];
  if (typeof body === 'string' && body.trim() !== '') return `${body}\n${paragraph}`;
  return paragraph;
}

const persianDigits = (n: number) => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);

/**
 * A new article made from a corpus record: id `<id>~add<n>` (no corpus id has
 * "~add") and one paragraph more, so its content, and so its hash, is its own.
 */
export function addedRecord(record: RawRecord, n: number): RawRecord {
  return {
    ...record,
    id: `${String(record.id)}~add${n}`,
    body: appendParagraph(record.body, `گزارش تکمیلی ${persianDigits(n)}: جزئیات تازه‌ای از این خبر منتشر شد.`),
  };
}

/** The same article with an edited body: same id, so the builder counts it as updated. */
export function changedRecord(record: RawRecord, n: number): RawRecord {
  return {
    ...record,
    body: appendParagraph(record.body, `اصلاحیه ${persianDigits(n)}: متن این خبر پس از انتشار ویرایش شد.`),
  };
}
