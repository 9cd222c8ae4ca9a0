// The spellings a query word stands for, end to end: what an archive of a
// few articles finds for each, and what it must not.
import { describe, expect, it } from 'vitest';
import { articleWith } from '../article';
import { SearchEngine } from './engine';
import { parseSearchParams } from './params';

const texts: Record<string, string> = {
  hamzaYeh: 'مسئول پرونده دیروز استعفا داد.',
  hamzaWaw: 'مسؤول پرونده دیروز استعفا داد.',
  hamzaNone: 'مسوول این بخش پاسخ نداد.',
  boardYeh: 'هیئت مدیره تشکیل جلسه داد.',
  boardAlef: 'هیأت مدیره تشکیل جلسه داد.',
  journey: 'سیر تحول شهر را بررسی کرد.',
  feast: 'سور و سات عروسی فراهم شد.',
  very: 'هوا خیلی سرد بود.',
  possible: 'ممکن است باران ببارد.',
  dont: 'مکن ای دوست.',
  possibleDrawn: 'ممممکن نیست!',
  book: 'کتاب تازه منتشر شد.',
  booksBook: 'این کتاب و کتاب دیگر.',
  bookIndef: 'کتابی خواندم.',
  report: 'گزارش سالانه منتشر شد.',
  reporter: 'گزار کوتاهی بود.',
  vote: 'رأی مردم شمرده شد.',
  face: 'روی میز گذاشت.',
};
const engine = SearchEngine.fromArticles(Object.entries(texts).map(([id, text]) => articleWith({ id, title: 'خبر', body: [text] })));
const found = (q: string) => engine.search(parseSearchParams({ q: `${q} `, match: 'all' })).results.map((r) => r.id).sort();

describe('SearchEngine: a hamza on either seat is one word', () => {
  it('finds «مسؤول» and «مسوول» with «مسئول», and «مسئول» with «مسؤول»', () => {
    expect(found('مسئول')).toEqual(['hamzaNone', 'hamzaWaw', 'hamzaYeh']);
    expect(found('مسؤول')).toEqual(['hamzaNone', 'hamzaWaw', 'hamzaYeh']);
  });

  it('finds «هیأت» with «هیئت», and «هیئت» with «هیات» typed without a hamza', () => {
    expect(found('هیئت')).toEqual(['boardAlef', 'boardYeh']);
    expect(found('هیات')).toEqual(['boardAlef', 'boardYeh']);
  });

  it('does not find «سور» with «سیر», nor «روی» with «رأی»', () => {
    expect(found('سیر')).toEqual(['journey']);
    expect(found('رأی')).toEqual(['vote']);
    expect(found('روی')).toEqual(['face']);
  });

  it('highlights the other spelling as the article wrote it', () => {
    const hit = engine.search(parseSearchParams({ q: 'مسئول ', match: 'all' })).results.find((r) => r.id === 'hamzaWaw');
    expect(hit?.snippets.flat().filter((part) => part.hit).map((part) => part.text)).toEqual(['مسؤول']);
  });
});

describe('SearchEngine: elongation', () => {
  it('finds «خیلی» with «خیییلی»', () => {
    expect(found('خیییلی')).toEqual(['very']);
  });

  it('finds «ممکن» with «ممممکن», and not «مکن»', () => {
    expect(found('ممممکن')).toEqual(['possible', 'possibleDrawn']);
  });

  it('highlights «ممممکن» as written for the query «ممکن»', () => {
    const hit = engine.search(parseSearchParams({ q: 'ممکن ', match: 'all' })).results.find((r) => r.id === 'possibleDrawn');
    expect(hit?.snippets.flat().filter((part) => part.hit).map((part) => part.text)).toEqual(['ممممکن']);
  });

  it('finds the article that wrote «ممممکن» with «ممکن», and «مکن» stays its own word', () => {
    expect(found('ممکن')).toEqual(['possible', 'possibleDrawn']);
    expect(found('مکن')).toEqual(['dont', 'possibleDrawn']);
  });
});

describe('SearchEngine: an inflected query word finds its base', () => {
  it('finds «کتاب» with «کتابی», «کتاب‌هایی» and «کتاب‌هایشان»', () => {
    for (const q of ['کتابی', 'کتاب‌هایی', 'کتاب‌هایشان']) expect(found(q), q).toEqual(expect.arrayContaining(['book', 'booksBook']));
    expect(found('کتابی')).toContain('bookIndef');
  });

  it('does not bring «کتابی» to the query «کتاب»: the base stays as precise as before', () => {
    expect(found('کتاب')).toEqual(['book', 'booksBook']);
  });

  it('does not find «گزار» with «گزارش»', () => {
    expect(found('گزارش')).toEqual(['report']);
  });
});
