import { describe, expect, it } from 'vitest';
import type { Article, JalaliDate } from '../types';
import { SearchEngine } from './engine';
import { parseSearchParams } from './params';

function article(id: string, title: string, body: string[], jalali: JalaliDate | null, publishedAt: string | null = null): Article {
  return { id, title, body, jalali, publishedAt, source: 'ایرنا', tags: [], url: null, dateline: null, agency: null, category: null };
}

const articles: Article[] = [
  article('a1', 'افتتاح تالار کتابخانه ملی', ['تالار تازه کتابخانه ملی امروز گشایش یافت.'], { year: 1402, month: 3, day: 15 }, '2023-06-05T10:30:00+03:30'),
  article('a2', 'خبر فرهنگی', ['بازدید از كتابخانه ملي و موزه.'], { year: 1400, month: 8, day: 10 }, '2021-11-01T23:56:00+03:30'),
  article('a3', 'همکاری‌های دو کشور', ['گسترش همکاری‌های اقتصادی.'], { year: 1401, month: 1, day: 5 }, '2022-03-25T09:00:00+04:30'),
  article('a4', 'نشست اقتصادی', ['همکاریهای بانکی بررسی شد.'], { year: 1401, month: 7, day: 2 }, '2022-09-24T09:00:00+03:30'),
  article('a5', 'دیدار وزیران', ['درباره همکاری های منطقه ای گفت و گو شد.'], { year: 1401, month: 1, day: 20 }, '2022-04-09T09:00:00+04:30'),
  article('a6', 'گزارش بی‌تاریخ', ['متنی درباره کتاب.'], null),
];

const engine = SearchEngine.fromArticles(articles);
const search = (query: Record<string, string>) => engine.search(parseSearchParams(query));
const ids = (query: Record<string, string>) => search(query).results.map((r) => r.id);

describe('SearchEngine.search: matching', () => {
  it('finds Arabic and Persian spellings alike', () => {
    expect(ids({ q: 'كتابخانه ملي ' }).sort()).toEqual(['a1', 'a2']);
    expect(ids({ q: 'کتابخانه ملی ' }).sort()).toEqual(['a1', 'a2']);
  });

  it('finds «همکاری‌های», «همکاریهای» and «همکاری های» with any one of them', () => {
    for (const q of ['همکاری‌های ', 'همکاریهای ', 'همکاری های ']) {
      expect(ids({ q }).sort()).toEqual(['a3', 'a4', 'a5']);
    }
  });

  it('requires every word', () => {
    expect(ids({ q: 'کتابخانه موزه ' })).toEqual(['a2']);
  });

  it('does not match a word the articles lack', () => {
    expect(search({ q: 'فوتبال ' }).total).toBe(0);
  });

  it('matches the last word as a prefix only while it is typed (prefix=last)', () => {
    expect(ids({ q: 'کتا', prefix: 'last' }).sort()).toEqual(['a1', 'a2', 'a6']);
    expect(ids({ q: 'کتا ', prefix: 'last' })).toEqual([]);
    expect(ids({ q: 'کتا' })).toEqual([]);
  });

  it('ranks a title match above a body-only match', () => {
    expect(ids({ q: 'کتابخانه ' })[0]).toBe('a1');
  });

  it('lists everything, newest first and undated last, for an empty query', () => {
    expect(ids({ q: '' })).toEqual(['a1', 'a4', 'a5', 'a3', 'a2', 'a6']);
  });
});

describe('SearchEngine.search: filters, sort, pages', () => {
  it('filters by a Jalali year, inclusive', () => {
    expect(ids({ from: '1401', to: '1401' }).sort()).toEqual(['a3', 'a4', 'a5']);
  });

  it('filters by a Jalali month, with Persian digits', () => {
    expect(ids({ from: '۱۴۰۱-۰۱', to: '۱۴۰۱-۰۱' }).sort()).toEqual(['a3', 'a5']);
  });

  it('filters by a day range and leaves undated articles out', () => {
    expect(ids({ from: '1400-08-10', to: '1401-01-05' }).sort()).toEqual(['a2', 'a3']);
  });

  it('sorts oldest first on request, undated last', () => {
    expect(ids({ sort: 'oldest' })).toEqual(['a2', 'a3', 'a5', 'a4', 'a1', 'a6']);
  });

  it('pages through the exact total without overlap', () => {
    const p1 = search({ size: '4', page: '1' });
    const p2 = search({ size: '4', page: '2' });
    expect(p1.total).toBe(6);
    expect(p1.results).toHaveLength(4);
    expect(p2.results.map((r) => r.id)).toEqual(['a2', 'a6']);
  });
});

describe('SearchEngine.search: facets', () => {
  it('counts every match per Jalali year, ignoring the date filter itself', () => {
    expect(search({ q: 'همکاری های ', from: '1401-07', to: '1401-07' }).facets.jalaliYears).toEqual([{ year: 1401, count: 3 }]);
  });

  it('counts months within the filtered years', () => {
    expect(search({ from: '1401', to: '1401' }).facets.jalaliMonths).toEqual([
      { year: 1401, month: 1, count: 2 },
      { year: 1401, month: 7, count: 1 },
    ]);
  });

  it('leaves undated articles out of the date facets', () => {
    const years = search({}).facets.jalaliYears;
    expect(years.reduce((n, y) => n + y.count, 0)).toBe(5);
  });
});

