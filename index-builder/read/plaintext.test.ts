import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlainTextError, parsePlainTextArticle } from './plaintext';

const SHARED = process.env.KAVOSH_SHARED ?? path.resolve(import.meta.dirname, '../../../shared');
const EXAMPLE = path.join(SHARED, 'examples/000_840ad37251b4b345.txt');

const NBSP = '\u00a0';

/** A file from its lines, joined the way most exports do. */
const file = (...lines: string[]) => lines.join('\n');

const HEADER = ['کد خبر ۱۲۹۳۶۴۲', 'تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶'];
const LEAD = 'مسکو - ایرنا- سرگئی لاوروف وزیر امور خارجه روسیه با همتای ارمنی خود گفت و گو کرد.';
const PARA = 'به گزارش مشرق، دو طرف درباره اوضاع منطقه تبادل نظر کردند.';

const parse = (text: string) => parsePlainTextArticle(text, 'news/a.txt');

function failure(text: string): PlainTextError {
  try {
    parse(text);
  } catch (err) {
    expect(err).toBeInstanceOf(PlainTextError);
    return err as PlainTextError;
  }
  throw new Error('expected parsePlainTextArticle to throw');
}

describe.skipIf(!existsSync(EXAMPLE))('the shared example 000_840ad37251b4b345.txt', () => {
  const text = existsSync(EXAMPLE) ? readFileSync(EXAMPLE, 'utf8') : '';
  const article = () => parsePlainTextArticle(text, EXAMPLE);

  it('takes the id from «کد خبر»', () => {
    expect(article().id).toBe('1293642');
  });

  it('dates it 23:56 Tehran on 10 Aban 1400', () => {
    expect(article().publishedAt).toBe('2021-11-01T23:56:00+03:30');
    expect(article().jalali).toEqual({ year: 1400, month: 8, day: 10 });
  });

  it('reads the dateline «مسکو - ایرنا-»', () => {
    expect(article().dateline).toBe('مسکو');
    expect(article().agency).toBe('ایرنا');
  });

  it('reads the footer: source ایرنا, no tags', () => {
    expect(article().source).toBe('ایرنا');
    expect(article().tags).toEqual([]);
  });

  it('has no link and no category', () => {
    expect(article().url).toBeNull();
    expect(article().category).toBeNull();
  });

  it('derives the title from the lead without the dateline, cut with «…»', () => {
    const { title } = article();
    expect(title.startsWith('سرگئی لاوروف وزیر امور خارجه روسیه')).toBe(true);
    expect(title).not.toContain('مسکو');
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(111);
  });

  it('keeps the lead line whole, dateline included, as the first paragraph', () => {
    const leadLine = text.split('\n')[3];
    expect(article().body[0]).toBe(leadLine.trim());
    expect(article().body[0].startsWith('مسکو - ایرنا- سرگئی لاوروف')).toBe(true);
  });

  it('has the 16 paragraphs between the header and «منبع:»', () => {
    expect(article().body).toHaveLength(16);
  });

  it('leaves the footer out of the body', () => {
    for (const p of article().body) {
      expect(p).not.toContain('منبع:');
      expect(p).not.toContain('برچسب');
    }
  });

  it('trims the NBSPs around paragraphs but keeps those inside', () => {
    const { body } = article();
    expect(body.every((p) => p === p.trim())).toBe(true);
    expect(body.some((p) => p.includes(NBSP))).toBe(true);
  });
});

