// The HTTP contract of /api/search and /api/articles/<id>, exercised through the
// route handlers over an index built from articles written here.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, ArticleResponse, HealthResponse, SearchResponse, TrendsResponse } from '@/lib/types';
import { buildIndex } from '@/index-builder/build';
import { GET as searchRoute } from './search/route';
import { GET as articleRoute } from './articles/[id]/route';
import { GET as healthRoute } from './health/route';
import { GET as trendsRoute } from './trends/route';
import { articleHref } from '@/lib/ui/href';

const library = `افتتاح تالار تازه کتابخانه ملی
کد خبر 900001
تاریخ انتشار: ۱۵ خرداد ۱۴۰۲ - ۱۰:۳۰

تهران - ایسنا- تالار تازه کتابخانه ملی امروز گشایش یافت.

این تالار ۲۰۰ هزار کتاب را در خود جای می‌دهد.

منبع: ایسنا

برچسبها: کتابخانه ملی، فرهنگ
`;

const archive = [
  { id: 'old-1', title: 'بازديد از كتابخانه ملي', body: 'گروهي از دانشجويان از كتابخانه ملي ديدن كردند.', date: '2006-07-03', date_jalali: '1385/04/12', source: 'همشهری', category: null, tags: [], url: 'https://example.ir/old-1' },
  { id: 'old-2', title: 'بازار ميوه', body: 'قيمت\u00a0ها كاهش يافت.', date: null, date_jalali: null, source: 'همشهری', category: null, tags: ['اقتصاد'], url: null },
  // Ids a URL would take for a directory step, and one that looks like their escape.
  { id: '..', title: 'رصد ستاره دنباله‌دار', body: 'ستاره دنباله‌دار امشب دیده می‌شود.', date: '2006-07-04', date_jalali: '1385/04/13', source: 'همشهری', category: null, tags: [], url: null },
  { id: '~..', title: 'رصد ماه گرفتگی', body: 'ماه گرفتگی امشب دیده می‌شود.', date: '2006-07-04', date_jalali: '1385/04/13', source: 'همشهری', category: null, tags: [], url: null },
];

async function get<T>(handler: (req: NextRequest, ctx: never) => Promise<Response>, url: string, ctx?: unknown) {
  const res = await handler(new NextRequest(new URL(url, 'http://localhost')), ctx as never);
  return { status: res.status, body: (await res.json()) as T };
}
const search = (query: string) => get<SearchResponse & ApiError>(searchRoute, `/api/search?${query}`);
const trends = (query: string) => get<TrendsResponse & ApiError>(trendsRoute, `/api/trends?${query}`);
const article = (id: string, query = '') =>
  get<ArticleResponse & ApiError>(articleRoute, `/api/articles/${encodeURIComponent(id)}?${query}`, { params: Promise.resolve({ id }) });

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kavosh-contract-'));
  await mkdir(path.join(dir, 'in'));
  await writeFile(path.join(dir, 'in', '900001.txt'), library);
  await writeFile(path.join(dir, 'in', 'archive.jsonl'), archive.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await buildIndex({ inputs: [path.join(dir, 'in')], out: path.join(dir, 'index') });
  process.env.SEARCH_INDEX_DIR = path.join(dir, 'index');
});

