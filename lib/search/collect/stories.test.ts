import { describe, expect, it } from 'vitest';
import type { Article, JalaliDate } from '../../types';
import { detectStories } from '../../stories/detect';
import { storyTable } from '../../stories/table';
import { SearchEngine } from '../engine';
import { parseSearchParams } from '../params';
import { Timeline } from './periods';
import { concordance } from '../present/concordance';
import { parseConcordanceParams } from '../present/concordance-params';

// One IRNA story republished twice (ISNA with a new title, Mashregh with its last
// third cut, so without «کمیسیون»), a sports story run by two outlets, and two
// articles on the same topic as the first story but in other words.
const wire =
  'وزیر امور خارجه ایران روز دوشنبه در دیدار با همتای ترکیه‌ای خود درباره همکاری‌های اقتصادی دو کشور و گسترش مبادلات تجاری در مرزهای مشترک گفت‌وگو کرد و دو طرف بر لزوم اجرای توافق‌های پیشین در حوزه انرژی حمل و نقل و گردشگری تاکید کردند و قرار شد کمیسیون مشترک اقتصادی دو کشور در ماه آینده در تهران برگزار شود تا موانع پیش روی تجارت دو جانبه بررسی شود';
const sport =
  'تیم ملی فوتبال کشورمان در دیدار دوستانه برابر حریف آسیایی خود با نتیجه دو بر یک به پیروزی رسید و سرمربی تیم پس از بازی از عملکرد بازیکنان جوان ابراز رضایت کرد و گفت برنامه اردوهای آماده‌سازی تا پایان فصل ادامه خواهد داشت و بازیکنان لژیونر نیز به زودی به اردو اضافه می‌شوند تا تیم برای رقابت‌های مقدماتی جام جهانی آماده شود و وزیر ورزش نیز از تیم قدردانی کرد';
const cut = wire.split(' ').slice(0, 47).join(' ');

function article(id: string, source: string, title: string, body: string, jalali: JalaliDate | null, tags: string[] = []): Article {
  // Gregorian days in the Jalali days' order (1401-12 falls in March 2023, 1402-03 in May-June).
  const publishedAt = jalali ? new Date(Date.UTC(2023, 2, 21) + ((jalali.year - 1402) * 365 + (jalali.month - 1) * 31 + jalali.day - 1) * 86_400_000).toISOString() : null;
  return { id, title, body: [body], jalali, publishedAt, source, tags, url: null, dateline: null, agency: null, category: null };
}

const day = (year: number, month: number, d: number): JalaliDate => ({ year, month, day: d });
const articles: Article[] = [
  article('irna-1', 'ایرنا', 'گفت‌وگوی وزیران خارجه ایران و ترکیه', wire, day(1402, 3, 1), ['سیاست']),
  article('isna-1', 'ایسنا', 'دیدار وزیر امور خارجه با همتای ترکیه‌ای', wire, day(1402, 3, 2), ['دیپلماسی']),
  article('mashregh-1', 'مشرق', 'همکاری‌های اقتصادی تهران و آنکارا', cut, day(1402, 3, 3)),
  article('varzesh-1', 'ورزش سه', 'پیروزی تیم ملی در دیدار دوستانه', sport, day(1402, 4, 1)),
  article('isna-2', 'ایسنا', 'برد تیم ملی فوتبال', sport, day(1402, 4, 2)),
  article('tasnim-1', 'تسنیم', 'سفر وزیر خارجه به آنکارا', 'وزیر امور خارجه ایران برای دیدار با رئیس جمهور ترکیه به آنکارا رفت و درباره کمیسیون مشترک سخن گفت.', day(1401, 12, 20)),
  article('mehr-1', 'مهر', 'وزیر خارجه در آنکارا', 'وزیر امور خارجه پس از دیدار با مقام‌های ترکیه به تهران بازگشت.', day(1402, 3, 5)),
];