describe('parsePlainTextArticle: header', () => {
  it('uses a title line when there is one', () => {
    const a = parse(file('لاوروف و میرزویان درباره قره‌باغ گفت‌وگو کردند', ...HEADER, '', LEAD, '', PARA));
    expect(a.title).toBe('لاوروف و میرزویان درباره قره‌باغ گفت‌وگو کردند');
    expect(a.body).toEqual([LEAD, PARA]);
  });

  it('accepts the header lines in any order, the title among them', () => {
    const a = parse(file(HEADER[1], 'عنوان خبر', HEADER[0], '', LEAD));
    expect(a.title).toBe('عنوان خبر');
    expect(a.id).toBe('1293642');
    expect(a.jalali).toEqual({ year: 1400, month: 8, day: 10 });
  });

  it('reads a news code in Latin digits', () => {
    expect(parse(file('کد خبر 840127', '', LEAD)).id).toBe('840127');
  });

  it('reads a news code in Persian or Arabic-Indic digits, after an optional colon', () => {
    expect(parse(file('کد خبر: ۸۴۰۱۲۷', '', LEAD)).id).toBe('840127');
    expect(parse(file('کد خبر ٨٤٠١٢٧', '', LEAD)).id).toBe('840127');
  });

  it('recognises labels spelled with Arabic kaf and yeh', () => {
    const a = parse(file('كد خبر 12', 'تاريخ انتشار: ۱۰ آبان ۱۴۰۰', '', LEAD));
    expect(a.id).toBe('12');
    expect(a.jalali).toEqual({ year: 1400, month: 8, day: 10 });
  });

  it('does not mistake a title opening with «کد خبرنگار» for the news code', () => {
    const a = parse(file('کد خبرنگاران صداوسیما تغییر کرد', 'کد خبر 7', '', LEAD));
    expect(a.title).toBe('کد خبرنگاران صداوسیما تغییر کرد');
    expect(a.id).toBe('7');
  });

  it('rejects a news code that is not digits, naming the line', () => {
    const err = failure(file('عنوان', 'کد خبر abc', '', LEAD));
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/^news\/a\.txt:2: «کد خبر» must be followed by digits/);
  });

  it('rejects «۳۱ مهر ۱۴۰۰», which does not exist, naming the file, the line and why', () => {
    const err = failure(file('عنوان', 'کد خبر 1', 'تاریخ انتشار: ۳۱ مهر ۱۴۰۰ - ۱۰:۰۰', '', LEAD));
    expect(err.line).toBe(3);
    expect(err.message).toContain('news/a.txt:3:');
    expect(err.reason).toContain('1400-07-31 is not a valid Jalali date (month 7 has 30 days)');
  });

  it('leaves the date null when there is no date line', () => {
    const a = parse(file('کد خبر 1', '', LEAD));
    expect(a.publishedAt).toBeNull();
    expect(a.jalali).toBeNull();
  });

  it('takes a date without a time as Tehran midnight', () => {
    expect(parse(file('کد خبر 1', 'تاریخ انتشار: ۱ تیر ۱۳۹۹', '', LEAD)).publishedAt).toBe('2020-06-21T00:00:00+04:30');
  });

  it('keeps an http(s) link from «لینک خبر:», «لینک:» or «نشانی خبر:»', () => {
    const url = 'https://www.irna.ir/news/1293642';
    expect(parse(file('کد خبر 1', `لینک خبر: ${url}`, '', LEAD)).url).toBe(url);
    expect(parse(file('کد خبر 1', `لینک: ${url}`, '', LEAD)).url).toBe(url);
    expect(parse(file('کد خبر 1', `نشانی خبر: ${url}`, '', LEAD)).url).toBe(url);
  });

  it('ignores a link that is not an absolute http(s) address', () => {
    expect(parse(file('کد خبر 1', 'لینک خبر: javascript:alert(1)', '', LEAD)).url).toBeNull();
    expect(parse(file('کد خبر 1', 'لینک خبر: www.irna.ir/news/1', '', LEAD)).url).toBeNull();
  });

  it('derives a stable id from the text when there is no «کد خبر»', () => {
    const text = file('عنوان', '', LEAD);
    expect(parse(text).id).toMatch(/^h-[0-9a-f]{16}$/);
    expect(parse(text).id).toBe(parse(text).id);
    expect(parse(file('عنوان دیگر', '', LEAD)).id).not.toBe(parse(text).id);
  });
});

describe('parsePlainTextArticle: title derived from the lead', () => {
  it('takes the first sentence without its full stop, the dateline removed', () => {
    const a = parse(file(...HEADER, '', 'تهران- ایسنا - قیمت نان از فردا افزایش می‌یابد. این تصمیم دیروز گرفته شد.'));
    expect(a.title).toBe('قیمت نان از فردا افزایش می‌یابد');
  });

  it('keeps a question mark that ends the first sentence', () => {
    expect(parse(file(...HEADER, '', 'آیا قیمت نان افزایش می‌یابد؟ پاسخ روشن نیست.')).title).toBe('آیا قیمت نان افزایش می‌یابد؟');
  });

  it('does not end the sentence at a decimal point', () => {
    expect(parse(file(...HEADER, '', 'تورم به ۳.۵ درصد رسید. جزئیات در ادامه.')).title).toBe('تورم به ۳.۵ درصد رسید');
  });

  it('cuts a long sentence at a word boundary to at most 110 characters and adds «…»', () => {
    const words = 'وزیر امور خارجه روسیه در گفت و گوی تلفنی با همتای ارمنی خود درباره اوضاع منطقه قره باغ و تبادل اسرای باقی مانده تبادل نظر کرد';
    const { title } = parse(file(...HEADER, '', `${words}.`));
    expect(title.endsWith('…')).toBe(true);
    const kept = title.slice(0, -1);
    expect(kept.length).toBeLessThanOrEqual(110);
    expect(words.startsWith(kept)).toBe(true);
    expect(words[kept.length]).toBe(' ');
  });
});

