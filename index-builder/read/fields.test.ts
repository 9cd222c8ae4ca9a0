import { describe, expect, it } from 'vitest';
import { FieldMapError, FieldResolver, parseFieldMap } from './fields';
import { RecordError, jsonRecordToArticle } from './record';

const read = (record: Record<string, unknown>, map = {}) => jsonRecordToArticle(record, new FieldResolver(map));

function reason(record: Record<string, unknown>, map = {}): string {
  try {
    read(record, map);
  } catch (err) {
    expect(err).toBeInstanceOf(RecordError);
    return (err as Error).message;
  }
  throw new Error('expected a reject');
}

const BODY = { body: 'متن خبر' };
const TITLE = { title: 'عنوان خبر' };

describe('field names: the common spellings without configuration', () => {
  it.each(['title', 'headline', 'عنوان', 'تیتر'])('reads the title from "%s"', (key) => {
    expect(read({ [key]: 'افزایش قیمت نان', ...BODY }).title).toBe('افزایش قیمت نان');
  });

  it.each(['body', 'text', 'content', 'متن'])('reads the body from "%s"', (key) => {
    expect(read({ ...TITLE, [key]: 'بند اول\nبند دوم' }).body).toEqual(['بند اول', 'بند دوم']);
  });

  it.each(['date', 'publishedAt', 'published_at'])('reads the date from "%s"', (key) => {
    expect(read({ ...TITLE, ...BODY, [key]: '2021-11-01' }).publishedAt).toBe('2021-11-01T00:00:00+03:30');
  });

  it.each(['date_jalali', 'jalaliDate', 'تاریخ'])('reads the Jalali date from "%s"', (key) => {
    expect(read({ ...TITLE, ...BODY, [key]: '۱۴۰۰/۰۸/۱۰' }).jalali).toEqual({ year: 1400, month: 8, day: 10 });
  });

  it.each(['source', 'agency', 'منبع'])('reads the source from "%s"', (key) => {
    expect(read({ ...TITLE, ...BODY, [key]: 'ایرنا' }).source).toBe('ایرنا');
  });

  it.each(['tags', 'keywords', 'برچسب‌ها', 'برچسب ها'])('reads the tags from "%s"', (key) => {
    expect(read({ ...TITLE, ...BODY, [key]: ['اقتصاد', 'نان'] }).tags).toEqual(['اقتصاد', 'نان']);
  });

  it.each(['url', 'link'])('reads the link from "%s"', (key) => {
    expect(read({ ...TITLE, ...BODY, [key]: 'https://www.irna.ir/news/84523' }).url).toBe('https://www.irna.ir/news/84523');
  });

  it.each(['id', 'news_code', 'NewsCode', 'کد خبر'])('reads the id from "%s"', (key) => {
    expect(read({ ...TITLE, ...BODY, [key]: '84523' }).id).toBe('84523');
  });

  it('compares names case-insensitively and trimmed', () => {
    const a = read({ ' TITLE ': 'عنوان', Body: 'متن', 'Published_At': '2021-11-01' });
    expect([a.title, a.body, a.publishedAt]).toEqual(['عنوان', ['متن'], '2021-11-01T00:00:00+03:30']);
  });

  it('reads «عنوان» spelled with Arabic yeh and «برچسب‌ها» without a ZWNJ', () => {
    const a = read({ عنوان: 'خبر', متن: 'متن', برچسبها: 'نان، گندم' });
    expect(a.title).toBe('خبر');
    expect(a.tags).toEqual(['نان', 'گندم']);
  });

  it('prefers the first spelling that has a value: an empty "title" gives way to "headline"', () => {
    expect(read({ title: '', headline: 'تیتر اصلی', ...BODY }).title).toBe('تیتر اصلی');
  });

  it('splits a tags string on «،» «,» «؛» and «|»', () => {
    expect(read({ ...TITLE, ...BODY, tags: 'نان، گندم,آرد؛ قیمت | بازار' }).tags).toEqual(['نان', 'گندم', 'آرد', 'قیمت', 'بازار']);
  });

  it('turns a news code in Persian digits into Latin digits, like the plain-text reader', () => {
    expect(read({ ...TITLE, ...BODY, id: '۱۲۹۳۶۴۲' }).id).toBe('1293642');
  });

  it('keeps the body paragraphs of an array', () => {
    expect(read({ ...TITLE, body: ['بند اول', ' ', 'بند دوم'] }).body).toEqual(['بند اول', 'بند دوم']);
  });
});

describe('field names: what is not accepted', () => {
  it('does not guess a title from an unknown column: it names the fields the record has', () => {
    expect(reason({ headline_fa: 'عنوان', matn: 'متن' })).toBe(
      'no "title" field (it has: headline_fa, matn); name it with --map title=<field>',
    );
  });

  it('rejects a body that is a number', () => {
    expect(reason({ ...TITLE, body: 12 })).toBe('"body" must be a string or an array of strings');
  });

  it('rejects a source that is an object, naming the key as written', () => {
    expect(reason({ ...TITLE, ...BODY, Agency: { name: 'ایرنا' } })).toBe('"Agency" must be a string or null');
  });

  it('rejects a record that is not an object', () => {
    expect(() => jsonRecordToArticle(['عنوان', 'متن'], new FieldResolver())).toThrow('a record must be a JSON object');
  });
});

describe('--map', () => {
  it('reads title and body from the columns it names', () => {
    const a = read({ headline_fa: 'عنوان', matn: 'متن' }, parseFieldMap(['title=headline_fa', 'body=matn']));
    expect([a.title, a.body]).toEqual(['عنوان', ['متن']]);
  });

  it('takes a mapped column before the usual spelling', () => {
    expect(read({ title: 'کوتاه', full_title: 'عنوان کامل', ...BODY }, parseFieldMap(['title=full_title'])).title).toBe('عنوان کامل');
  });

  it('does not take a column mapped to one field for another', () => {
    // "text" is a usual name of the body; mapped to the title, it is the title only.
    expect(reason({ text: 'عنوان' }, parseFieldMap(['title=text']))).toMatch(/^no "body" field/);
  });

  it('accepts the field spelled dateJalali or date-jalali', () => {
    expect(parseFieldMap(['dateJalali=shamsi'])).toEqual({ date_jalali: 'shamsi' });
    expect(parseFieldMap(['date-jalali=shamsi'])).toEqual({ date_jalali: 'shamsi' });
  });

  it('rejects an unknown field, naming it and the known ones', () => {
    expect(() => parseFieldMap(['titel=headline_fa'])).toThrow(
      '--map titel=headline_fa: unknown field "titel" (fields: id, title, body, date, date_jalali, source, tags, url, category)',
    );
    expect(() => parseFieldMap(['titel=headline_fa'])).toThrow(FieldMapError);
  });

  it('rejects an argument without "="', () => {
    expect(() => parseFieldMap(['title'])).toThrow('--map title: expected field=column, e.g. --map title=headline_fa');
  });

  it('rejects a field mapped twice', () => {
    expect(() => parseFieldMap(['title=a', 'title=b'])).toThrow('--map title=b: "title" is already mapped to "a"');
  });
});
