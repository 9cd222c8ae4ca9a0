import { describe, expect, it } from 'vitest';
import { articleWith } from '../../article';
import type { Article, ConcordanceSort } from '../../types';
import { SearchEngine } from '../engine';
import { ParamError } from '../params';
import { paramMessageFa } from '../param-messages';
import { concordance, concordanceLines, sortedHits, tableFor } from './concordance';
import { concordanceHref, parseConcordanceParams } from './concordance-params';
import { articleHref } from '../../ui/href';

const day = (d: number): Pick<Article, 'publishedAt' | 'jalali'> => ({
  publishedAt: `2022-03-${String(10 + d).padStart(2, '0')}T10:00:00+03:30`,
  jalali: { year: 1400, month: 12, day: 19 + d },
});

const articles = [
  articleWith({ id: 'a', title: 'خبر یک', body: ['کتاب تازهٔ علي در بازار آمد و خوانندگان بسیاری یافت.', 'نویسنده گفت این کتاب'], source: 'ایرنا', ...day(1) }),
  articleWith({ id: 'b', title: 'خبر دو', body: ['نمایشگاه بزرگ کتاب در تهران گشایش یافت.'], source: 'ایسنا', ...day(2) }),
  articleWith({ id: 'c', title: 'خبر سه', body: ['دوستان علی کتاب‌ها را به کتابخانه بردند.'], source: 'ایرنا', ...day(3) }),
  articleWith({ id: 'd', title: 'بانک مرکزی', body: ['رئیس بانک مرکزی گفت بانک‌ها باید نرخ را نگه دارند.', 'بانک مرکزی اعلام کرد.'], source: 'همشهری', ...day(4) }),
  articleWith({ id: 'e', title: 'کتاب در عنوان', body: ['در این خبر از آن واژه یادی نیست.'], ...day(5) }),
];
const engine = SearchEngine.fromArticles(articles);
const ask = (query: string) => concordance(engine, parseConcordanceParams(new URLSearchParams(query)));
const q = (words: string, rest = '') => `q=${encodeURIComponent(words)}${rest ? `&${rest}` : ''}`;

describe('concordance lines', () => {
  it('lists every body occurrence of every form that matched, in its own spelling, and not a longer word', () => {
    const answer = ask(q('کتاب'));
    expect(answer.lines.map((l) => [l.id, l.hit])).toEqual([
      ['a', 'کتاب'],
      ['a', 'کتاب'],
      ['b', 'کتاب'],
      ['c', 'کتاب‌ها'],
    ]);
    expect(answer.lines.some((l) => l.hit.includes('کتابخانه'))).toBe(false);
  });

  it('counts hits and the articles they are in; a word only in a title is no line', () => {
    const answer = ask(q('کتاب'));
    expect(answer.total).toBe(4);
    expect(answer.articles).toBe(3);
    expect(answer.lines.map((l) => l.id)).not.toContain('e');
  });

  it('leaves the left context empty for a hit opening a paragraph, and the right one for a hit closing it', () => {
    const [first, second] = ask(q('کتاب')).lines;
    expect(first).toMatchObject({ left: '', hit: 'کتاب', right: 'تازهٔ علي در بازار آمد و خوانندگان بسیاری' });
    expect(second).toMatchObject({ left: 'نویسنده گفت این', hit: 'کتاب', right: '' });
  });

  it('cuts the contexts at word boundaries to the width asked, never into the next paragraph', () => {
    const [first, second] = ask(q('کتاب', 'width=2')).lines;
    expect(first.right).toBe('تازهٔ علي');
    expect(second.left).toBe('گفت این');
    expect(second.right).toBe('');
  });

  it('keeps a phrase as one hit, and does not list its words found alone', () => {
    const answer = ask(q('"بانک مرکزی"'));
    expect(answer.lines.map((l) => l.hit)).toEqual(['بانک مرکزی', 'بانک مرکزی']);
    expect(answer.lines[0]).toMatchObject({ left: 'رئیس', right: 'گفت بانک‌ها باید نرخ را نگه دارند.' });
  });

  it('gives each line the article page opened at that hit, numbered as the page numbers its marks', () => {
    const lines = ask(q('کتاب')).lines;
    expect(lines[1].href).toBe(`${articleHref('a', { q: 'کتاب' })}#hit-2`);
    const page = engine.article('a', 'کتاب')!;
    const marks = page.paragraphs.flat().filter((s) => s.hit).map((s) => s.text);
    expect(marks[1]).toBe(lines[1].hit);
  });

  it('gives the date, source and id of each line’s article', () => {
    const [line] = ask(q('نمایشگاه')).lines;
    expect(line).toMatchObject({ id: 'b', jalaliDate: '1400-12-21', source: 'ایسنا' });
  });
});