const detected = detectStories(articles.map((a) => ({ id: a.id, body: a.body.join('\n'), source: a.source, publishedAt: a.publishedAt }))).stories;
const stories = storyTable(detected, articles.length, (id) => articles.findIndex((a) => a.id === id));
const engine = SearchEngine.fromArticles(articles, { stories });
const plain = SearchEngine.fromArticles(articles);
const search = (query: Record<string, string | string[]>, e = engine) => e.search(parseSearchParams(query));
const ids = (query: Record<string, string | string[]>) => search(query).results.map((r) => r.id);

describe('the stories the tests search over', () => {
  it('are the IRNA story with its two copies and the sports story with its one', () => {
    expect(detected).toEqual([
      { id: 'irna-1', members: ['irna-1', 'isna-1', 'mashregh-1'] },
      { id: 'varzesh-1', members: ['varzesh-1', 'isna-2'] },
    ]);
  });
});

describe('group=none (the API default)', () => {
  it('answers as an engine without stories does: the same total, results, order and facets', () => {
    const queries: Record<string, string>[] = [{ q: 'وزیر خارجه' }, { q: 'دیدار', source: 'ایسنا' }, { q: 'دیدار', sort: 'oldest', page: '2', size: '2' }, { q: '' }];
    for (const query of queries) {
      const { tookMs: _a, results: grouped, ...rest } = search(query);
      const { tookMs: _b, results: flat, ...restPlain } = search(query, plain);
      expect(rest.total).toBe(restPlain.total);
      expect(rest.facets).toEqual(restPlain.facets);
      expect(grouped.map(({ story: _s, ...r }) => r)).toEqual(flat.map(({ story: _s, ...r }) => r));
    }
  });

  it('lists every matching copy, each with its story, and counts the stories beside the articles', () => {
    const r = search({ q: 'وزیر خارجه' });
    expect(r.results.map((x) => x.id).sort()).toEqual(['irna-1', 'isna-1', 'mashregh-1', 'mehr-1', 'tasnim-1']);
    expect(r.total).toBe(5);
    expect(r.stories).toBe(3);
    expect(r.results.find((x) => x.id === 'mashregh-1')!.story).toEqual({ id: 'irna-1', copies: 3, matching: 3 });
    expect(r.results.find((x) => x.id === 'tasnim-1')!.story).toBeNull();
  });

  it('counts as matching only the copies the search finds: the cut copy lacks «کمیسیون»', () => {
    const r = search({ q: 'کمیسیون' });
    expect(r.results.find((x) => x.id === 'irna-1')!.story).toEqual({ id: 'irna-1', copies: 3, matching: 2 });
  });
});

