// The build's article fetch (scripts/fetch-articles.ts, scripts/build.ts): a file://
// or local http:// URL, its SHA-256 checked before anything is read, a .tar.gz
// extracted or a single .jsonl(.gz) used as it is; and the build script end to end.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '@/lib/search/load';
import { parseSearchParams } from '@/lib/search/params';
import { FetchError, fetchArticles, parseChecksum, redactUrl } from '../../scripts/fetch-articles';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const records = [
  { id: 'f-1', title: 'نمایشگاه گل در شیراز', body: 'نمایشگاه گل و گیاه امروز گشایش یافت.', date: '2023-05-01', source: 'ایرنا', tags: ['گل'] },
  { id: 'f-2', title: 'بازار کتاب', body: 'فروش کتاب افزایش یافت.', date: '2023-05-02', source: 'ایسنا', tags: [] },
];
const jsonl = Buffer.from(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
const txt = readFileSync(path.join(ROOT, 'data', 'articles', '5501001.txt'));

let dir: string;
let tarGz: Buffer;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kavosh-fetch-'));
  await mkdir(path.join(dir, 'src', 'nested'), { recursive: true });
  await writeFile(path.join(dir, 'src', 'nested', '5501001.txt'), txt);
  await writeFile(path.join(dir, 'src', 'more.jsonl'), jsonl);
  execFileSync('tar', ['-czf', path.join(dir, 'articles.tar.gz'), '-C', path.join(dir, 'src'), '.']);
  tarGz = readFileSync(path.join(dir, 'articles.tar.gz'));
  await writeFile(path.join(dir, 'articles.jsonl.gz'), gzipSync(jsonl));
  server = http.createServer((req, res) => {
    if (req.url?.startsWith('/a.tar.gz')) return res.end(tarGz);
    if (req.url === '/plain') return res.end(jsonl);
    res.statusCode = 404;
    res.end('no');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

describe('fetchArticles', () => {
  it('uses a single .jsonl.gz from a file:// URL as it is, keeping its name', async () => {
    const file = path.join(dir, 'articles.jsonl.gz');
    const got = await fetchArticles(pathToFileURL(file).href, sha(readFileSync(file)), path.join(dir, 'w1'));
    expect(got.kind).toBe('file');
    expect(path.basename(got.input)).toBe('articles.jsonl.gz');
    expect(readFileSync(got.input)).toEqual(readFileSync(file));
  });

  it('extracts a .tar.gz downloaded over http, after checking its SHA-256', async () => {
    const got = await fetchArticles(`${base}/a.tar.gz?token=secret`, sha(tarGz).toUpperCase(), path.join(dir, 'w2'));
    expect(got.kind).toBe('tar.gz');
    expect(readFileSync(path.join(got.input, 'nested', '5501001.txt'))).toEqual(txt);
    expect(existsSync(path.join(got.input, 'more.jsonl'))).toBe(true);
  });

  it('names a plain download without a known extension articles.jsonl', async () => {
    const got = await fetchArticles(`${base}/plain`, `sha256:${sha(jsonl)}`, path.join(dir, 'w3'));
    expect(path.basename(got.input)).toBe('articles.jsonl');
  });

  it('refuses a file whose checksum differs, and keeps nothing of it', async () => {
    const work = path.join(dir, 'w4');
    await expect(fetchArticles(`${base}/a.tar.gz`, 'f'.repeat(64), work)).rejects.toThrow(/checksum mismatch .* expected f{64}, got [0-9a-f]{64}/);
    expect(await readdir(work)).toEqual([]);
  });

  it('refuses a missing or malformed checksum, an unknown scheme, and a failed download', async () => {
    expect(() => parseChecksum(undefined)).toThrow(FetchError);
    expect(() => parseChecksum('abc')).toThrow(/64 hexadecimal digits/);
    await expect(fetchArticles('ftp://example.invalid/a', 'a'.repeat(64), path.join(dir, 'w5'))).rejects.toThrow(/http\(s\):\/\/ or file:\/\//);
    await expect(fetchArticles(`${base}/missing`, 'a'.repeat(64), path.join(dir, 'w6'))).rejects.toThrow(/HTTP 404/);
  });

  it('keeps a signed URL\'s query out of messages', () => {
    expect(redactUrl('https://bucket.example/a.tar.gz?X-Amz-Signature=abc')).toBe('https://bucket.example/a.tar.gz?…');
  });
});

describe('npm run build -- --index-only with KAVOSH_ARTICLES_URL', () => {
  // Asynchronous: the HTTP server above answers from this process.
  const build = (env: Record<string, string>) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/build.ts', '--index-only'], {
        cwd: ROOT,
        env: { ...process.env, KAVOSH_INDEX_CACHE: '0', ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  it('indexes the fetched articles, reuses the index when nothing changed, and refuses a bad checksum', async () => {
    const out = path.join(dir, 'index');
    const env = { SEARCH_INDEX_DIR: out, KAVOSH_ARTICLES_URL: `${base}/a.tar.gz`, KAVOSH_ARTICLES_SHA256: sha(tarGz) };
    const first = await build(env);
    expect(first.status, first.stderr + first.stdout).toBe(0);
    expect(first.stdout + first.stderr).toMatch(/SHA-256 verified/);
    expect(first.stdout + first.stderr).toMatch(/3 indexed/);
    const engine = await loadEngine(out);
    const ids = engine.search(parseSearchParams(new URLSearchParams('q='))).results.map((r) => r.id).sort();
    expect(ids).toEqual(['5501001', 'f-1', 'f-2']);

    const again = await build(env);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/up to date/);

    const bad = await build({ ...env, KAVOSH_ARTICLES_SHA256: '0'.repeat(64) });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/checksum mismatch/);
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(true); // the index from before is left as it was

    const missing = await build({ ...env, KAVOSH_ARTICLES_SHA256: '' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/KAVOSH_ARTICLES_SHA256 is not/);
  }, 240_000);
});
