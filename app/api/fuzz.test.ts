// Hostile input, sent straight to the route handlers of /api/search,
// /api/articles/<id>, /api/export and /api/trends over an index of the bundled sample
// articles: never a 5xx, every 400 in the error contract, and the server still
// answers a normal query correctly afterwards. Reproducible: a seeded PRNG
// (FUZZ_SEED to try another seed).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '@/index-builder/build';
import { GET as searchRoute } from './search/route';
import { GET as articleRoute } from './articles/[id]/route';
import { GET as exportRoute } from './export/route';
import { GET as trendsRoute } from './trends/route';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const ROUNDS = 120; // per route: 360 requests, plus the fixed cases below

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(list: readonly T[]): T => list[int(list.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat(['\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202e', '\u2066']);
const LONE = ['\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b'];
const STORMS = [
  '(.*)+$', '(a+)+b', '^(([a-z])+.)+[A-Z]([a-z])+$', '[[[[[[', ']]]]', '\\\\\\', '.*.*.*.*.*=.*', '(?<=x)', '\\u{110000}', '$&$1$`',
  '"'.repeat(101), '"a" "b', '««««»', '\'\'\'\'', '-'.repeat(50), '-"' + 'OR '.repeat(40), 'title:'.repeat(30), 'یا یا یا OR OR',
  '"""کتابخانه""" -"ملی', '()()()((((', '*?+{1,99999}', '%00%ff', '<script>alert(1)</script>', "'; DROP TABLE articles; --",
  '${7*7}', '{{7*7}}', '../../../../etc/passwd', 'NaN', 'undefined', '__proto__', 'constructor', 'hasOwnProperty', 'toString',
];
const WORDS = ['کتابخانه', 'ملی', 'در', 'و', 'كتابخانه', 'ملي', 'زمین‌لرزه', 'همکاری\u00a0های', '۱۴۰۲', '1402', 'تهران', 'title:تالار', '-تبریز', 'OR', 'یا', '"کتابخانه ملی"'];
const NUMBERS = [
  '0', '-1', '1.5', '-0', '1e3', '1e308', '9'.repeat(30), '18446744073709551616', 'Infinity', '-Infinity', 'NaN', '0x10', '0b1', ' 7 ',
  '۵', '٥', '۱۰۰۰۰۰', '2,5', '1_000', '+3', '', ' ', '10001', '101', '100', '1', 'null', '[]', '%20', '\u0000', '１２',
];
const DATES = [
  '1400-13-01', '1400-12-30', '1399-12-30', '1399-12-31', '1400-00', '1400-1-0', '0000', '0', '-1400', '99999', '1400-02-32', '۱۴۰۰/۱۲/۳۰',
  '١٤٠٠-١٣', '1400/6/31', '1400-07-31', '2021-02-30', '1e3', '1400-', '-08', '1400--08', '14OO', '1400-08-10T00:00', '1400 08 10', 'x'.repeat(500),
  '1400', '1402-03', '1385-04-12',
];
const IDS = [
  '%', '%%', '%E0%A4%A', '%ED%A0%80', '%00', '..%2F..%2Fetc%2Fpasswd', '../../etc/passwd', '%uD800', '%C0%AF', '%FF%FE', 'a%2', '\u0000',
  '\ud800', 'x'.repeat(10_000), '5501001%00', ' 5501001', '5501001 ', '__proto__', 'constructor', '-1', '1e308', '<script>', '"\'',
];
const PARAMS = ['q', 'from', 'to', 'sort', 'page', 'size', 'match', 'source', 'tag', 'format', 'interval'];

function hostileText(r: Rng): string {
  switch (r.int(9)) {
    case 0:
      return Array.from({ length: 1 + r.int(20) }, () => r.pick(CONTROL) + r.pick(WORDS)).join('');
    case 1:
      return Array.from({ length: 1 + r.int(10) }, () => r.pick(LONE) + r.pick(WORDS)).join(' ');
    case 2:
      return r.pick(WORDS).repeat(1 + r.int(3)).padEnd(10_000, r.pick(['a', 'ب ', '"', '(', ' -x', ' OR ']));
    case 3:
      return r.pick(STORMS).repeat(1 + r.int(40));
    case 4:
      return Array.from({ length: 1 + r.int(30) }, () => r.pick([...WORDS, ...STORMS])).join(r.pick([' ', '', '\u200c', '\u00a0', '\t']));
    case 5:
      return r.pick(NUMBERS);
    case 6:
      return r.pick(DATES);
    case 7:
      return Array.from({ length: r.int(60) }, () => String.fromCharCode(r.int(0x10000))).join('');
    default:
      return r.pick(WORDS);
  }
}

/** One query string: hostile values, repeated and unknown parameters, raw percent garbage. */
function hostileQuery(r: Rng): string {
  const parts: string[] = [];
  const n = 1 + r.int(6);
  for (let i = 0; i < n; i++) {
    const name = r.int(8) === 0 ? r.pick(['unknown', 'q[]', '__proto__', 'constructor', 'Q', 'page ', '%71', '']) : r.pick(PARAMS);
    const value = (() => {
      switch (name) {
        case 'page':
        case 'size':
          return r.int(4) ? r.pick(NUMBERS) : hostileText(r);
        case 'from':
        case 'to':
          return r.int(4) ? r.pick(DATES) : hostileText(r);
        case 'sort':
          return r.pick(['relevance', 'newest', 'oldest', 'best', 'NEWEST', '', hostileText(r)]);
        case 'match':
          return r.pick(['all', 'any', 'none', '', hostileText(r)]);
        case 'format':
          return r.pick(['csv', 'jsonl', 'pdf', 'CSV', '', hostileText(r)]);
        case 'interval':
          return r.pick(['year', 'month', 'week', 'day', 'WEEK', '', hostileText(r)]);
        default:
          return hostileText(r);
      }
    })();
    const repeat = r.int(6) === 0 ? 2 + r.int(r.int(4) === 0 ? 80 : 3) : 1; // repeated parameters, sometimes many
    for (let k = 0; k < repeat; k++) {
      // URLSearchParams encodes lone surrogates as U+FFFD, as a browser would; sometimes raw garbage instead.
      const encoded = r.int(5) === 0 ? r.pick(IDS) : new URLSearchParams({ v: value }).toString().slice(2);
      parts.push(`${encodeURIComponent(name)}=${encoded}`);
    }
  }
  return parts.join(r.pick(['&', '&', '&&', ';', '&=&']));
}

interface Outcome {
  status: number;
  body: unknown;
  ms: number;
}

const base = 'http://localhost';

async function readBody(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text(); // the export streams: read it to the end, so a late error would show
  return /^application\/json(;|$)/.test(type) ? JSON.parse(text) : text;
}

async function send(route: 'search' | 'export' | 'article' | 'trends', query: string, id = ''): Promise<Outcome> {
  const started = performance.now();
  let res: Response;
  if (route === 'article') {
    const url = new URL(`/api/articles/${encodeURIComponent(id.replace(/[\ud800-\udfff]/g, '\ufffd'))}?${query}`, base);
    res = await articleRoute(new NextRequest(url), { params: Promise.resolve({ id }) });
  } else {
    const url = new URL(`/api/${route}?${query}`, base);
    res = await (route === 'search' ? searchRoute : route === 'trends' ? trendsRoute : exportRoute)(new NextRequest(url));
  }
  const body = await readBody(res);
  return { status: res.status, body, ms: performance.now() - started };
}

const seen: { route: string; query: string; status: number; ms: number }[] = [];

function expectSafe(route: string, query: string, out: Outcome) {
  seen.push({ route, query: query.slice(0, 120), status: out.status, ms: out.ms });
  const where = `${route} ${query.slice(0, 200)}`;
  expect(out.status, where).toBeLessThan(500);
  if (out.status >= 400) {
    expect([400, 404], where).toContain(out.status);
    const err = (out.body as { error?: { code?: unknown; message?: unknown } }).error;
    expect(typeof err?.code, where).toBe('string');
    expect(typeof err?.message, where).toBe('string');
    expect(err!.code).toBe(out.status === 400 ? 'bad_parameter' : 'not_found');
    // The message names the parameter (or the id) and is never a stack trace.
    expect(err!.message as string, where).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
    expect((err!.message as string).length, `${where} → ${err!.message}`).toBeLessThan(400);
    if (out.status === 400) expect(err!.message as string, where).toMatch(/^(q|from|to|sort|page|size|match|source|tag|format|interval):/);
  } else {
    expect(out.status, where).toBe(200);
    if (route === 'search') {
      const b = out.body as { total: number; results: unknown[]; page: number; size: number };
      expect(Number.isInteger(b.total), where).toBe(true);
      expect(b.results.length, where).toBeLessThanOrEqual(b.size);
    }
    if (route === 'article') expect((out.body as { id: string }).id, where).toBeTypeOf('string');
    if (route === 'trends') {
      const b = out.body as { periods: unknown[]; series: { counts: number[]; matched: number; undated: number }[] };
      for (const s of b.series) expect(s.counts.reduce((a, n) => a + n, 0) + s.undated, where).toBe(s.matched);
      for (const s of b.series) expect(s.counts.length, where).toBe(b.periods.length);
    }
  }
  // A hostile request must not take the server down for long either.
  expect(out.ms, where).toBeLessThan(5_000);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kavosh-fuzz-'));
  await buildIndex({ inputs: [path.resolve(import.meta.dirname, '../../data/articles')], out: path.join(dir, 'index') });
  process.env.SEARCH_INDEX_DIR = path.join(dir, 'index');
}, 60_000);

afterAll(async () => {
  const slowest = [...seen].sort((a, b) => b.ms - a.ms)[0];
  const counts = seen.reduce<Record<string, number>>((acc, s) => ((acc[`${s.route} ${s.status}`] = (acc[`${s.route} ${s.status}`] ?? 0) + 1), acc), {});
  console.log(`fuzz seed ${SEED}: ${seen.length} requests ${JSON.stringify(counts)}; slowest ${slowest?.ms.toFixed(0)} ms (${slowest?.route})`);
  await rm(dir, { recursive: true, force: true });
});

describe(`hostile requests (seed ${SEED})`, () => {
  it('fixed cases: each kind of hostility at least once', async () => {
    const long = 'کتابخانه '.repeat(1200); // > 10,000 characters
    const fixed = [
      `q=${encodeURIComponent(long)}`,
      `q=${'%22'.repeat(5000)}`,
      `q=${encodeURIComponent('(.*)+$'.repeat(500))}`,
      'q=%ED%A0%80%ED%B0%80', // surrogate halves as CESU-8: decoded as U+FFFD
      'q=%00%01%02%1F%7F',
      `page=${'9'.repeat(400)}`,
      'page=-1', 'page=1.5', 'page=0', 'size=0', 'size=101', 'size=1e2', 'page=10001',
      'page=1&page=2&page=abc', `${'source=a&'.repeat(60)}q=x`, `${'tag=%E2%80%8C&'.repeat(200)}`,
      'from=1400-12-30', 'to=1399-13', 'from=1403&to=1385', 'from=۱۴۰۰/۱۲/۳۰', 'from=' + 'x'.repeat(9000),
      'sort=NEWEST', 'match=none', 'unknown=1&__proto__=x&constructor=y', 'q=%', 'q=%E0%A4%A', '%%%=%%%', '=&=&=',
    ];
    for (const query of fixed) {
      expectSafe('search', query, await send('search', query));
      expectSafe('export', query, await send('export', `format=jsonl&${query}`));
      expectSafe('trends', query, await send('trends', query));
    }
    for (const query of ['q=x&from=1&to=3177&interval=week', 'q=x&from=1&to=3177', `${'q=%D8%B3&'.repeat(80)}`, 'q=x&interval=' + 'y'.repeat(9000)]) {
      expectSafe('trends', query, await send('trends', query));
    }
    for (const id of IDS) expectSafe('article', id, await send('article', `q=${encodeURIComponent('کتابخانه')}`, id));
    // The 400s name the parameter.
    const bad = await send('search', 'page=-1');
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { message: string } }).error.message).toMatch(/^page:/);
    const badDate = await send('search', 'from=1400-12-30');
    expect((badDate.body as { error: { message: string } }).error.message).toMatch(/^from:/);
    expect((await send('export', 'format=pdf')).status).toBe(400);
  });

  it(`${ROUNDS} random requests to each route`, async () => {
    const r = prng(SEED);
    for (let i = 0; i < ROUNDS; i++) {
      const q1 = hostileQuery(r);
      expectSafe('search', q1, await send('search', q1));
      const q2 = hostileQuery(r);
      expectSafe('export', q2, await send('export', q2));
      const id = [() => hostileText(r), () => r.pick(IDS), () => r.pick(['5501001', '5999001', 'kavosh-rec-008', 'ham-850412-01'])][r.int(3)]();
      const q3 = r.int(2) ? `q=${new URLSearchParams({ v: hostileText(r) }).toString().slice(2)}` : hostileQuery(r);
      expectSafe('article', `${id.slice(0, 50)} ${q3}`, await send('article', q3, id));
      const q4 = hostileQuery(r);
      expectSafe('trends', q4, await send('trends', q4));
    }
  }, 120_000);

  it('still answers a normal search, article and export correctly afterwards', async () => {
    const s = await send('search', `q=${encodeURIComponent('کتابخانه ملی')}`);
    expect(s.status).toBe(200);
    const body = s.body as { total: number; results: { id: string }[] };
    expect(body.total).toBe(1);
    expect(body.results[0].id).toBe('5501001');
    const all = await send('search', 'q=');
    expect((all.body as { total: number }).total).toBe(80);

    const a = await send('article', `q=${encodeURIComponent('کتابخانه')}`, '5501001');
    expect(a.status).toBe(200);
    expect((a.body as { title: { text: string }[] }).title.map((t) => t.text).join('')).toBe('افتتاح تالار تازه کتابخانه ملی در تهران');

    const e = await send('export', `format=jsonl&q=${encodeURIComponent('کتابخانه')}`);
    expect(e.status).toBe(200);
    const ids = (e.body as string).trim().split('\n').slice(1).map((l) => JSON.parse(l).id).sort();
    expect(ids).toEqual(['4312876', '4884390', '5501001']);
  });
});