describe('group=story: one result per story', () => {
  it('shows a story once, beside the articles in no story', () => {
    const r = search({ q: 'وزیر خارجه', group: 'story' });
    expect(r.results).toHaveLength(3);
    expect(r.stories).toBe(3);
    expect(r.total).toBe(5);
    const story = r.results.filter((x) => x.story !== null);
    expect(story).toHaveLength(1);
    expect(story[0].story).toEqual({ id: 'irna-1', copies: 3, matching: 3 });
  });

  it('shows the copy that ranks best in the order asked: the newest, the oldest, the best scored', () => {
    expect(ids({ q: 'وزیر خارجه', group: 'story', sort: 'newest' })).toEqual(['mehr-1', 'mashregh-1', 'tasnim-1']);
    expect(ids({ q: 'وزیر خارجه', group: 'story', sort: 'oldest' })).toEqual(['tasnim-1', 'irna-1', 'mehr-1']);
    const flat = ids({ q: 'وزیر خارجه ترکیه' });
    const shown = ids({ q: 'وزیر خارجه ترکیه', group: 'story' });
    const story = ['irna-1', 'isna-1', 'mashregh-1'];
    expect(shown.filter((id) => story.includes(id))).toEqual([flat.find((id) => story.includes(id))]);
    // Stories keep the order of their best copies.
    expect(shown).toEqual(flat.filter((id, i) => !story.includes(id) || flat.findIndex((x) => story.includes(x)) === i));
  });

  it('does not show a copy that fails a filter: a date filter on the third day shows the cut copy', () => {
    expect(ids({ q: 'وزیر خارجه', group: 'story', from: '1402-03-03', to: '1402-03-03' })).toEqual(['mashregh-1']);
  });

  it('pages over stories exactly: every story once, none lost between pages', () => {
    const all = ids({ q: 'دیدار', group: 'story', sort: 'oldest', size: '100' });
    expect(all).toEqual(['tasnim-1', 'irna-1', 'mehr-1', 'varzesh-1']);
    const paged = [1, 2, 3, 4].flatMap((page) => ids({ q: 'دیدار', group: 'story', sort: 'oldest', size: '1', page: String(page) }));
    expect(paged).toEqual(all);
    expect(ids({ q: 'دیدار', group: 'story', size: '3', page: '2' })).toHaveLength(1);
  });

  it('keeps a story when any copy is from the filtered source, even one the query does not match', () => {
    // Mashregh's copy was cut before «کمیسیون»: per article it is not found, per story it is.
    expect(search({ q: 'کمیسیون', source: 'مشرق' }).total).toBe(0);
    const r = search({ q: 'کمیسیون', source: 'مشرق', group: 'story' });
    expect(r.results.map((x) => x.id)).toHaveLength(1);
    expect(r.results[0].story).toEqual({ id: 'irna-1', copies: 3, matching: 2 });
  });

  it('does not keep a story no copy of which is from the filtered source', () => {
    expect(ids({ q: 'کمیسیون', source: 'ورزش سه', group: 'story' })).toEqual([]);
    expect(ids({ q: 'کمیسیون', source: 'تسنیم', group: 'story' })).toEqual(['tasnim-1']);
  });

  it('counts in the source facet every outlet with a copy of a kept story, so a value gives what it counts', () => {
    const r = search({ q: 'کمیسیون', group: 'story', count: 'stories' });
    expect(r.facets.sources).toEqual([
      { value: 'ایرنا', count: 1 },
      { value: 'ایسنا', count: 1 },
      { value: 'تسنیم', count: 1 },
      { value: 'مشرق', count: 1 },
    ]);
    for (const { value, count } of r.facets.sources) expect(search({ q: 'کمیسیون', group: 'story', source: value }).stories).toBe(count);
  });
});

describe('count=stories: facets count distinct stories', () => {
  it('counts a story once in a year however many of its copies are in it', () => {
    const byArticles = search({ q: 'وزیر خارجه' }).facets.jalaliYears;
    const byStories = search({ q: 'وزیر خارجه', count: 'stories' }).facets.jalaliYears;
    expect(byArticles).toEqual([{ year: 1401, count: 1 }, { year: 1402, count: 4 }]);
    expect(byStories).toEqual([{ year: 1401, count: 1 }, { year: 1402, count: 2 }]);
  });

  it('counts a source once per story, and each story under every source that has a matching copy', () => {
    const sources = search({ q: 'دیدار', count: 'stories' }).facets.sources;
    // ایسنا ran a copy of both stories: two stories, as it has two articles.
    expect(sources.find((s) => s.value === 'ایسنا')!.count).toBe(2);
    expect(search({ q: 'دیدار', count: 'stories', source: 'ایسنا' }).stories).toBe(2);
  });

  it('counts the months of a story once, and the stories counted by count() too', () => {
    const months = search({ q: 'وزیر خارجه', count: 'stories' }).facets.jalaliMonths;
    expect(months).toContainEqual({ year: 1402, month: 3, count: 2 });
    expect(engine.count(parseSearchParams({ q: 'وزیر خارجه', count: 'stories' }))).toBe(3);
    expect(engine.count(parseSearchParams({ q: 'وزیر خارجه' }))).toBe(5);
  });

  it('counts tags per story under group=story, each copy bringing its own', () => {
    const tags = search({ q: 'وزیر خارجه', group: 'story', count: 'stories' }).facets.tags;
    expect(tags).toEqual([
      { value: 'دیپلماسی', count: 1 },
      { value: 'سیاست', count: 1 },
    ]);
  });

  it('counts a story once in each timeline period it has a match in', () => {
    const params = parseSearchParams({ q: 'وزیر خارجه', count: 'stories' });
    const { timeline } = engine.periodTotals(params, 'month');
    const counted = engine.query(params, { periods: timeline! }).periods!;
    const articlesCounted = engine.query(parseSearchParams({ q: 'وزیر خارجه' }), { periods: timeline! }).periods!;
    const slot = timeline!.periods.findIndex((p) => p.key === '1402-03');
    expect(counted.counts[slot]).toBe(2);
    expect(articlesCounted.counts[slot]).toBe(4);
    expect(timeline).toBeInstanceOf(Timeline);
  });
});

