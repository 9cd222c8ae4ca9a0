import { describe, expect, it } from 'vitest';
import { articleWith } from '../../article';
import { SearchEngine } from '../engine';
import { ParamError } from '../params';
import { logDice } from './collocates';
import { logLikelihood, logRatio } from './terms';
import { parseCollocatesParams, parseTermsParams } from './terms-params';
import { storyTable } from '../../stories/table';

describe('logLikelihood (G²)', () => {
  it('is 40·ln 2 for a word in all 10 results and none of the 10 others', () => {
    expect(logLikelihood(10, 10, 0, 10)).toBeCloseTo(40 * Math.log(2), 10);
  });

  it('matches the 2×2 table worked by hand: 30 of 100 against 70 of 900', () => {
    // Expected counts 10, 90, 90, 810.
    const byHand = 2 * (30 * Math.log(30 / 10) + 70 * Math.log(70 / 90) + 70 * Math.log(70 / 90) + 830 * Math.log(830 / 810));
    expect(logLikelihood(30, 100, 70, 900)).toBeCloseTo(byHand, 10);
    expect(byHand).toBeCloseTo(36.0385, 4);
  });

  it('is 0 when the word is as common in both', () => {
    expect(logLikelihood(10, 100, 90, 900)).toBeCloseTo(0, 10);
  });
});

describe('logRatio', () => {
  it('is log2 of the ratio of shares, with a half for a zero', () => {
    expect(logRatio(30, 100, 70, 900)).toBeCloseTo(Math.log2(0.3 / (70 / 900)), 10);
    expect(logRatio(4, 10, 0, 10)).toBeCloseTo(Math.log2(4 / 0.5), 10);
  });
});

describe('logDice', () => {
  it('is 14 + log2(2·3 / (4 + 6)) for 3 together, a node of 4 and a collocate of 6', () => {
    expect(logDice(3, 4, 6)).toBeCloseTo(13.263, 3);
  });

  it('is 14 when the two always come together', () => {
    expect(logDice(5, 5, 5)).toBe(14);
  });
});

const day = (d: number) => ({ publishedAt: `2022-03-${String(10 + d).padStart(2, '0')}T10:00:00+03:30`, jalali: { year: 1400, month: 12, day: 19 + d } });
const football = Array.from({ length: 6 }, (_, i) =>
  articleWith({ id: `f${i}`, title: 'ورزش', body: [i % 2 ? 'تیم ملی فوتبال در ورزشگاه آزادی بازی کرد و بازیکنان گل زدند.' : 'تیم‌های فوتبال باشگاه در ورزشگاه گل زدند و بازیکن تازه آمد.'], ...day(i) }),
);
const economy = Array.from({ length: 12 }, (_, i) => articleWith({ id: `e${i}`, title: 'اقتصاد', body: ['قیمت نفت و دلار در بازار بالا رفت و تیم اقتصادی دولت نشست.'], ...day(i) }));
const engine = SearchEngine.fromArticles([...football, ...economy]);
const terms = (query: string) => {
  const p = parseTermsParams(new URLSearchParams(query));
  return engine.terms(p.search, p.background, p.size);
};

describe('engine.terms', () => {
  it('finds the words of the results, exact, the query’s own words and stop words left out', () => {
    const answer = terms(`q=${encodeURIComponent('فوتبال')}`);
    expect(answer).toMatchObject({ sample: null, results: 6, rest: 12 });
    const words = answer.terms.map((t) => t.term);
    expect(words).toContain('ورزشگاه');
    expect(words).not.toContain('فوتبال');
    expect(words).not.toContain('در');
    expect(words).not.toContain('نفت');
    const stadium = answer.terms.find((t) => t.term === 'ورزشگاه')!;
    expect(stadium).toMatchObject({ inResults: 6, inBackground: 0 });
    expect(stadium.score).toBeCloseTo(Math.round(logLikelihood(6, 6, 0, 12) * 100) / 100, 2);
  });

  it('groups inflected forms under one row, counting an article once whichever form it has', () => {
    const player = terms(`q=${encodeURIComponent('فوتبال')}`).terms.find((t) => t.forms.includes('بازیکنان'));
    expect(player).toMatchObject({ term: 'بازیکن', forms: ['بازیکن', 'بازیکنان'], inResults: 6 });
  });

  it('leaves out a word no more common in the results than elsewhere', () => {
    const answer = terms(`q=${encodeURIComponent('فوتبال')}`);
    expect(answer.terms.find((t) => t.term === 'تیم')).toBeUndefined();
  });

  it('refuses a bad background, naming it', () => {
    expect(() => parseTermsParams(new URLSearchParams('q=x&background=world'))).toThrow(ParamError);
  });
});

describe('engine.collocates', () => {
  it('counts the words within the window of each hit and ranks them by logDice', () => {
    const p = parseCollocatesParams(new URLSearchParams(`q=${encodeURIComponent('گل')}&window=2`));
    const answer = engine.collocates(p.search, p.window, p.size);
    expect(answer.hits).toBe(6);
    const words = answer.collocates.map((c) => c.term);
    expect(words).toContain('ورزشگاه');
    expect(words).not.toContain('نفت');
    expect(words).not.toContain('در');
  });

  it('refuses a window outside 1..10, naming it', () => {
    for (const w of ['0', '11']) {
      try {
        parseCollocatesParams(new URLSearchParams(`q=x&window=${w}`));
        throw new Error('accepted');
      } catch (e) {
        expect((e as ParamError).param).toBe('window');
      }
    }
  });
});

