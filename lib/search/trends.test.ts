// A trend's counts and its denominator: the engine's own matches per period,
// and the archive's articles per period under the same non-query filters.
import { describe, expect, it } from 'vitest';
import type { Article, JalaliDate } from '../types';
import { articleWith } from '../article';
import { storyTable } from '../stories/table';
import { SearchEngine } from './engine';
import { parseTrendsParams } from './params';
import { isUncertain, MIN_ARTICLES, parseTrendsRequest, shareOf, trendRows, trends, trendsBySource } from './trends';

const on = (id: string, title: string, source: string, jalali: JalaliDate | null, tags: string[] = []): Article =>
  articleWith({ id, title, body: [title + '.'], source, jalali, tags });

const archive = [
  on('a', 'سیل در خوزستان', 'ایرنا', { year: 1384, month: 1, day: 5 }, ['حوادث']),
  on('b', 'سیل در گلستان', 'ایسنا', { year: 1384, month: 1, day: 20 }, ['حوادث']),
  on('c', 'زلزله در بم', 'ایرنا', { year: 1384, month: 3, day: 1 }, ['حوادث']),
  on('d', 'نمایشگاه کتاب تهران', 'ایسنا', { year: 1384, month: 3, day: 9 }, ['فرهنگ']),
  on('e', 'سیل در سیستان', 'ایرنا', null, ['حوادث']),
  on('f', 'زلزله و سیل در کرمان', 'همشهری', { year: 1385, month: 2, day: 2 }),
];
const engine = SearchEngine.fromArticles(archive);
const run = (query: string) => trends(engine, parseTrendsParams(new URLSearchParams(query)));
const q = (...words: string[]) => words.map((w) => `q=${encodeURIComponent(w)}`).join('&');

describe('trends', () => {
  it('spans the dated archive by month when no range is asked, an empty month a period of total 0', () => {
    const r = run(`${q('سیل')}&interval=month`);
    expect(r.interval).toBe('month');
    expect(r.periods.map((p) => p.key)).toEqual(['1384-01', '1384-02', '1384-03', '1384-04', '1384-05', '1384-06', '1384-07', '1384-08', '1384-09', '1384-10', '1384-11', '1384-12', '1385-01', '1385-02']);
    expect(r.periods[0]).toMatchObject({ label: 'فروردین ۱۳۸۴', start: '1384-01-05', end: '1384-01-31', total: 2 });
    expect(r.periods[1].total).toBe(0);
    expect(r.periods.at(-1)).toMatchObject({ key: '1385-02', start: '1385-02-01', end: '1385-02-02', total: 1 });
  });

  it('counts each query per period, the undated match apart, never spread', () => {
    const r = run(`${q('سیل', 'زلزله')}&interval=year`);
    expect(r.periods.map((p) => [p.key, p.total])).toEqual([['1384', 4], ['1385', 1]]);
    expect(r.series).toEqual([
      { q: 'سیل', counts: [2, 1], matched: 4, undated: 1 },
      { q: 'زلزله', counts: [1, 1], matched: 2, undated: 0 },
    ]);
  });

  it('takes the denominator under a source filter, not the whole archive', () => {
    const r = run(`${q('سیل')}&interval=year&source=${encodeURIComponent('ایرنا')}`);
    expect(r.periods.map((p) => [p.key, p.total])).toEqual([['1384', 2]]);
    expect(r.series[0]).toMatchObject({ counts: [1], matched: 2, undated: 1 });
  });

  it('takes the denominator under a tag filter', () => {
    const r = run(`${q('سیل')}&interval=year&from=1384&to=1385&tag=${encodeURIComponent('حوادث')}`);
    expect(r.periods.map((p) => [p.key, p.total])).toEqual([['1384', 3], ['1385', 0]]);
    expect(r.series[0].counts).toEqual([2, 0]);
  });

  it('takes the range and the denominator from from/to, undated articles left out as in a search', () => {
    const r = run(`${q('سیل')}&interval=month&from=1384-03&to=1384-04`);
    expect(r.periods.map((p) => [p.key, p.total])).toEqual([['1384-03', 2], ['1384-04', 0]]);
    expect(r.series[0]).toMatchObject({ counts: [0, 0], matched: 0, undated: 0 });
    expect(run(`${q('سیل')}&from=1384-03&to=1384-04&undated=include`).series[0].undated).toBe(1);
  });

  it('chooses the interval from the range when none is asked', () => {
    expect(run(`${q('سیل')}&from=1384&to=1384`).interval).toBe('week');
    expect(run(q('سیل')).interval).toBe('month');
    expect(run(`${q('سیل')}&from=1370&to=1385`).interval).toBe('year');
  });

  it('counts the unfiltered totals of a timeline once per engine, and never keeps filtered ones', () => {
    const totals = (query: string) => engine.periodTotals(parseTrendsParams(new URLSearchParams(`${q('سیل')}&${query}`)).filters, 'week').totals;
    expect(totals('from=1384')).toBe(totals('from=1384'));
    expect(Array.from(totals('from=1384')).reduce((s, n) => s + n, 0)).toBe(5);
    const iran = `source=${encodeURIComponent('ایرنا')}`;
    expect(totals(iran)).not.toBe(totals(iran));
    expect(totals(iran)).toEqual(totals(iran));
  });

  it('names the query that is too costly among the others', () => {
    const strict = SearchEngine.fromArticles([on('x', 'سیل در خوزستان', 'ایرنا', { year: 1384, month: 1, day: 5 })], { maxQueryCost: 1 });
    expect(() => trends(strict, parseTrendsParams(new URLSearchParams(q('سیل', '"سیل در خوزستان"'))))).toThrow(/^q: query 2: the query asks for too much work/);
  });

  it('answers an archive without dates with no periods and every match undated', () => {
    const bare = SearchEngine.fromArticles([on('x', 'سیل', 'ایرنا', null)]);
    expect(trends(bare, parseTrendsParams(new URLSearchParams(q('سیل'))))).toEqual({ interval: 'year', count: 'articles', periods: [], series: [{ q: 'سیل', counts: [], matched: 1, undated: 1 }] });
  });
});

