// GET /api/concordance and /api/concordance/export over an index built from a few articles written here.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { buildIndex } from '@/index-builder/build';
import type { ApiError, ConcordanceResponse } from '@/lib/types';
import { GET as concordanceRoute } from './route';
import { GET as exportRoute } from './export/route';
import { GET as termsRoute } from '../terms/route';
import { GET as collocatesRoute } from '../collocates/route';
import type { CollocatesResponse, TermsResponse } from '@/lib/types';

const records = [
  { id: 'k1', title: 'کتاب', body: 'نمایشگاه كتاب تهران گشایش یافت. خریداران کتاب‌ها را بردند.', date: '2022-01-10', source: 'ایرنا', tags: [], url: null },
  { id: 'k2', title: 'خبر دوم', body: 'نشست "Book Club" دربارهٔ کتاب ۱۴۰۱ برگزار شد.', date: '2022-02-10', source: 'ایسنا', tags: [], url: null },
  { id: 'k3', title: 'خبر سوم', body: 'کتابخانه تازه باز شد.', date: '2022-03-10', source: 'ایسنا', tags: [], url: null },
];

const request = (route: (r: NextRequest) => Promise<Response>, url: string) => route(new NextRequest(new URL(url, 'http://localhost')));
const get = async (query: string) => {
  const res = await request(concordanceRoute, `/api/concordance?${query}`);
  return { status: res.status, body: (await res.json()) as ConcordanceResponse & ApiError };
};
const kitab = `q=${encodeURIComponent('کتاب')}`;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kavosh-concordance-'));
  await mkdir(path.join(dir, 'in'));
  await writeFile(path.join(dir, 'in', 'a.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await buildIndex({ inputs: [path.join(dir, 'in')], out: path.join(dir, 'index') });
  process.env.SEARCH_INDEX_DIR = path.join(dir, 'index');
});

describe('GET /api/concordance', () => {
  it('answers the contract shape', async () => {
    const { status, body } = await get(kitab);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['articles', 'form', 'forms', 'group', 'lines', 'otherCopies', 'page', 'size', 'sort', 'tookMs', 'total', 'width']);
    expect(body).toMatchObject({ total: 3, articles: 2, group: 'none', otherCopies: 0, page: 1, size: 50, width: 8, sort: 'date', form: null });
    expect(Object.keys(body.lines[0]).sort()).toEqual(['form', 'hit', 'href', 'id', 'jalaliDate', 'left', 'right', 'source']);
    expect(body.lines.map((l) => l.hit)).toEqual(['كتاب', 'کتاب‌ها', 'کتاب']);
    expect(body.lines[0]).toMatchObject({ id: 'k1', jalaliDate: '1400-10-20', source: 'ایرنا', left: 'نمایشگاه', right: 'تهران گشایش یافت. خریداران کتاب‌ها را بردند.' });
    expect(body.lines[2].href).toMatch(/^\/articles\/k2\?q=.*#hit-1$/);
  });

  it('keeps Latin words and the article’s digits in the context as written', async () => {
    const { body } = await get(`${kitab}&width=4`);
    expect(body.lines[2]).toMatchObject({ left: 'نشست "Book Club" دربارهٔ', right: '۱۴۰۱ برگزار شد.' });
  });

  it('sorts, pages and filters to a form', async () => {
    expect((await get(`${kitab}&sort=right1`)).body.lines.map((l) => l.right.split(' ')[0])).toEqual(['۱۴۰۱', 'تهران', 'را']);
    expect((await get(`${kitab}&size=1&page=3`)).body.lines.map((l) => l.id)).toEqual(['k2']);
    const one = (await get(`${kitab}&form=${encodeURIComponent('کتابها')}`)).body;
    expect(one).toMatchObject({ total: 1, articles: 1, form: 'کتابها' });
  });

  it('answers a bad width, sort, page or a missing query with 400 naming the parameter', async () => {
    for (const [query, param] of [
      [`${kitab}&width=0`, 'width'],
      [`${kitab}&width=31`, 'width'],
      [`${kitab}&sort=newest`, 'sort'],
      [`${kitab}&page=0`, 'page'],
      [`${kitab}&size=501`, 'size'],
      [`${kitab}&from=1400-13`, 'from'],
      ['q=', 'q'],
    ]) {
      const { status, body } = await get(query);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('bad_parameter');
      expect(body.error.message.startsWith(`${param}: `), body.error.message).toBe(true);
      expect(body.error.messageFa).toContain(param);
    }
  });
});

