// npm run build: the search index, then the Next.js app, in one script, so that
// Vercel's default build command (and pnpm or Yarn, which skip "prebuild") run both.
//
//   SEARCH_INDEX_DIR        where the index is written and what the functions bundle (default data/index)
//   KAVOSH_ARTICLES_URL     index the articles at this http(s):// or file:// URL instead of data/articles
//   KAVOSH_ARTICLES_SHA256  the SHA-256 of that file (required with the URL; checked before anything is read)
//   KAVOSH_SKIP_INDEX=1     use the index already at SEARCH_INDEX_DIR as it is (a prebuilt index)
//   KAVOSH_INDEX_CACHE=0    do not reuse or save the index in .next/cache (the build cache Vercel keeps)
//   KAVOSH_INDEX_HEAP_MB    the indexer's heap when NODE_OPTIONS caps the heap for the server (default 6144)
//   KAVOSH_SOURCE_ALIASES   a .csv or .json file of source aliases, given to the indexer as --source-aliases
//
// Arguments after `--` go to `next build`. `--index-only` stops after the index.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WORKER_BUNDLE } from '../lib/search/serve-search';
import { bundleWorker } from './bundle-worker';
import { FetchError, fetchArticles } from './fetch-articles';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEFAULT_INPUT = 'data/articles';
/** What decides the index: the code that builds it. A change here rebuilds it. */
const BUILDER_SOURCES = ['index-builder', 'lib'];
const CACHE_DIR = path.join(ROOT, '.next', 'cache', 'kavosh-index');

const say = (line: string) => console.log(`build: ${line}`);