describe('exports', () => {
  it('give one row per story with group=story, and every copy otherwise', () => {
    const one = engine.exportable(parseSearchParams({ q: 'وزیر خارجه', group: 'story' }));
    const all = engine.exportable(parseSearchParams({ q: 'وزیر خارجه' }));
    expect(one.total).toBe(3);
    expect(all.total).toBe(5);
    const rows = [...all.rows];
    expect(rows.map((a) => all.storyOf(a)).filter(Boolean)).toEqual(['irna-1', 'irna-1', 'irna-1']);
  });
});

describe('the article page', () => {
  it('lists the other copies, the earliest first and marked, and what this copy left out', () => {
    const page = engine.article('mashregh-1')!;
    expect(page.story!.copies.map((c) => [c.id, c.source, c.earliest, c.current])).toEqual([
      ['irna-1', 'ایرنا', true, false],
      ['isna-1', 'ایسنا', false, false],
      ['mashregh-1', 'مشرق', false, true],
    ]);
    const diff = page.story!.diff!;
    expect(diff.added).toBe(0);
    expect(diff.removed).toBe(wire.split(' ').length - 47);
    expect(diff.passages[0].parts.at(-1)).toMatchObject({ kind: 'removed' });
    expect(diff.passages[0].parts.at(-1)!.text).toContain('کمیسیون');
  });

  it('has no diff on the earliest copy, and no story on an article in none', () => {
    expect(engine.article('irna-1')!.story!.diff).toBeNull();
    expect(engine.article('tasnim-1')!.story).toBeUndefined();
  });
});

describe('the concordance with group=story: one copy of each story read', () => {
  const kwic = (query: string) => concordance(engine, parseConcordanceParams(new URLSearchParams(query)));
  const q = `q=${encodeURIComponent('کمیسیون')}`;

  it('lists the hits of every copy without grouping (IRNA and ISNA; Mashregh cut the sentence)', () => {
    const r = kwic(q);
    expect(r).toMatchObject({ total: 3, articles: 3, group: 'none', otherCopies: 0 });
    expect(r.lines.map((l) => l.id)).toEqual(['tasnim-1', 'irna-1', 'isna-1']);
  });

  it('reads the IRNA story once with grouping and says how many copies it left out', () => {
    const r = kwic(`${q}&group=story`);
    expect(r).toMatchObject({ total: 2, articles: 2, group: 'story', otherCopies: 1 });
    expect(r.lines.map((l) => l.id)).toEqual(['tasnim-1', 'irna-1']);
  });

  it('reads a phrase once per story, and keeps an article in no story', () => {
    // «وزیر ورزش» is only in the sports story's text: both copies match, the earliest is read.
    const r = kwic(`q=${encodeURIComponent('"وزیر ورزش"')}&group=story`);
    expect(r).toMatchObject({ total: 1, articles: 1, otherCopies: 1 });
    expect(r.lines.map((l) => l.id)).toEqual(['varzesh-1']);
    expect(kwic(`q=${encodeURIComponent('بازگشت')}&group=story`)).toMatchObject({ total: 1, articles: 1, otherCopies: 0 });
  });

  it('takes group=story as the page default, and group=none when the page asks for it', () => {
    expect(parseConcordanceParams(new URLSearchParams(q), { page: true }).search.group).toBe('story');
    expect(parseConcordanceParams(new URLSearchParams(q)).search.group).toBe('none');
    const chosen = parseConcordanceParams(new URLSearchParams(`${q}&group=none`), { page: true });
    expect(chosen.search.group).toBe('none');
    expect(chosen.state.group).toBe('none');
    expect(parseConcordanceParams(new URLSearchParams(q), { page: true }).state.group).toBeUndefined();
  });
});