describe('GET /api/concordance/export', () => {
  it('streams every line as CSV with a BOM and absolute links, read back whole', async () => {
    const res = await request(exportRoute, `/api/concordance/export?${kitab}&format=csv&size=1&sort=right1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['id', 'date', 'source', 'left', 'hit', 'right', 'link']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['k2', 'k1', 'k1']);
    expect(rows[1][6]).toMatch(/^http:\/\/localhost\/articles\/k2\?q=.*#hit-1$/);
  });

  it('streams JSON Lines, one object a line', async () => {
    const res = await request(exportRoute, `/api/concordance/export?${kitab}&format=jsonl`);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(Object.keys(lines[0])).toEqual(['id', 'date', 'source', 'left', 'hit', 'right', 'link']);
    expect(lines[1]).toMatchObject({ id: "k1", hit: "کتاب‌ها", left: "نمایشگاه كتاب تهران گشایش یافت. خریداران" });
  });

  it('answers a bad format or sort with 400', async () => {
    for (const [query, param] of [
      [`${kitab}&format=xml`, 'format'],
      [`${kitab}&sort=up`, 'sort'],
    ]) {
      const res = await request(exportRoute, `/api/concordance/export?${query}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ApiError).error.message.startsWith(`${param}: `)).toBe(true);
    }
  });
});

describe('GET /api/terms and /api/collocates', () => {
  const json = async <T,>(route: (r: NextRequest) => Promise<Response>, url: string) => {
    const res = await request(route, url);
    return { status: res.status, body: (await res.json()) as T & ApiError };
  };

  it('answers the terms contract shape, exact (no sample)', async () => {
    const { status, body } = await json<TermsResponse>(termsRoute, `/api/terms?${kitab}&background=all&size=5`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['background', 'rest', 'results', 'sample', 'terms', 'tookMs']);
    expect(body).toMatchObject({ sample: null, background: 'all', results: 2, rest: 1 });
    expect(body.terms.length).toBeLessThanOrEqual(5);
    for (const t of body.terms) expect(Object.keys(t).sort()).toEqual(['forms', 'inBackground', 'inResults', 'logRatio', 'score', 'term']);
  });

  it('answers the collocates contract shape', async () => {
    const { status, body } = await json<CollocatesResponse>(collocatesRoute, `/api/collocates?${kitab}&window=3`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['collocates', 'hits', 'sample', 'tookMs', 'window']);
    expect(body).toMatchObject({ sample: null, window: 3 });
    expect(body.hits).toBeGreaterThanOrEqual(3);
  });

  it('answers a bad background, size, window or a missing query with 400 naming the parameter', async () => {
    for (const [route, query, param] of [
      [termsRoute, `${kitab}&background=world`, 'background'],
      [termsRoute, `${kitab}&size=0`, 'size'],
      [termsRoute, 'q=', 'q'],
      [collocatesRoute, `${kitab}&window=11`, 'window'],
      [collocatesRoute, `${kitab}&window=x`, 'window'],
      [collocatesRoute, `${kitab}&to=1400-02-32`, 'to'],
    ] as const) {
      const { status, body } = await json<object>(route, `/api/x?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.message.startsWith(`${param}: `), body.error.message).toBe(true);
      expect(body.error.messageFa).toContain(param);
    }
  });
});
