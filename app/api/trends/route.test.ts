// GET /api/trends's downloads and the page's parameters, over an index built from articles written here.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { buildIndex } from '@/index-builder/build';
import type { ApiError, TrendsResponse } from '@/lib/types';
import { GET } from './route';
import { TRENDS_CSV_COLUMNS, type TrendsExport } from './format';

// 1384: 25 articles (5 about floods), 1385: none, 1386: 4 (2 about floods), and one flood with no date.
const articles = [
  ...Array.from({ length: 25 }, (_, i) => ({ id: `a${i}`, title: i < 5 ? `سیل در شهر ${i}` : `خبر ${i} از بازار`, date_jalali: `1384/0${1 + (i % 9)}/10`, source: i % 2 ? 'ایسنا' : 'ایرنا' })),
  ...Array.from({ length: 4 }, (_, i) => ({ id: `b${i}`, title: i < 2 ? `سیل و زلزله ${i}` : `بازار کتاب ${i}`, date_jalali: `1386/02/1${i}`, source: 'همشهری' })),
  { id: 'u', title: 'سیل بی‌تاریخ', date_jalali: null, source: 'ایرنا' },
].map((a) => ({ ...a, body: `${a.title}، گزارش.`, date: null, category: null, tags: [], url: null }));

const call = (query: string) => GET(new NextRequest(new URL(`/api/trends?${query}`, 'http://localhost')));
const flood = `q=${encodeURIComponent('سیل')}`;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kavosh-trends-'));
  await mkdir(path.join(dir, 'in'));
  await writeFile(path.join(dir, 'in', 'a.jsonl'), articles.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await buildIndex({ inputs: [path.join(dir, 'in')], out: path.join(dir, 'index') });
  process.env.SEARCH_INDEX_DIR = path.join(dir, 'index');
});

describe('GET /api/trends?format=csv', () => {
  it('downloads one row per period and query with a BOM: Jalali label, Gregorian start and end, count, total, share', async () => {
    const res = await call(`${flood}&q=${encodeURIComponent('بازار')}&interval=year&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="kavosh-trends-\d{4}-\d\d-\d\d\.csv"/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parse(text, { bom: true }) as string[][];
    expect(header).toEqual([...TRENDS_CSV_COLUMNS]);
    expect(rows.slice(0, 2)).toEqual([
      ['سیل', '1384', '۱۳۸۴', '1384-01-10', '1384-12-29', '2005-03-30', '2006-03-20', '5', '25', '0.2', '0', 'articles'],
      ['بازار', '1384', '۱۳۸۴', '1384-01-10', '1384-12-29', '2005-03-30', '2006-03-20', '20', '25', '0.8', '0', 'articles'],
    ]);
  });

  it('writes an empty period with no share (a gap), and a share over fewer than 20 articles as uncertain', async () => {
    const rows = parse(await (await call(`${flood}&interval=year&format=csv`)).text(), { bom: true }) as string[][];
    const byPeriod = Object.fromEntries(rows.slice(1).map((r) => [r[1], r]));
    expect(byPeriod['1385'].slice(7)).toEqual(['0', '0', '', '', 'articles']);
    expect(byPeriod['1386'].slice(7)).toEqual(['2', '4', '0.5', '1', 'articles']);
  });

  it('reports each query\'s undated matches in a row of their own, never in a period', async () => {
    const rows = parse(await (await call(`${flood}&interval=year&format=csv`)).text(), { bom: true }) as string[][];
    expect(rows.at(-1)).toEqual(['سیل', 'undated', 'بدون تاریخ', '', '', '', '', '1', '', '', '', 'articles']);
    expect(rows.slice(1, -1).reduce((sum, r) => sum + Number(r[7]), 0)).toBe(7);
  });

  it('says on every row what it counts: stories with count=stories', async () => {
    const rows = parse(await (await call(`${flood}&interval=year&format=csv&count=stories`)).text(), { bom: true }) as string[][];
    expect(rows[0].at(-1)).toBe('counted');
    expect(new Set(rows.slice(1).map((r) => r.at(-1)))).toEqual(new Set(['stories']));
  });

  it('stays raw when the chart is smoothed or shows counts', async () => {
    const plain = await (await call(`${flood}&interval=year&format=csv`)).text();
    expect(await (await call(`${flood}&interval=year&format=csv&smooth=3&measure=count`)).text()).toBe(plain);
  });
});

describe('GET /api/trends?format=json', () => {
  it('downloads the same rows as JSON, with N and the undated apart', async () => {
    const res = await call(`${flood}&interval=year&format=json`);
    expect(res.headers.get('content-disposition')).toMatch(/filename="kavosh-trends-.*\.json"/);
    const body = (await res.json()) as TrendsExport;
    expect(body.minArticles).toBe(20);
    expect(body.undated).toEqual([{ q: 'سیل', count: 1 }]);
    expect(body.rows.map((r) => [r.period, r.count, r.total, r.share, r.uncertain])).toEqual([
      ['1384', 5, 25, 0.2, false],
      ['1385', 0, 0, null, false],
      ['1386', 2, 4, 0.5, true],
    ]);
  });
});

describe('GET /api/trends: the page\'s parameters', () => {
  it('accepts measure, smooth, labels and view without changing the counts', async () => {
    const plain = (await (await call(`${flood}&interval=year`)).json()) as TrendsResponse;
    const drawn = (await (await call(`${flood}&interval=year&measure=count&smooth=3&labels=gregorian&view=source`)).json()) as TrendsResponse;
    expect(drawn).toEqual(plain);
  });

  it('answers 400 naming a bad measure, smoothing, calendar, view or format', async () => {
    for (const [query, param] of [['measure=ratio', 'measure'], ['smooth=2', 'smooth'], ['labels=lunar', 'labels'], ['view=map', 'view'], ['format=xlsx', 'format']]) {
      const res = await call(`${flood}&${query}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as ApiError;
      expect(body.error.code).toBe('bad_parameter');
      expect(body.error.message.startsWith(`${param}: `)).toBe(true);
      expect(body.error.messageFa).toContain(param);
    }
  });
});