describe('parsePlainTextArticle: dateline', () => {
  it('reads «تهران- ایسنا -» with its odd spacing', () => {
    const a = parse(file(...HEADER, '', 'تهران- ایسنا - قیمت نان از فردا افزایش می‌یابد.'));
    expect(a.dateline).toBe('تهران');
    expect(a.agency).toBe('ایسنا');
    expect(a.body[0]).toBe('تهران- ایسنا - قیمت نان از فردا افزایش می‌یابد.');
  });

  it('does not take dashes inside an ordinary sentence for a dateline', () => {
    const lead = 'رئیس کل بانک مرکزی در نشست دیروز با نمایندگان مجلس - که چند ساعت طول کشید - گفت نرخ تورم کاهش می‌یابد.';
    const a = parse(file(...HEADER, '', lead));
    expect(a.dateline).toBeNull();
    expect(a.agency).toBeNull();
    expect(a.title).toBe(lead.slice(0, -1));
  });

  it('finds no dateline in a lead without one', () => {
    const a = parse(file(...HEADER, '', PARA));
    expect(a.dateline).toBeNull();
    expect(a.agency).toBeNull();
  });
});

describe('parsePlainTextArticle: body and footer', () => {
  it('reads the source and tags separated by «،», «,» and «؛»', () => {
    const a = parse(file(...HEADER, '', LEAD, '', 'منبع: ایسنا', 'برچسبها: روسیه، ارمنستان, قره باغ؛ لاوروف'));
    expect(a.source).toBe('ایسنا');
    expect(a.tags).toEqual(['روسیه', 'ارمنستان', 'قره باغ', 'لاوروف']);
    expect(a.body).toEqual([LEAD]);
  });

  it('accepts «برچسب‌ها» and «برچسب ها» with or without a colon', () => {
    expect(parse(file(...HEADER, '', LEAD, '', 'برچسب‌ها: روسیه')).tags).toEqual(['روسیه']);
    expect(parse(file(...HEADER, '', LEAD, '', 'برچسب ها روسیه، ارمنستان')).tags).toEqual(['روسیه', 'ارمنستان']);
  });

  it('gives an empty tag list for a bare «برچسبها» and null source without «منبع:»', () => {
    const a = parse(file(...HEADER, '', LEAD, '', 'برچسبها'));
    expect(a.tags).toEqual([]);
    expect(a.source).toBeNull();
    expect(a.body).toEqual([LEAD]);
  });

  it('keeps a paragraph opening with «منبع:» in the middle of the text', () => {
    const middle = 'منبع: گزارش‌های محلی حاکی از آرامش است.';
    const a = parse(file(...HEADER, '', LEAD, '', middle, '', PARA, '', 'منبع: ایرنا'));
    expect(a.body).toEqual([LEAD, middle, PARA]);
    expect(a.source).toBe('ایرنا');
  });

  it('reads CRLF lines and a UTF-8 BOM exactly like LF lines', () => {
    const lf = file('عنوان', ...HEADER, '', LEAD, '', PARA, '', 'منبع: ایرنا', 'برچسبها: روسیه');
    expect(parse('\uFEFF' + lf.replace(/\n/g, '\r\n'))).toEqual(parse(lf));
  });

  it('treats lines of only NBSPs and spaces as blank: they separate paragraphs and are not paragraphs', () => {
    const a = parse(file(...HEADER, `${NBSP} `, LEAD, NBSP + NBSP, PARA, ` ${NBSP}`, 'منبع: ایرنا'));
    expect(a.body).toEqual([LEAD, PARA]);
  });

  it('trims NBSPs and spaces around a paragraph but keeps every character inside', () => {
    const inner = `قيمت${NBSP}ها افزايش يافت و${NBSP} بازار آرام شد.`;
    const a = parse(file(...HEADER, '', `${NBSP}${inner}${NBSP} `));
    expect(a.body).toEqual([inner]);
  });

  it('keeps consecutive lines as one paragraph with their line break', () => {
    expect(parse(file(...HEADER, '', 'سطر اول', 'سطر دوم', '', PARA)).body).toEqual(['سطر اول\nسطر دوم', PARA]);
  });

  it('accepts a title-only article when it has a news code', () => {
    const a = parse(file('عنوان', 'کد خبر 5'));
    expect(a.title).toBe('عنوان');
    expect(a.body).toEqual([]);
  });
});

describe('parsePlainTextArticle: files that are not articles', () => {
  it('rejects an empty file, naming it', () => {
    expect(() => parse(`${NBSP}\n \n`)).toThrow('news/a.txt: the file is empty');
  });

  it('rejects a file with no «کد خبر» line and no body text', () => {
    expect(() => parse('فقط یک سطر')).toThrow('news/a.txt: no «کد خبر» line and no body text');
  });

  it('rejects a file with a news code but no title and no body', () => {
    expect(() => parse(file(...HEADER))).toThrow('news/a.txt: no title and no body text');
  });
});