describe('trends with count=stories', () => {
  // One wire story: ایرنا and ایسنا in Farvardin 1384 and a copy in همشهری a year on; «سیل در سیستان» alone, undated.
  const wired = SearchEngine.fromArticles(archive, {
    stories: storyTable([{ id: 'a', members: ['a', 'b', 'f'] }], archive.length, (id) => archive.findIndex((a) => a.id === id)),
  });
  const stories = (query: string) => trends(wired, parseTrendsParams(new URLSearchParams(query)));

  it('counts a story once in a period however many of its copies fall there, and says it counts stories', () => {
    const r = stories(`${q('سیل')}&interval=year&count=stories`);
    expect(r.count).toBe('stories');
    // 1384: the story (a, b) and nothing else dated; 1385: the story's copy f.
    expect(r.series[0]).toEqual({ q: 'سیل', counts: [1, 1], matched: 2, undated: 1 });
  });

  it('takes the denominator in stories too: each period counts its stories, not its articles', () => {
    const r = stories(`${q('سیل')}&interval=year&count=stories`);
    // 1384 holds a, b (one story), c, d: 3 units of 4 articles; 1385 holds f, a copy of the same story.
    expect(r.periods.map((p) => [p.key, p.total])).toEqual([['1384', 3], ['1385', 1]]);
  });

  it('keeps counting articles without count, as the API always has', () => {
    const r = stories(`${q('سیل')}&interval=year`);
    expect(r.count).toBe('articles');
    expect(r.series[0]).toEqual({ q: 'سیل', counts: [2, 1], matched: 4, undated: 1 });
    expect(r.periods.map((p) => p.total)).toEqual([4, 1]);
  });

  it('refuses a count that is neither, naming the parameter', () => {
    expect(() => stories(`${q('سیل')}&count=copies`)).toThrow(/^count: /);
  });
});