describe('SearchEngine.search: results', () => {
  it('returns the Jalali date key and highlights the original spelling', () => {
    const [r] = search({ q: 'موزه ' }).results;
    expect(r.jalaliDate).toBe('1400-08-10');
    expect(r.snippets[0].filter((s) => s.hit).map((s) => s.text)).toEqual(['موزه']);
  });

  it('returns null for the date of an undated article', () => {
    expect(search({ q: 'بی‌تاریخ ' }).results[0].jalaliDate).toBeNull();
  });
});

describe('SearchEngine.article', () => {
  it('returns every paragraph highlighted for the query', () => {
    const a = engine.article('a2', 'کتابخانه');
    expect(a?.paragraphs[0].filter((s) => s.hit).map((s) => s.text)).toEqual(['كتابخانه']);
  });

  it('returns null for an unknown id', () => {
    expect(engine.article('nope')).toBeNull();
  });
});

describe('SearchEngine.search: match=any', () => {
  it('finds articles with only some of the words, those with more words first', () => {
    const found = ids({ q: 'کتابخانه موزه ', match: 'any' });
    expect(found[0]).toBe('a2');
    expect(found.sort()).toEqual(['a1', 'a2']);
  });

  it('still finds nothing for words no article has', () => {
    expect(search({ q: 'فوتبال والیبال ', match: 'any' }).total).toBe(0);
  });
});

describe('SearchEngine.search: source and tag facets', () => {
  const tagged: Article[] = [
    { ...article('s1', 'خبر یک', ['متن'], null), source: 'ایرنا', tags: ['اقتصاد', 'بورس'] },
    { ...article('s2', 'خبر دو', ['متن'], null), source: 'ايرنا', tags: ['اقتصاد'] },
    { ...article('s3', 'خبر سه', ['متن'], null), source: 'ایسنا', tags: ['ورزش'] },
  ];
  const e = SearchEngine.fromArticles(tagged);
  const run = (query: Record<string, string | string[]>) => e.search(parseSearchParams(query));

  it('groups a source spelled with Arabic and Persian letters', () => {
    expect(run({}).facets.sources).toEqual([
      { value: 'ایرنا', count: 2 },
      { value: 'ایسنا', count: 1 },
    ]);
  });

  it('keeps any of several sources (OR within a field)', () => {
    expect(run({ source: ['ایسنا', 'ايرنا'] }).total).toBe(3);
  });

  it('needs a source and a tag together (AND across fields)', () => {
    expect(run({ source: 'ایرنا', tag: 'بورس' }).results.map((r) => r.id)).toEqual(['s1']);
  });

  it('counts sources without the source filter itself but with the tag filter', () => {
    const r = run({ source: 'ایسنا', tag: 'اقتصاد' });
    expect(r.total).toBe(0);
    expect(r.facets.sources).toEqual([
      { value: 'ایرنا', count: 2 },
      { value: 'ایسنا', count: 0 },
    ]);
  });

  it('reports the query words that matched nothing', () => {
    expect(run({ q: 'خبر فوتبال ' }).unmatched).toEqual(['فوتبال']);
  });
});

describe('SearchEngine.search: query language', () => {
  const docs: Article[] = [
    article('p1', 'نشست خبری', ['رئیس کتابخانه ملی از طرح تازه گفت.'], null),
    article('p2', 'گزارش', ['کتابخانه شهر و موزه ملی بازگشایی شد.'], null),
    article('p3', 'کتابخانه ملی', ['خبر کوتاه.'], null),
    article('p4', 'دیدار دوستان', ['دوستان قدیمی دیدار کردند.'], null),
    article('p5', 'یک دوست', ['دوست من آمد.'], null),
    article('p6', 'کتاب‌ها', ['کتابها رسید.'], null),
  ];
  const e = SearchEngine.fromArticles(docs);
  const find = (q: string) => e.search(parseSearchParams({ q })).results.map((r) => r.id).sort();

  it('matches a phrase only where its words stand together', () => {
    expect(find('"کتابخانه ملی"')).toEqual(['p1', 'p3']);
  });

  it('highlights a phrase as one run', () => {
    const r = e.search(parseSearchParams({ q: '"کتابخانه ملی"' })).results.find((x) => x.id === 'p1')!;
    expect(r.snippets[0].filter((s) => s.hit).map((s) => s.text)).toEqual(['کتابخانه ملی']);
  });

  it('leaves out excluded words and never highlights them', () => {
    expect(find('کتابخانه -موزه ')).toEqual(['p1', 'p3']);
  });

  it('finds either alternative with OR', () => {
    expect(find('موزه OR دوستان ')).toEqual(['p2', 'p4', 'p5']);
  });

  it('restricts title: to titles', () => {
    expect(find('title:کتابخانه ')).toEqual(['p3']);
  });

  it('finds inflected forms the archive has («دوست» finds «دوستان»)', () => {
    expect(find('دوست ')).toEqual(['p4', 'p5']);
    expect(find('دوستان ')).toEqual(['p4', 'p5']);
  });

  it('ranks the exact form above an inflected one', () => {
    expect(e.rank('دوستان ')[0]).toBe('p4');
    expect(e.rank('دوست ')[0]).toBe('p5');
  });

  it('does not merge unrelated words through stemming («کتابت» is not «کتاب»)', () => {
    expect(find('کتابت ')).toEqual([]);
  });

  it('ignores stop words unless nothing else is asked', () => {
    expect(find('از کتابخانه ')).toEqual(find('کتابخانه '));
  });

  it('never fails on odd queries', () => {
    for (const q of ['"', '-', 'OR', '- -', '""', '«', 'title:', '-"', 'یا یا یا', 'a'.repeat(1000)]) {
      expect(() => e.search(parseSearchParams({ q }))).not.toThrow();
    }
  });
});