describe('GET /api/search', () => {
  it('answers the contract shape', async () => {
    const { status, body } = await search('q=کتابخانه');
    expect(status).toBe(200);
    // Stories added `stories`, `group` and `count` beside the older keys, and `story` on a result.
    expect(Object.keys(body).sort()).toEqual(['count', 'facets', 'group', 'page', 'query', 'results', 'size', 'stories', 'suggestions', 'tookMs', 'total', 'unmatched']);
    expect(Object.keys(body.results[0]).sort()).toEqual(
      ['id', 'jalaliDate', 'publishedAt', 'snippets', 'source', 'story', 'tags', 'title', 'url'].sort(),
    );
    expect(Object.keys(body.facets).sort()).toEqual(['jalaliMonths', 'jalaliYears', 'sourceValues', 'sources', 'tagValues', 'tags', 'undated']);
  });

  it('counts the undated matches a date filter leaves out, and keeps them with undated=include', async () => {
    const q = `q=${encodeURIComponent('بازار')}&from=1385`;
    const left = (await search(q)).body;
    expect(left.total).toBe(0);
    expect(left.facets.undated).toBe(1);
    const kept = (await search(`${q}&undated=include`)).body;
    expect(kept.results.map((r) => r.id)).toEqual(['old-2']);
  });

  it('says how many sources and tags the matches have, and lists them all with more', async () => {
    const { body } = await search('q=&more=tag');
    expect(body.facets).toMatchObject({ sourceValues: 2, tagValues: 3 });
    expect(body.facets.tags.map((t) => t.value).sort()).toEqual(['اقتصاد', 'فرهنگ', 'کتابخانه ملی'].sort());
  });

  it('finds the old Arabic spelling and the new Persian one with either query', async () => {
    for (const q of ['کتابخانه ملی', 'كتابخانه ملي']) {
      const { body } = await search(`q=${encodeURIComponent(q)}`);
      expect(body.total).toBe(2);
      expect(body.results.map((r) => r.id).sort()).toEqual(['900001', 'old-1']);
    }
  });

  it('returns snippets whose segments join to an exact substring of a paragraph', async () => {
    const { body } = await search(`q=${encodeURIComponent('کتابخانه ملی')}`);
    const old = body.results.find((r) => r.id === 'old-1')!;
    const text = old.snippets[0].map((s) => s.text).join('');
    expect(archive[0].body).toContain(text);
    expect(old.snippets[0].filter((s) => s.hit).map((s) => s.text)).toEqual(['كتابخانه', 'ملي']);
  });

  it('gives the Jalali date key and the Tehran-offset instant', async () => {
    const r = (await search(`q=${encodeURIComponent('تالار')}`)).body.results[0];
    expect(r.jalaliDate).toBe('1402-03-15');
    expect(r.publishedAt).toBe('2023-06-05T10:30:00+03:30');
  });

  it('filters by Jalali year and counts years over all matches', async () => {
    const { body } = await search(`q=${encodeURIComponent('کتابخانه')}&from=1385&to=1385`);
    expect(body.results.map((r) => r.id)).toEqual(['old-1']);
    expect(body.facets.jalaliYears).toEqual([
      { year: 1385, count: 1 },
      { year: 1402, count: 1 },
    ]);
    expect(body.facets.jalaliMonths).toEqual([{ year: 1385, month: 4, count: 1 }]);
  });

  it('answers 400 with the error contract for a bad parameter', async () => {
    for (const query of ['size=500', 'from=1400-13', 'sort=best', 'page=abc', 'to=1400-12-30', 'undated=all', 'more=category']) {
      const { status, body } = await search(query);
      expect(status).toBe(400);
      expect(body.error.code).toBe('bad_parameter');
      expect(body.error.message).toMatch(/^(size|from|sort|page|to|undated|more):/);
    }
  });

  it('never fails on a strange query', async () => {
    for (const q of ['"', '-', '((', '\u0000', 'a'.repeat(3000), '«»؟']) {
      const { status } = await search(`q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
    }
  });
});

describe('GET /api/trends', () => {
  const q = (...words: string[]) => words.map((w) => `q=${encodeURIComponent(w)}`).join('&');

  it('answers the contract shape: periods with their totals, one series per q in order', async () => {
    const { status, body } = await trends(`${q('کتابخانه', 'ماه')}&interval=year`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['count', 'interval', 'periods', 'series']);
    expect(body.interval).toBe('year');
    expect(Object.keys(body.periods[0]).sort()).toEqual(['end', 'endIso', 'key', 'label', 'start', 'startIso', 'total']);
    expect(body.periods[0]).toEqual({ key: '1385', label: '۱۳۸۵', start: '1385-04-12', end: '1385-12-29', startIso: '2006-07-03', endIso: '2007-03-20', total: 3 });
    expect(body.periods).toHaveLength(1402 - 1385 + 1);
    expect(body.periods[5].total).toBe(0);
    expect(body.series.map((s) => s.q)).toEqual(['کتابخانه', 'ماه']);
    expect(body.series[0]).toMatchObject({ matched: 2, undated: 0 });
    expect(body.series[0].counts).toHaveLength(body.periods.length);
    expect([body.series[0].counts[0], body.series[0].counts.at(-1)]).toEqual([1, 1]);
  });

  it('counts an undated match apart, never in a period', async () => {
    const { body } = await trends(`${q('بازار')}&interval=month`);
    expect(body.series[0]).toMatchObject({ matched: 1, undated: 1 });
    expect(body.series[0].counts.every((n) => n === 0)).toBe(true);
  });

  it('answers 400 naming the parameter: no q, more than 8, a bad interval or filter', async () => {
    const nine = Array.from({ length: 9 }, (_, i) => `q=w${i}`).join('&');
    for (const [query, param] of [['interval=year', 'q'], [nine, 'q'], [`${q('کتاب')}&interval=day`, 'interval'], [`${q('کتاب')}&to=1400-12-30`, 'to'], [`${q('کتاب')}&from=1300&interval=week`, 'interval']]) {
      const { status, body } = await trends(query);
      expect(status).toBe(400);
      expect(body.error.code).toBe('bad_parameter');
      expect(body.error.message.startsWith(`${param}:`)).toBe(true);
    }
  });
});

describe('GET /api/articles/<id>', () => {
  it('answers the whole article with the query highlighted', async () => {
    const { status, body } = await article('900001', `q=${encodeURIComponent('كتابخانه')}`);
    expect(status).toBe(200);
    expect(body.paragraphs).toHaveLength(2);
    expect(body.paragraphs[0].filter((s) => s.hit).map((s) => s.text)).toEqual(['کتابخانه']);
    expect(body).toMatchObject({ source: 'ایسنا', dateline: 'تهران', agency: 'ایسنا', tags: ['کتابخانه ملی', 'فرهنگ'] });
  });

  it('opens an article whose id is «..», and the one whose id is «~..», each at the segment its link gives', async () => {
    for (const [id, title] of [['..', 'رصد ستاره دنباله‌دار'], ['~..', 'رصد ماه گرفتگی']]) {
      // The segment as the router hands it over: the link's path, resolved by URL parsing and percent-decoded.
      const path = new URL(articleHref(id, {}), 'http://localhost').pathname;
      expect(path.startsWith('/articles/')).toBe(true);
      const segment = decodeURIComponent(path.slice('/articles/'.length));
      const res = await articleRoute(new NextRequest(new URL(`/api${path}`, 'http://localhost')), { params: Promise.resolve({ id: segment }) });
      expect(res.status).toBe(200);
      const body = (await res.json()) as ArticleResponse;
      expect(body.id).toBe(id);
      expect(body.title.map((s) => s.text).join('')).toBe(title);
    }
  });

  it('answers 404 for an unknown id', async () => {
    const { status, body } = await article('no-such-id');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not_found');
  });
});

describe('GET /api/health', () => {
  it('says what is served: the article count and the build date of the index', async () => {
    const res = await healthRoute();
    expect(res.status).toBe(200);
    const body = (await res.json()) as HealthResponse;
    expect(body.status).toBe('ok');
    expect(body.index?.articles).toBe(5);
    expect(body.index?.builtAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The id the browser keeps collections under: a rebuild keeps it (lib/collections/index-identity.ts).
    expect(body.index?.id).toMatch(/^i-[0-9a-f]{16}$/);
    expect(body.lastReloadError).toBeNull();
  });
});