function fail(message: string): never {
  console.error(`build: ${message}`);
  process.exit(1);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('error', (e) => {
      console.error(`build: cannot run ${cmd}: ${e.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function walk(dir: string, keep: (name: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, keep)));
    else if (e.isFile() && keep(e.name)) out.push(p);
  }
  return out.sort();
}

function fileHash(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (d) => h.update(d))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });
}

/** A key for "the same articles indexed by the same code": the input files' contents, the builder's sources and the source aliases file. */
export async function indexKey(inputs: string[], sourceAliases?: string): Promise<string> {
  const h = createHash('sha256').update('kavosh-index-v1\0');
  const flex = JSON.parse(await readFile(path.join(ROOT, 'node_modules', 'flexsearch', 'package.json'), 'utf8')).version;
  h.update(`flexsearch@${flex}\0`);
  for (const dir of BUILDER_SOURCES) {
    for (const f of await walk(path.join(ROOT, dir), (n) => /\.(ts|json)$/.test(n) && !/\.test\.ts$/.test(n))) {
      h.update(`${path.relative(ROOT, f)}\0${await fileHash(f)}\0`);
    }
  }
  for (const input of inputs) {
    const isDir = (await stat(input).catch(() => null))?.isDirectory() ?? false;
    const files = isDir ? await walk(input, () => true) : [input];
    for (const f of files) h.update(`input:${path.relative(input, f)}\0${await fileHash(f)}\0`);
  }
  if (sourceAliases) h.update(`source-aliases\0${await fileHash(sourceAliases)}\0`);
  return h.digest('hex').slice(0, 32);
}

/**
 * The key plus the identity of the index now at `dir` (its manifest, written last, and its time), so an
 * index written since by \`npm run index\` from other articles is never taken for up to date.
 */
async function stamp(dir: string, key: string): Promise<string> {
  const manifest = path.join(dir, 'manifest.json');
  const s = await stat(manifest).catch(() => null);
  if (!s) return `${key} none`;
  return `${key} ${s.size} ${Math.round(s.mtimeMs)} ${await fileHash(manifest)}`;
}

/** Copies a directory to `to`, replacing it only when the copy is complete. */
async function copyDir(from: string, to: string) {
  const tmp = `${to}.copy-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await cp(from, tmp, { recursive: true });
  await rm(to, { recursive: true, force: true });
  await rename(tmp, to);
}

async function buildTheIndex(out: string): Promise<void> {
  const outAbs = path.resolve(ROOT, out);
  const keyFile = `${outAbs}.build-key`;
  if (process.env.KAVOSH_SKIP_INDEX === '1') {
    if (!existsSync(path.join(outAbs, 'manifest.json'))) fail(`KAVOSH_SKIP_INDEX=1 but ${out} holds no index (no manifest.json)`);
    say(`KAVOSH_SKIP_INDEX=1: using the index at ${out} as it is`);
    return;
  }

  let inputs = [path.join(ROOT, DEFAULT_INPUT)];
  let work: string | null = null;
  const url = process.env.KAVOSH_ARTICLES_URL?.trim();
  try {
    if (url) {
      work = await mkdtemp(path.join(os.tmpdir(), 'kavosh-articles-'));
      const got = await fetchArticles(url, process.env.KAVOSH_ARTICLES_SHA256 ?? '', work, { log: say });
      inputs = [got.input];
    } else if (process.env.KAVOSH_ARTICLES_SHA256) {
      say('KAVOSH_ARTICLES_SHA256 is set without KAVOSH_ARTICLES_URL: indexing data/articles');
    }

    const aliasesSetting = process.env.KAVOSH_SOURCE_ALIASES?.trim();
    const sourceAliases = aliasesSetting ? path.resolve(ROOT, aliasesSetting) : undefined;
    if (sourceAliases && !existsSync(sourceAliases)) fail(`KAVOSH_SOURCE_ALIASES: no such file: ${sourceAliases}`);

    const useCache = process.env.KAVOSH_INDEX_CACHE !== '0';
    const key = await indexKey(inputs, sourceAliases);
    const cached = path.join(CACHE_DIR, key);
    if ((await readFile(keyFile, 'utf8').catch(() => '')) === (await stamp(outAbs, key))) {
      say(`index at ${out} is up to date (same articles, same builder: ${key})`);
      return;
    }
    if (useCache && existsSync(path.join(cached, 'manifest.json'))) {
      await copyDir(cached, outAbs);
      await writeFile(keyFile, await stamp(outAbs, key));
      say(`index restored from the build cache (.next/cache/kavosh-index/${key}): same articles, same builder`);
      return;
    }

    // Other articles than the cached index's: on a fresh checkout (Vercel), start from that index anyway, so the
    // builder analyzes only the articles that changed (it checks each one's content hash and the analyzer code).
    if (useCache && !existsSync(path.join(outAbs, 'manifest.json'))) {
      const names = await readdir(CACHE_DIR).catch(() => [] as string[]);
      const latest = names.find((name) => existsSync(path.join(CACHE_DIR, name, 'manifest.json')));
      if (latest) {
        await copyDir(path.join(CACHE_DIR, latest), outAbs);
        say(`starting from the previous build's index (.next/cache/kavosh-index/${latest}): only changed articles are analyzed`);
      }
    }

    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const args = ['index-builder/cli.ts', ...inputs.flatMap((i) => ['--input', i]), '--out', out, ...(sourceAliases ? ['--source-aliases', sourceAliases] : [])];
    // A heap cap meant for the server (NODE_OPTIONS=--max-old-space-size=1024 on Vercel) would starve the
    // indexer, which needs ~2 GB at 100,000 articles: lift it for the indexer alone (Vercel builds have 8 GB).
    const env = { ...process.env };
    if (/--max-old-space-size/.test(env.NODE_OPTIONS ?? '')) {
      env.NODE_OPTIONS = `${env.NODE_OPTIONS} --max-old-space-size=${Number(env.KAVOSH_INDEX_HEAP_MB) || 6144}`;
    }
    const code = await run(tsx, args, env);
    if (code !== 0) fail(`the index builder failed (exit ${code}); next build was not run`);
    await writeFile(keyFile, await stamp(outAbs, key));
    if (useCache) {
      try {
        await rm(CACHE_DIR, { recursive: true, force: true }); // one entry: the latest
        await mkdir(CACHE_DIR, { recursive: true });
        await cp(outAbs, cached, { recursive: true });
      } catch (e) {
        say(`could not save the index in the build cache: ${(e as Error).message}`);
      }
    }
  } catch (e) {
    if (e instanceof FetchError) fail(e.message);
    throw e;
  } finally {
    if (work) await rm(work, { recursive: true, force: true });
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const indexOnly = argv.includes('--index-only');
  const nextArgs = argv.filter((a) => a !== '--index-only' && a !== '--');
  const out = process.env.SEARCH_INDEX_DIR || 'data/index';
  const started = Date.now();
  await buildTheIndex(out);
  say(`index ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (indexOnly) return;
  const next = path.join(ROOT, 'node_modules', '.bin', 'next');
  const code = await run(next, ['build', ...nextArgs], { ...process.env, SEARCH_INDEX_DIR: out });
  if (code !== 0) process.exit(code);
  // After next build, which empties .next.
  await bundleWorker();
  say(`search worker bundled at ${WORKER_BUNDLE}`);
  process.exit(0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((e) => fail((e as Error).stack ?? String(e)));
}