describe('SearchEngine.search: compounds and proximity', () => {
  const docs: Article[] = [
    article('c1', 'نمایشگاه', ['نمایشگاه بين\u00a0المللي كتاب'], null),
    article('c2', 'نمایشگاه', ['نمایشگاه بین‌المللی کتاب'], null),
    article('c3', 'نمایشگاه', ['نمایشگاه بینالمللی کتاب'], null),
    article('c4', 'نمایشگاه', ['نمایشگاه بین المللی کتاب'], null),
    article('c5', 'گزارش', ['روابط بین دو کشور و نهادهای المللی'], null),
    article('k1', 'کار در شهر', ['این دستگاه خوب کار می‌کند و بسیار کم صدا است.'], null),
    article('k2', 'دستگاه کار می کند', ['متن کوتاه.'], null),
  ];
  const e = SearchEngine.fromArticles(docs);
  const find = (q: string) => e.search(parseSearchParams({ q })).results.map((r) => r.id).sort();

  it('finds a compound however the archive writes it, from a solid or half-spaced query', () => {
    for (const q of ['بین‌المللی ', 'بینالمللی ']) expect(find(q)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('finds the solid compound from a query that writes it apart', () => {
    expect(find('بین المللی ')).toContain('c3');
  });

  it('does not take two distant words for the compound', () => {
    expect(find('بین‌المللی ')).not.toContain('c5');
  });

  it('ranks words standing together in the title first', () => {
    expect(e.rank('کار می کند ')[0]).toBe('k2');
  });

  it('counts a compound written apart as one word, not as a phrase of two: twice solid outranks once apart', () => {
    const twice = SearchEngine.fromArticles([
      article('o1', 'خبر', ['همایش بین المللی در تهران برگزار شد.'], null),
      article('o2', 'خبر', ['همایش بینالمللی و جشنواره بینالمللی در تهران.'], null),
    ]);
    expect(twice.rank('بینالمللی ')).toEqual(['o2', 'o1']);
  });

  it('takes a solid query word as standing where the archive writes it apart: «گفتوگو» beside the next word', () => {
    const nbsp = SearchEngine.fromArticles([
      article('n1', 'وزیران گفت\u00a0و\u00a0گو', ['متن کوتاه.'], null),
      article('n2', 'گفت\u00a0و\u00a0گو وزیران', ['متن کوتاه.'], null),
    ]);
    expect(nbsp.rank('گفتوگو وزیران ')).toEqual(['n2', 'n1']);
  });
});

describe('SearchEngine.search: a rare word against a common one', () => {
  // 400 articles say «خبر»; three of them also say «مهار», one only in its title
  // and one with the two words side by side. Their few articles are looked up in
  // «خبر»'s long list rather than the list read through: the answers must be the same.
  const many: Article[] = Array.from({ length: 400 }, (_, i) =>
    article(`n${i}`, i === 7 ? 'مهار خبر' : `گزارش ${i}`, [i === 3 ? 'مهار آتش و خبر تازه' : i === 5 ? 'خبر مهار شد' : 'خبر روز'], null),
  );
  many.push(article('x1', 'مهار آتش', ['آتش مهار شد'], null));
  const big = SearchEngine.fromArticles(many);
  const found = (q: string) => big.search(parseSearchParams({ q, size: '100' })).results.map((r) => r.id).sort();

  it('requires both words: the three articles with «مهار» and «خبر», not the one without «خبر»', () => {
    expect(found('مهار خبر ')).toEqual(['n3', 'n5', 'n7']);
  });

  it('keeps the title-only clause to the title', () => {
    expect(found('مهار عنوان:خبر ')).toEqual(['n7']);
  });

  it('excludes by the common word: «مهار -خبر» is the one article without it', () => {
    expect(found('مهار -خبر ')).toEqual(['x1']);
  });

  it('confirms a phrase only where the words stand together', () => {
    expect(found('"خبر مهار" ')).toEqual(['n5']);
    expect(found('آتش "مهار خبر" ')).toEqual([]);
  });
});
