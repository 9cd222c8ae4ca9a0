// GET /api/export over an index built from a few articles written here.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '@/index-builder/build';
import { GET } from './route';
import { parse } from 'csv-parse/sync';

const records = Array.from({ length: 30 }, (_, i) => ({
  id: `r-${i}`,
  title: i === 0 ? 'کتابخانه، "ملی" و شهر' : `خبر شمارهٔ ${i} دربارهٔ کتابخانه`,
  body: 'متن خبر دربارهٔ کتابخانه و کتاب.',
  date: `2022-0${1 + (i % 9)}-1${i % 10}`,
  date_jalali: null as string | null,
  source: i % 2 ? 'ایسنا' : 'ایرنا',
  category: null,
  tags: i % 3 ? ['فرهنگ'] : ['فرهنگ', 'کتاب'],
  url: i % 5 ? `https://example.ir/${i}` : null,
}));

const call = (query: string, signal?: AbortSignal) =>
  GET(new NextRequest(new URL(`/api/export?${query}`, 'http://localhost'), { signal }));

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kavosh-export-'));
  await mkdir(path.join(dir, 'in'));
  await writeFile(path.join(dir, 'in', 'a.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await buildIndex({ inputs: [path.join(dir, 'in')], out: path.join(dir, 'index') });
  process.env.SEARCH_INDEX_DIR = path.join(dir, 'index');
});

// The export's own CSV, read back by the library the index builder reads CSV with.
const parseCsv = (text: string) => parse(text, { bom: true }) as string[][];

describe('GET /api/export', () => {
  it('streams every match as CSV with a BOM, quoting where needed', async () => {
    const res = await call(`format=csv&q=${encodeURIComponent('کتابخانه')}&size=1&page=2`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="kavosh-[\d-]+\.csv"; filename\*=UTF-8''kavosh-/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes)); // the decoder drops the BOM
    expect(rows[0]).toEqual(['id', 'title', 'jalali_date', 'gregorian_date', 'source', 'tags', 'url', 'story_id']);
    // page and size do not limit an export.
    expect(rows).toHaveLength(31);
    const first = rows.find((r) => r[0] === 'r-0')!;
    expect(first[1]).toBe('کتابخانه، "ملی" و شهر');
    expect(first[5]).toBe('فرهنگ، کتاب');
    expect(first[6]).toBe('');
    expect(first[3]).toMatch(/^2022-01-10$/);
    expect(first[2]).toMatch(/^1400-10-20$/);
  });

  it('applies the filters of the search', async () => {
    const res = await call(`format=jsonl&q=${encodeURIComponent('کتابخانه')}&source=${encodeURIComponent('ایسنا')}&tag=${encodeURIComponent('کتاب')}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/jsonl/);
    const [meta, ...lines] = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(meta.kavosh_export).toMatchObject({ query: 'کتابخانه', source: ['ایسنا'], tag: ['کتاب'], total: lines.length });
    const expected = records.filter((_, i) => i % 2 === 1 && i % 3 === 0).map((r) => r.id).sort();
    expect(lines.map((l) => l.id).sort()).toEqual(expected);
    expect(lines[0]).toHaveProperty('tags');
    expect(Array.isArray(lines[0].tags)).toBe(true);
  });

  it('answers bad parameters with 400 and the API error', async () => {
    for (const [query, param] of [
      ['format=xml', 'format'],
      ['format=csv&from=1400-12-30', 'from'],
      ['sort=sideways', 'sort'],
    ]) {
      const res = await call(query);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('bad_parameter');
      expect(body.error.message).toContain(param);
    }
  });

  it('defaults to CSV', async () => {
    const res = await call('q=');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(parseCsv(await res.text())).toHaveLength(31); // text() drops the BOM
  });

  it('adds the snippets, the full text and a link back when asked, JSON Lines keeping paragraphs as an array', async () => {
    const q = `q=${encodeURIComponent('کتابخانه')}`;
    const [, ...lines] = (await (await call(`format=jsonl&${q}&text=full&link=1`)).text()).trim().split('\n').map((l) => JSON.parse(l));
    const first = lines.find((l) => l.id === 'r-0');
    expect(first.text).toEqual(['متن خبر دربارهٔ کتابخانه و کتاب.']);
    expect(first.link).toBe(`/articles/r-0?${q}`);
    const rows = parseCsv(await (await call(`format=csv&${q}&text=snippets`)).text());
    expect(rows[0]).toEqual(['id', 'title', 'jalali_date', 'gregorian_date', 'source', 'tags', 'url', 'story_id', 'snippets']);
    expect(rows[1][8]).toBe('متن خبر دربارهٔ کتابخانه و کتاب');
  });

  it('keeps today’s columns without the options, and refuses bad ones naming them', async () => {
    const rows = parseCsv(await (await call(`format=csv&q=&text=&link=0`)).text());
    expect(rows[0]).toEqual(['id', 'title', 'jalali_date', 'gregorian_date', 'source', 'tags', 'url', 'story_id']);
    for (const [query, param] of [
      ['text=body', 'text'],
      ['link=yes', 'link'],
    ]) {
      const res = await call(query);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message.startsWith(`${param}: `)).toBe(true);
    }
  });
});