describe('parseTrendsRequest: how the trend is drawn', () => {
  const parse = (query: string) => parseTrendsRequest(new URLSearchParams(`${q('سیل')}&${query}`));

  it('draws the share, raw, on the Jalali calendar, all queries together, unless asked otherwise', () => {
    expect(parse('')).toMatchObject({ measure: 'share', smooth: 0, labels: 'jalali', view: 'time' });
    expect(parse('measure=count&smooth=3&labels=gregorian&view=source')).toMatchObject({ measure: 'count', smooth: 3, labels: 'gregorian', view: 'source' });
  });

  it('refuses a value it does not know, naming the parameter', () => {
    for (const [query, param] of [['measure=percent', 'measure'], ['smooth=5', 'smooth'], ['smooth=yes', 'smooth'], ['labels=hijri', 'labels'], ['view=tags', 'view']]) {
      expect(() => parse(query)).toThrow(new RegExp(`^${param}: expected`));
    }
  });
});

describe('shares and their certainty', () => {
  it('is no share at all where the period holds no article', () => {
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(3, 12)).toBe(0.25);
  });

  it('calls a share uncertain when it rests on fewer than 20 articles', () => {
    expect(MIN_ARTICLES).toBe(20);
    expect([isUncertain(19), isUncertain(20), isUncertain(0)]).toEqual([true, false, false]);
  });
});

describe('trendRows', () => {
  it('writes one row per period and query, period by period, with the share beside the raw count', () => {
    const rows = trendRows(run(`${q('سیل', 'زلزله')}&interval=year`));
    expect(rows.map((r) => [r.period, r.q, r.count, r.total])).toEqual([
      ['1384', 'سیل', 2, 4],
      ['1384', 'زلزله', 1, 4],
      ['1385', 'سیل', 1, 1],
      ['1385', 'زلزله', 1, 1],
    ]);
    expect(rows[0]).toMatchObject({ label: '۱۳۸۴', start: '1384-01-05', startIso: '2005-03-25', share: 0.5, uncertain: true });
  });

  it('writes a period without articles with no share, not 0', () => {
    const rows = trendRows(run(`${q('سیل')}&interval=month&from=1384-01&to=1384-02`));
    expect(rows[1]).toMatchObject({ period: '1384-02', count: 0, total: 0, share: null, uncertain: false });
  });
});

describe('trendsBySource', () => {
  it('splits the queries by the sources with most dated matches, each over that source\'s own articles', () => {
    const params = parseTrendsParams(new URLSearchParams(`${q('سیل', 'زلزله')}&interval=year`));
    const whole = trends(engine, params);
    const split = trendsBySource(engine, params, whole);
    // ایرنا's undated «سیل در سیستان» is in no period: it does not rank the source.
    expect(split.map((s) => [s.source, s.matched])).toEqual([['ایرنا', 2], ['همشهری', 2], ['ایسنا', 1]]);
    const irna = split[0].trend;
    expect(irna.periods.map((p) => [p.key, p.total])).toEqual([['1384', 2], ['1385', 0]]);
    expect(irna.series.map((s) => s.counts)).toEqual([[1, 0], [1, 0]]);
  });

  it('keeps every split on the whole trend\'s periods, so the small charts share one time axis', () => {
    const params = parseTrendsParams(new URLSearchParams(`${q('سیل')}&interval=month`));
    const whole = trends(engine, params);
    for (const { trend } of trendsBySource(engine, params, whole)) expect(trend.periods.map((p) => p.key)).toEqual(whole.periods.map((p) => p.key));
  });

  it('splits only among the selected sources under a source filter', () => {
    const params = parseTrendsParams(new URLSearchParams(`${q('سیل')}&interval=year&source=${encodeURIComponent('ایسنا')}`));
    expect(trendsBySource(engine, params, trends(engine, params)).map((s) => s.source)).toEqual(['ایسنا']);
  });
});