describe('concordance order', () => {
  const hitsBy = (sort: ConcordanceSort, words = 'کتاب') => ask(q(words, `sort=${sort}`)).lines.map((l) => `${l.id}:${l.left.split(' ').at(-1) ?? ''}|${l.right.split(' ')[0] ?? ''}`);

  it('by date is oldest first, in reading order within an article', () => {
    expect(ask(q('کتاب', 'sort=date')).lines.map((l) => l.id)).toEqual(['a', 'a', 'b', 'c']);
  });

  it('by the word before: Persian alphabetical order, a hit opening its paragraph last', () => {
    expect(ask(q('کتاب', 'sort=left1')).lines.map((l) => l.left.split(' ').at(-1))).toEqual(['این', 'بزرگ', 'علی', '']);
  });

  it('by the word before puts «علي» and «علی» together, wherever their articles stand by date', () => {
    const spelled = SearchEngine.fromArticles([
      articleWith({ id: 'arabic-ye', title: 't', body: ['دفتر علي نشست.'], ...day(1) }),
      articleWith({ id: 'other', title: 't', body: ['دفتر بزرگ نشست.'], ...day(2) }),
      articleWith({ id: 'persian-ye', title: 't', body: ['دفتر علی نشست.'], ...day(3) }),
    ]);
    const lines = concordance(spelled, parseConcordanceParams(new URLSearchParams(q('نشست', 'sort=left1')))).lines;
    expect(lines.map((l) => l.id)).toEqual(['other', 'arabic-ye', 'persian-ye']);
    expect(concordance(spelled, parseConcordanceParams(new URLSearchParams(q('نشست')))).lines.map((l) => l.id)).toEqual(['arabic-ye', 'other', 'persian-ye']);
  });

  it('by the word after folds ي and ی into one key, so variant spellings sort together', () => {
    const table = tableFor(engine, parseConcordanceParams(new URLSearchParams(q('کتاب'))).search);
    const keys = [...sortedHits(table, 'right1', null)].map((h) => table.words.list[table.keys[h * 6 + 3]] ?? '');
    expect(keys).toEqual(['تازه', 'در', 'را', '']);
    expect(hitsBy('right1')).toEqual(['a:|تازهٔ', 'b:بزرگ|در', 'c:علی|را', 'a:این|']);
  });

  it('by source groups each source’s lines, Persian alphabetical order', () => {
    expect(ask(q('کتاب', 'sort=source')).lines.map((l) => l.source)).toEqual(['ایرنا', 'ایرنا', 'ایرنا', 'ایسنا']);
  });
});

