// The HTTP contract of wire stories: `group` and `count` on /api/search and
// /api/export, the story on /api/articles/<id>, over an index built here with
// one story run by three outlets (one copy cut short) and two other articles.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, ArticleResponse, SearchResponse } from '@/lib/types';
import { buildIndex } from '@/index-builder/build';
import { GET as searchRoute } from './search/route';
import { GET as articleRoute } from './articles/[id]/route';
import { GET as exportRoute } from './export/route';

const wire =
  'وزیر امور خارجه ایران روز دوشنبه در دیدار با همتای ترکیه‌ای خود درباره همکاری‌های اقتصادی دو کشور و گسترش مبادلات تجاری در مرزهای مشترک گفت‌وگو کرد و دو طرف بر لزوم اجرای توافق‌های پیشین در حوزه انرژی حمل و نقل و گردشگری تاکید کردند و قرار شد کمیسیون مشترک اقتصادی دو کشور در ماه آینده در تهران برگزار شود تا موانع پیش روی تجارت دو جانبه بررسی شود';
const record = (id: string, source: string, title: string, body: string, date: string) => ({ id, title, body, date, date_jalali: null, source, category: null, tags: [], url: null });
const archive = [
  record('irna-1', 'ایرنا', 'گفت‌وگوی وزیران خارجه ایران و ترکیه', wire, '2023-05-22'),
  record('isna-1', 'ایسنا', 'دیدار وزیر امور خارجه با همتای ترکیه‌ای', wire, '2023-05-23'),
  record('mashregh-1', 'مشرق', 'همکاری‌های اقتصادی تهران و آنکارا', wire.split(' ').slice(0, 47).join(' '), '2023-05-24'),
  record('tasnim-1', 'تسنیم', 'سفر وزیر خارجه به آنکارا', 'وزیر امور خارجه ایران برای دیدار با رئیس جمهور ترکیه به آنکارا رفت و درباره کمیسیون مشترک سخن گفت.', '2023-05-20'),
  record('mehr-1', 'مهر', 'بازار میوه', 'قیمت میوه در بازار تهران کاهش یافت.', '2023-05-25'),
];

async function get<T>(handler: (req: NextRequest, ctx: never) => Promise<Response>, url: string, ctx?: unknown) {
  const res = await handler(new NextRequest(new URL(url, 'http://localhost')), ctx as never);
  return { status: res.status, body: (await res.json()) as T };
}
const search = (query: string) => get<SearchResponse & ApiError>(searchRoute, `/api/search?${query}`);
const q = (text: string) => `q=${encodeURIComponent(text)}`;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kavosh-stories-'));
  await mkdir(path.join(dir, 'in'));
  await writeFile(path.join(dir, 'in', 'a.jsonl'), archive.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await buildIndex({ inputs: [path.join(dir, 'in')], out: path.join(dir, 'index') });
  process.env.SEARCH_INDEX_DIR = path.join(dir, 'index');
});

describe('GET /api/search with stories', () => {
  it('keeps one result per article without group: the older contract, each result naming its story', async () => {
    const { status, body } = await search(q('وزیر خارجه'));
    expect(status).toBe(200);
    expect(body.group).toBe('none');
    expect(body.total).toBe(4);
    expect(body.results).toHaveLength(4);
    expect(body.stories).toBe(2);
    expect(body.results.find((r) => r.id === 'isna-1')!.story).toEqual({ id: 'irna-1', copies: 3, matching: 3 });
    expect(body.results.find((r) => r.id === 'tasnim-1')!.story).toBeNull();
  });

  it('gives one result per story with group=story, the totals stating articles and stories', async () => {
    const { body } = await search(`${q('وزیر خارجه')}&group=story&sort=oldest`);
    expect(body.group).toBe('story');
    expect(body.results.map((r) => r.id)).toEqual(['tasnim-1', 'irna-1']);
    expect([body.total, body.stories]).toEqual([4, 2]);
  });

  it('counts the facets in stories with count=stories', async () => {
    const articles = (await search(q('وزیر خارجه'))).body.facets.jalaliMonths;
    const stories = (await search(`${q('وزیر خارجه')}&count=stories`)).body.facets.jalaliMonths;
    expect(articles.reduce((n, m) => n + m.count, 0)).toBe(4);
    expect(stories.reduce((n, m) => n + m.count, 0)).toBe(2);
  });

  it('answers 400 naming group or count for a value it does not know', async () => {
    for (const [query, param] of [['group=stories', 'group'], ['group=1', 'group'], ['count=story', 'count'], ['count=all', 'count']]) {
      const { status, body } = await search(`${q('وزیر')}&${query}`);
      expect(status).toBe(400);
      expect(body.error.code).toBe('bad_parameter');
      expect(body.error.message.startsWith(`${param}:`)).toBe(true);
      expect(body.error.messageFa).toBeTruthy();
    }
  });
});

describe('GET /api/articles/<id> with stories', () => {
  it('lists the copies, the earliest marked, and what this copy left out', async () => {
    const { status, body } = await get<ArticleResponse>(articleRoute, '/api/articles/mashregh-1', { params: Promise.resolve({ id: 'mashregh-1' }) });
    expect(status).toBe(200);
    expect(body.story!.copies.map((c) => [c.source, c.earliest])).toEqual([['ایرنا', true], ['ایسنا', false], ['مشرق', false]]);
    expect(body.story!.diff!.removed).toBeGreaterThan(0);
    expect(body.story!.diff!.added).toBe(0);
  });

  it('has no story for an article that is in none', async () => {
    const { body } = await get<ArticleResponse>(articleRoute, '/api/articles/mehr-1', { params: Promise.resolve({ id: 'mehr-1' }) });
    expect(body.story).toBeUndefined();
  });
});

describe('GET /api/export with stories', () => {
  const rows = async (query: string) => {
    const res = await exportRoute(new NextRequest(new URL(`/api/export?format=jsonl&${query}`, 'http://localhost')));
    return (await res.text()).trim().split('\n').slice(1).map((l) => JSON.parse(l) as { id: string; story_id: string | null });
  };

  it('names each row\'s story, and writes one row per story with group=story', async () => {
    const all = await rows(`${q('وزیر خارجه')}&sort=oldest`);
    expect(all.map((r) => [r.id, r.story_id])).toEqual([
      ['tasnim-1', null],
      ['irna-1', 'irna-1'],
      ['isna-1', 'irna-1'],
      ['mashregh-1', 'irna-1'],
    ]);
    const one = await rows(`${q('وزیر خارجه')}&sort=oldest&group=story`);
    expect(one.map((r) => r.id)).toEqual(['tasnim-1', 'irna-1']);
  });
});
