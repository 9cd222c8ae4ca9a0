// One article per .txt file, in the layout agencies' archive exports use:
//
//   [title]
//   کد خبر 1293642
//   تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶
//   [لینک خبر: https://…]
//
//   [مسکو - ایرنا-] lead …
//
//   paragraph …
//
//   منبع: ایرنا
//   برچسبها: …، …
//
// The header is the first block of non-blank lines, its lines in any order;
// the footer is the run of «منبع»/«برچسب‌ها» lines at the end of the file.

import { toLatinDigits } from '@/lib/digits';
import { jalaliTehranToIso, parsePersianDateTime } from '@/lib/jalali';
import type { Article, JalaliDate } from '@/lib/types';
import { isBlank } from './blank';
import { contentId } from './content-id';
import { splitDateline } from './dateline';
import { deriveTitle } from './title';
import { httpUrlOrNull } from './url';

/** A file that cannot become an article; `line` is 1-based when one line is to blame. */
export class PlainTextError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${reason}`);
    this.name = 'PlainTextError';
  }
}

interface Line {
  n: number;
  text: string;
}

// Archives spell the labels with Arabic yeh/kaf too; the swap is one
// character for one, so positions found in the folded line hold in the original.
function foldLetters(s: string): string {
  return s.replace(/ي/g, 'ی').replace(/ك/g, 'ک');
}

// «کد خبرنگار…» opening a title is not the label.
const CODE = /^کد\s*خبر(?=$|[\s:：0-9۰-۹٠-٩])\s*[:：]?\s*(.*)$/;
const DATE = /^تاریخ\s*انتشار\s*[:：]?\s*(.*)$/;
const LINK = /^(?:لینک\s*خبر|لینک|نشانی\s*خبر)\s*[:：]\s*(.*)$/;
const SOURCE = /^منبع\s*[:：]\s*(.*)$/;
const TAGS = /^برچسب(?:[\s\u200c]?ها)?(?=$|[\s:：])\s*[:：]?\s*(.*)$/;

function valueOf(pattern: RegExp, line: Line): string | null {
  const m = pattern.exec(foldLetters(line.text));
  return m ? line.text.slice(line.text.length - m[1].length).trim() : null;
}

interface Header {
  code: string | null;
  date: { jalali: JalaliDate; hour: number; minute: number } | null;
  url: string | null;
  title: string | null;
  /** Non-header lines after the title in the header block: text that must not be lost. */
  extra: Line[];
}

/** A date without a time is taken as the start of its day. */
function readDate(value: string, file: string, n: number): NonNullable<Header['date']> {
  try {
    const { jalali, hour, minute } = parsePersianDateTime(value);
    return { jalali, hour: hour ?? 0, minute: minute ?? 0 };
  } catch (err) {
    throw new PlainTextError(file, n, `«تاریخ انتشار»: ${(err as Error).message}`);
  }
}

function readHeader(block: Line[], file: string): Header {
  const header: Header = { code: null, date: null, url: null, title: null, extra: [] };
  let codeLine = 0;
  let dateLine = 0;
  for (const line of block) {
    const code = valueOf(CODE, line);
    const date = code === null ? valueOf(DATE, line) : null;
    const link = code === null && date === null ? valueOf(LINK, line) : null;
    if (code !== null) {
      const digits = toLatinDigits(code);
      if (!/^\d+$/.test(digits)) throw new PlainTextError(file, line.n, `«کد خبر» must be followed by digits, got "${code}"`);
      if (header.code !== null && header.code !== digits) {
        throw new PlainTextError(file, line.n, `a second «کد خبر» (${digits}) contradicts line ${codeLine} (${header.code})`);
      }
      header.code = digits;
      codeLine = line.n;
    } else if (date !== null) {
      const next = readDate(date, file, line.n);
      if (header.date !== null && JSON.stringify(header.date) !== JSON.stringify(next)) {
        throw new PlainTextError(file, line.n, `a second «تاریخ انتشار» contradicts line ${dateLine}`);
      }
      header.date = next;
      dateLine = line.n;
    } else if (link !== null) {
      header.url ??= httpUrlOrNull(link);
    } else if (header.title === null) {
      header.title = line.text.trim();
    } else {
      header.extra.push(line);
    }
  }
  return header;
}

function readFooter(lines: Line[]): { source: string | null; tags: string[]; start: number } {
  let source: string | null = null;
  let tags: string[] = [];
  let start = lines.length;
  // Only the trailing run counts, so a paragraph that happens to open with
  // «منبع:» in the middle of the text stays in the body.
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (isBlank(line.text)) continue;
    const src = valueOf(SOURCE, line);
    const tag = src === null ? valueOf(TAGS, line) : null;
    if (src === null && tag === null) break;
    if (src !== null) source = src || null;
    if (tag !== null) tags = tag.split(/[،,؛;]/).map((t) => t.trim()).filter(Boolean);
    start = i;
  }
  return { source, tags, start };
}

/** Consecutive non-blank lines form a paragraph; their line breaks are kept. */
function paragraphs(lines: Line[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, { n: 0, text: '' }]) {
    if (isBlank(line.text)) {
      if (current.length) out.push(current.join('\n'));
      current = [];
    } else {
      current.push(line.text.trim());
    }
  }
  return out;
}

/** Throws PlainTextError (file and line in its message) when the text cannot be an article. */
export function parsePlainTextArticle(text: string, file: string): Article {
  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ n: i + 1, text: t }));

  const first = lines.findIndex((l) => !isBlank(l.text));
  if (first < 0) throw new PlainTextError(file, undefined, 'the file is empty');
  let blank = lines.findIndex((l, i) => i > first && isBlank(l.text));
  if (blank < 0) blank = lines.length;

  const header = readHeader(lines.slice(first, blank), file);
  const rest = lines.slice(blank);
  const footer = readFooter(rest);
  const body = [...paragraphs(header.extra), ...paragraphs(rest.slice(0, footer.start))];

  if (body.length === 0 && header.code === null) {
    throw new PlainTextError(file, undefined, 'no «کد خبر» line and no body text');
  }
  if (body.length === 0 && header.title === null) {
    throw new PlainTextError(file, undefined, 'no title and no body text');
  }

  const dateline = body.length ? splitDateline(body[0]) : null;
  const title = header.title ?? deriveTitle(body[0]);
  const date = header.date;
  return {
    id: header.code ?? contentId(title, body.join('\n')),
    title,
    body,
    publishedAt: date ? jalaliTehranToIso(date.jalali, date.hour, date.minute) : null,
    jalali: date ? date.jalali : null,
    source: footer.source,
    tags: footer.tags,
    url: header.url,
    dateline: dateline?.dateline ?? null,
    agency: dateline?.agency ?? null,
    category: null,
  };
}
