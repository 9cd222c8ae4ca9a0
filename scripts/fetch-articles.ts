// Articles fetched at build time: KAVOSH_ARTICLES_URL names one file (http(s):// or
// file://), KAVOSH_ARTICLES_SHA256 its SHA-256. The file is downloaded to a temporary
// folder, checked against the checksum before anything reads it, and then either
// extracted (a .tar or .tar.gz of article files) or handed to the index builder as
// it is (.jsonl, .json, .csv, .tsv, each optionally .gz; anything else gzipped is
// read as JSON Lines).
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export class FetchError extends Error {}

export interface FetchedArticles {
  /** What to pass to the index builder as --input. */
  input: string;
  kind: 'tar' | 'tar.gz' | 'file';
  bytes: number;
  sha256: string;
}

const SUPPORTED = /\.(jsonl|ndjson|json|csv|tsv|txt)(\.gz)?$/i;

/** The URL without its query and credentials, for messages and logs (a signed URL's token stays out of build logs). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?…' : ''}`;
  } catch {
    return '(not a URL)';
  }
}

export function parseChecksum(value: string | undefined): string {
  const hex = (value ?? '').trim().toLowerCase().replace(/^sha256[:-]/, '');
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new FetchError(
      value
        ? `KAVOSH_ARTICLES_SHA256 must be 64 hexadecimal digits (the output of sha256sum), got "${value.slice(0, 80)}"`
        : 'KAVOSH_ARTICLES_URL is set but KAVOSH_ARTICLES_SHA256 is not: give the SHA-256 of the file (sha256sum <file>)',
    );
  }
  return hex;
}

async function openSource(url: URL, timeoutMs: number): Promise<Readable> {
  if (url.protocol === 'file:') return createReadStream(fileURLToPath(url));
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(`KAVOSH_ARTICLES_URL must be an http(s):// or file:// URL, got ${url.protocol}`);
  }
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new FetchError(`could not download ${redactUrl(url.href)}: ${(e as Error).message}`);
  }
  if (!res.ok || !res.body) throw new FetchError(`could not download ${redactUrl(url.href)}: HTTP ${res.status}`);
  return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);
}

async function head(file: string, n: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const isTar = (block: Buffer) => block.length >= 262 && block.subarray(257, 262).toString('latin1') === 'ustar';

function gunzipHead(bytes: Buffer): Buffer {
  try {
    return gunzipSync(bytes, { finishFlush: 2 /* Z_SYNC_FLUSH: a truncated stream is fine */ });
  } catch {
    return Buffer.alloc(0);
  }
}

function untar(file: string, gz: boolean, into: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // GNU tar strips leading "/" and refuses "../" in member names; no owners or modes from the archive.
    const child = spawn('tar', [gz ? '-xzf' : '-xf', file, '-C', into, '--no-same-owner', '--no-same-permissions'], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => reject(new FetchError(`cannot run tar to extract the articles: ${e.message}`)));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new FetchError(`tar could not extract the articles (exit ${code}): ${err.trim().slice(0, 500)}`)),
    );
  });
}

/**
 * Downloads `url` into `workDir`, verifies its SHA-256 and makes it ready to index.
 * Nothing is extracted or returned unless the checksum matches.
 */
export async function fetchArticles(
  url: string,
  expectedSha256: string,
  workDir: string,
  { timeoutMs = 30 * 60_000, log = (_: string) => {} } = {},
): Promise<FetchedArticles> {
  const expected = parseChecksum(expectedSha256);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError(`KAVOSH_ARTICLES_URL is not a URL: "${url.slice(0, 80)}"`);
  }
  await mkdir(workDir, { recursive: true });
  const download = path.join(workDir, 'download');
  const hash = createHash('sha256');
  let bytes = 0;
  const started = Date.now();
  log(`articles: downloading ${redactUrl(url)}`);
  try {
    await pipeline(
      await openSource(parsed, timeoutMs),
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      }),
      createWriteStream(download),
    );
  } catch (e) {
    await rm(download, { force: true });
    if (e instanceof FetchError) throw e;
    throw new FetchError(`could not download ${redactUrl(url)}: ${(e as Error).message}`);
  }
  const actual = hash.digest('hex');
  if (actual !== expected) {
    await rm(download, { force: true });
    throw new FetchError(
      `checksum mismatch for ${redactUrl(url)}: expected ${expected}, got ${actual} (${bytes} bytes); nothing was indexed`,
    );
  }
  log(`articles: ${bytes.toLocaleString('en')} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s, SHA-256 verified`);

  const first = await head(download, 64 * 1024);
  const gz = first[0] === 0x1f && first[1] === 0x8b;
  if (isTar(gz ? gunzipHead(first) : first)) {
    const into = path.join(workDir, 'articles');
    await mkdir(into, { recursive: true });
    await untar(download, gz, into);
    await rm(download, { force: true });
    log(`articles: extracted the ${gz ? '.tar.gz' : '.tar'} archive`);
    return { input: into, kind: gz ? 'tar.gz' : 'tar', bytes, sha256: actual };
  }
  // One file: keep the URL's name when the index builder knows its type, else JSON Lines.
  const base = path.basename(parsed.pathname);
  const name = SUPPORTED.test(base) && (/\.gz$/i.test(base) === gz) ? base.replace(/[^\w.-]/g, '_') : gz ? 'articles.jsonl.gz' : 'articles.jsonl';
  const dir = path.join(workDir, 'articles');
  await mkdir(dir, { recursive: true });
  const input = path.join(dir, name);
  await rename(download, input);
  return { input, kind: 'file', bytes, sha256: actual };
}