describe('concordance forms', () => {
  const variants = SearchEngine.fromArticles([
    articleWith({ id: 'x', title: 't', body: ['دوست علي آمد و دوست علی رفت.'], ...day(1) }),
    articleWith({ id: 'y', title: 't', body: ['كتاب‌ها و کتابها و کتاب.'], ...day(2) }),
  ]);
  const run = (query: string) => concordance(variants, parseConcordanceParams(new URLSearchParams(query)));

  it('counts the spellings folding makes one as one form', () => {
    expect(run(q('علی')).forms).toEqual([{ form: 'علی', hits: 2 }]);
  });

  it('filters to one form, typed in any spelling of it', () => {
    const answer = run(q('کتاب', `form=${encodeURIComponent('كتاب‌ها')}`));
    expect(answer.lines.map((l) => l.hit)).toEqual(['كتاب‌ها', 'کتابها']);
    expect(answer.total).toBe(2);
    expect(answer.form).toBe('کتابها');
    expect(answer.forms).toEqual([
      { form: 'کتابها', hits: 2 },
      { form: 'کتاب', hits: 1 },
    ]);
  });

  it('finds nothing for a form no hit has', () => {
    expect(run(q('کتاب', `form=${encodeURIComponent('کتابخانه')}`))).toMatchObject({ total: 0, articles: 0, lines: [] });
  });
});

describe('concordance paging and the export', () => {
  const many = SearchEngine.fromArticles(
    Array.from({ length: 7 }, (_, i) => articleWith({ id: `p${i}`, title: 't', body: [`سطر ${i} با واژهٔ باران و باز باران`], ...day(i) })),
  );
  it('pages the lines with the exact total', () => {
    const page2 = concordance(many, parseConcordanceParams(new URLSearchParams(q('باران', 'size=4&page=2'))));
    expect(page2).toMatchObject({ total: 14, articles: 7, page: 2, size: 4 });
    expect(page2.lines.map((l) => l.id)).toEqual(['p2', 'p2', 'p3', 'p3']);
  });

  it('cuts every line for the export, in the asked order, whatever the chunking', () => {
    const table = tableFor(many, parseConcordanceParams(new URLSearchParams(q('باران'))).search);
    const all = [...concordanceLines(table, sortedHits(table, 'left1', null), 0, Infinity, 1, {})];
    expect(all).toHaveLength(14);
    expect(all.slice(0, 7).every((l) => l.left === 'باز')).toBe(true);
    expect(all.slice(7).every((l) => l.left === 'واژهٔ')).toBe(true);
  });
});

describe('parseConcordanceParams', () => {
  const fails = (query: string) => {
    try {
      parseConcordanceParams(new URLSearchParams(query));
    } catch (e) {
      return e as ParamError;
    }
    throw new Error('accepted');
  };

  it('refuses a width outside 1..30, naming it', () => {
    for (const w of ['0', '31', 'wide']) expect(fails(q('کتاب', `width=${w}`)).param).toBe('width');
    expect(paramMessageFa('width', fails(q('کتاب', 'width=31')).message)).toBe('مقدار ۳۱ برای width بیرون از بازهٔ ۱ تا ۳۰ است.');
  });

  it('refuses an unknown sort, naming it and the ones it takes', () => {
    const e = fails(q('کتاب', 'sort=relevance'));
    expect(e.param).toBe('sort');
    expect(e.message).toBe('sort: expected left1, left2, left3, right1, right2, right3, date or source, got "relevance"');
  });

  it('needs a query', () => {
    const e = fails('q=');
    expect(e.param).toBe('q');
    expect(paramMessageFa('q', e.message)).toContain('q');
  });

  it('reads Persian digits and keeps the search’s filters, but not its order or page', () => {
    const p = parseConcordanceParams(new URLSearchParams(`${q('کتاب', 'width=۵&source=ایرنا&sort=left2&page=2&size=20')}`));
    expect(p).toMatchObject({ width: 5, sort: 'left2', page: 2, size: 20 });
    expect(p.search).toMatchObject({ source: ['ایرنا'], sort: 'relevance', page: 1 });
    expect(concordanceHref(p.state, { sort: p.sort, width: p.width })).toBe(`/concordance?q=${encodeURIComponent('کتاب')}&source=${encodeURIComponent('ایرنا')}&sort=left2&width=5`);
  });
});