describe('with group=story, terms and collocates count one article per story', () => {
  // One wire story run by five sources (copies 0..4), and two articles of their own.
  const wire = 'خبرگزاری گزارش داد که سیل در استان گلستان روستاها را ویران کرد و امدادگران رسیدند.';
  const copies = Array.from({ length: 5 }, (_, i) => articleWith({ id: `w${i}`, title: 'سیل', source: `منبع ${i}`, body: [wire], ...day(i) }));
  const own = [
    articleWith({ id: 'o1', title: 'سیل', body: ['سیل در مازندران پل را شکست و مردم کمک خواستند.'], ...day(6) }),
    articleWith({ id: 'o2', title: 'سیل', body: ['سیل در خوزستان مزرعه را برد و کشاورزان کمک خواستند.'], ...day(7) }),
  ];
  const rest = Array.from({ length: 6 }, (_, i) => articleWith({ id: `r${i}`, title: 'بازار', body: ['قیمت نفت در بازار بالا رفت.'], ...day(i) }));
  const all = [...copies, ...own, ...rest];
  const docOf = (id: string) => all.findIndex((a) => a.id === id);
  const stories = storyTable([{ id: 'w0', members: copies.map((a) => a.id) }], all.length, docOf);
  const grouped = SearchEngine.fromArticles(all, { stories });
  const ask = (query: string) => {
    const p = parseTermsParams(new URLSearchParams(query));
    return grouped.terms(p.search, p.background, p.size);
  };

  it('counts the five copies of the story as one result and one article of «گلستان»', () => {
    const flat = ask(`q=${encodeURIComponent('سیل')}`);
    expect(flat.results).toBe(7);
    // Without grouping the wire story's words lead, each «in 5 of 7 results».
    expect(flat.terms.find((t) => t.term === 'گلستان')).toMatchObject({ inResults: 5, inBackground: 0 });
    const byStory = ask(`q=${encodeURIComponent('سیل')}&group=story`);
    expect(byStory).toMatchObject({ results: 3, rest: 6 });
    // Grouped, «گلستان» is in one story of three, under MIN_ARTICLES: not listed however many copies ran it.
    expect(byStory.terms.find((t) => t.term === 'گلستان')).toBeUndefined();
    expect(byStory.terms.every((t) => t.inResults <= 3)).toBe(true);
  });

  it('counts the story’s words around «سیل» once in the collocates', () => {
    const p = parseCollocatesParams(new URLSearchParams(`q=${encodeURIComponent('سیل')}&window=3&group=story`));
    const byStory = grouped.collocates(p.search, p.window, p.size);
    const flat = grouped.collocates(parseCollocatesParams(new URLSearchParams(`q=${encodeURIComponent('سیل')}&window=3`)).search, 3, 30);
    // Hits: the title and body of 3 stories, not of 7 articles.
    expect(flat.hits).toBe(14);
    expect(byStory.hits).toBe(6);
    expect(flat.collocates.find((c) => c.term === 'گلستان')?.count).toBe(5);
    expect(byStory.collocates.find((c) => c.term === 'گلستان')).toBeUndefined(); // once: under MIN_TOGETHER
  });
});

describe('with group=story, a story has a word when any of its copies has it', () => {
  // Three stories of two copies: the earlier copy a short item, the later one adding «امدادگران» and «زلزله».
  // «امدادگران» is also in three articles of their own, and six more articles have neither.
  const stories = [0, 1, 2].flatMap((k) => [
    articleWith({ id: `s${k}a`, title: 'خبر', body: ['باران در استان ادامه دارد.'], publishedAt: `2024-0${k + 1}-01T08:00:00Z` }),
    articleWith({ id: `s${k}b`, title: 'خبر', body: ['باران در استان ادامه دارد و زلزله آمد و امدادگران رسیدند.'], publishedAt: `2024-0${k + 1}-02T08:00:00Z` }),
  ]);
  const own = [0, 1, 2].map((k) => articleWith({ id: `o${k}`, title: 'گزارش', body: ['امدادگران در جاده کار کردند.'] }));
  const filler = Array.from({ length: 6 }, (_, k) => articleWith({ id: `f${k}`, title: 'بازار', body: ['قیمت نفت بالا رفت.'] }));
  const all = [...stories, ...own, ...filler];
  const docOf = (id: string) => all.findIndex((a) => a.id === id);
  const table = storyTable([0, 1, 2].map((k) => ({ id: `s${k}a`, members: [`s${k}a`, `s${k}b`] })), all.length, docOf);
  const engine = SearchEngine.fromArticles(all, { stories: table });

  it('counts «امدادگران» in the background of the three stories whose earlier copy lacks it, never fewer than in the results', () => {
    const p = parseTermsParams(new URLSearchParams(`q=${encodeURIComponent('زلزله')}&group=story&background=all`));
    const answer = engine.terms(p.search, p.background, p.size);
    // 3 stories matched; the rest of the archive is 3 articles of their own and 6 fillers: 12 units in all.
    expect(answer).toMatchObject({ results: 3, rest: 9 });
    // Outside the results «امدادگران» is in the 3 articles of their own (not 0, as when each story was read as its earlier copy).
    expect(answer.terms.find((t) => t.term === 'امدادگران')).toMatchObject({ inResults: 3, inBackground: 3 });
  });
});
