// npm run check:deploy [-- --index <dir>] [--skip-build] [--no-server]
//
// Runs Vercel's own build offline (`vercel build`, no account, no network) and
// reports what Vercel would receive: every function's files (the filePathMap of
// its .vc-config.json) against the 250 MB limit, the largest files, the static
// assets, that every route that searches ships the whole index, and the memory
// of a production server after it has loaded the index against the 2 GB of the
// smallest plan, with the cold start. Exits 1, saying which, when a limit would
// be crossed.
//
//   --index <dir>   check another index (inside the project; SEARCH_INDEX_DIR works too). It is bundled
//                   as it is (KAVOSH_SKIP_INDEX=1), not rebuilt from data/articles.
//   --skip-build    analyse the .vercel/output and .next of the last run instead of building again
//   --no-server     skip the memory and cold-start measurement
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { lstat, mkdir, readFile, readdir, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { COLD_TARGET_MS, coldStart, describeCold } from './cold-start';
import { MiB, ROOT, argValue, mb, projectRelative, startServer, timedGet } from './server';
import { BUILDER_ONLY_FILES } from '../lib/search/layout';

/** Vercel: a function's files, uncompressed, at most 250 MB. */
export const FUNCTION_LIMIT = 250 * MiB;
/** Vercel's smallest plan (Hobby): 2 GB of memory per function instance. */
export const MEMORY_LIMIT = 2048 * MiB;
/** The routes that load the index: each must ship it. */
export const SEARCHING_ROUTES = ['index', 'articles/[id]', 'api/search', 'api/articles/[id]', 'api/export'];
const OUTPUT = path.join(ROOT, '.vercel', 'output');

const PROJECT_JSON = {
  projectId: 'prj_local',
  orgId: 'team_local',
  settings: { framework: 'nextjs', buildCommand: null, installCommand: null, outputDirectory: null, rootDirectory: null, nodeVersion: '20.x' },
};

export interface FunctionReport {
  /** The .func directory that holds the files (grouped routes are symlinks to it). */
  dir: string;
  routes: string[];
  runtime: string;
  files: number;
  bytes: number;
  indexBytes: number;
  largest: { file: string; bytes: number }[];
  /** Index files this function lacks (empty when it ships the whole index, or does not search). */
  missingIndexFiles: string[];
}

async function walkFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walkFiles(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Every *.func under functions/, symlinks included, as route → real directory. */
async function functionDirs(functions: string): Promise<Map<string, string>> {
  const routes = new Map<string, string>();
  const visit = async (dir: string) => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.name.endsWith('.func')) {
        routes.set(path.relative(functions, p).replace(/\.func$/, ''), await realpath(p));
      } else if (e.isDirectory()) await visit(p);
    }
  };
  await visit(functions);
  return routes;
}

/** Each function of a Vercel build output: its files and size, and the index files it lacks. Paths in filePathMap are relative to `root`. */
export async function analyseFunctions(output: string, indexDir: string, root = ROOT): Promise<FunctionReport[]> {
  const functions = path.join(output, 'functions');
  const routes = await functionDirs(functions);
  const indexFiles = existsSync(path.join(root, indexDir))
    ? (await walkFiles(path.join(root, indexDir)))
        .filter((f) => !BUILDER_ONLY_FILES.includes(path.basename(f)))
        .map((f) => path.relative(root, f).split(path.sep).join('/'))
    : [];
  const byDir = new Map<string, string[]>();
  for (const [route, dir] of routes) byDir.set(dir, [...(byDir.get(dir) ?? []), route]);

  const reports: FunctionReport[] = [];
  for (const [dir, names] of byDir) {
    const config = JSON.parse(await readFile(path.join(dir, '.vc-config.json'), 'utf8'));
    const files = new Map<string, string>(); // shipped path → file on disk
    for (const [dest, src] of Object.entries((config.filePathMap ?? {}) as Record<string, string>)) {
      files.set(dest, path.resolve(root, src));
    }
    for (const f of await walkFiles(dir)) {
      const rel = path.relative(dir, f);
      if (rel !== '.vc-config.json') files.set(rel, f);
    }
    let bytes = 0;
    let indexBytes = 0;
    const sized: { file: string; bytes: number }[] = [];
    for (const [dest, src] of files) {
      const s = await stat(src).catch(() => null);
      if (!s) continue;
      bytes += s.size;
      if (indexFiles.includes(dest)) indexBytes += s.size;
      sized.push({ file: dest, bytes: s.size });
    }
    sized.sort((a, b) => b.bytes - a.bytes);
    const searches = names.some((n) => SEARCHING_ROUTES.includes(n.replace(/\.rsc$/, '')));
    reports.push({
      dir: path.relative(functions, dir),
      routes: names.sort(),
      runtime: String(config.runtime ?? config.launcherType ?? '?'),
      files: files.size,
      bytes,
      indexBytes,
      largest: sized.slice(0, 5),
      missingIndexFiles: searches ? indexFiles.filter((f) => !files.has(f)) : [],
    });
  }
  // Every route that searches must be among the functions at all.
  for (const route of SEARCHING_ROUTES) {
    if (!routes.has(route)) {
      reports.push({ dir: `(missing) ${route}`, routes: [route], runtime: '?', files: 0, bytes: 0, indexBytes: 0, largest: [], missingIndexFiles: indexFiles });
    }
  }
  return reports.sort((a, b) => b.bytes - a.bytes);
}

async function dirSize(dir: string): Promise<{ files: number; bytes: number; largest: { file: string; bytes: number }[] }> {
  const all = existsSync(dir) ? await walkFiles(dir) : [];
  const sized = await Promise.all(all.map(async (f) => ({ file: path.relative(dir, f), bytes: (await lstat(f)).size })));
  sized.sort((a, b) => b.bytes - a.bytes);
  return { files: all.length, bytes: sized.reduce((s, f) => s + f.bytes, 0), largest: sized.slice(0, 3) };
}

function vercelBuild(env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
  return new Promise((resolve) => {
    const log = createWriteStream(logFile);
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'vercel'), ['build', '--yes'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const relay = (d: Buffer) => {
      log.write(d);
      for (const line of d.toString().split('\n')) if (/^(index:|build:|Build Completed|Error|▲ Next|✓ Compiled)/.test(line.trim())) console.log(`  | ${line.trim()}`);
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.on('error', (e) => {
      log.write(`cannot run vercel: ${e.message}\n`);
      resolve(127);
    });
    child.on('close', (code) => log.end(() => resolve(code ?? 1)));
  });
}

async function main() {
  const argv = process.argv.slice(2);
  const given = argValue(argv, '--index') ?? process.env.SEARCH_INDEX_DIR;
  let indexDir: string;
  try {
    indexDir = projectRelative(given ?? 'data/index');
  } catch (e) {
    console.error(`check:deploy: ${(e as Error).message}`);
    process.exit(2);
  }
  const problems: string[] = [];
  const warnings: string[] = [];

  if (!argv.includes('--skip-build')) {
    if (given && !existsSync(path.join(ROOT, indexDir, 'manifest.json'))) {
      console.error(`check:deploy: ${indexDir} holds no index (no manifest.json)`);
      process.exit(2);
    }
    await mkdir(path.join(ROOT, '.vercel'), { recursive: true });
    const projectJson = path.join(ROOT, '.vercel', 'project.json');
    if (!existsSync(projectJson)) await writeFile(projectJson, JSON.stringify(PROJECT_JSON) + '\n');
    const logFile = path.join(ROOT, '.vercel', 'check-deploy-build.log');
    console.log(`check:deploy: vercel build --yes (offline), index ${indexDir}${given ? ' as it is' : ' built from the articles'}; log in ${path.relative(ROOT, logFile)}`);
    const started = Date.now();
    const code = await vercelBuild(
      {
        ...process.env,
        SEARCH_INDEX_DIR: indexDir,
        ...(given ? { KAVOSH_SKIP_INDEX: '1' } : {}),
        NEXT_TELEMETRY_DISABLED: '1',
        VERCEL_TELEMETRY_DISABLED: '1',
      },
      logFile,
    );
    if (code !== 0) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      console.error(log.split('\n').slice(-40).join('\n'));
      const tooBig = /exceeds? the maximum size|max(imum)? (unzipped )?size/i.test(log);
      console.error(`check:deploy: FAIL: vercel build exited ${code}${tooBig ? ' (a function is over Vercel\'s size limit)' : ''}; see ${path.relative(ROOT, logFile)}`);
      process.exit(1);
    }
    console.log(`check:deploy: built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  if (!existsSync(path.join(OUTPUT, 'config.json'))) {
    console.error('check:deploy: no .vercel/output: run without --skip-build');
    process.exit(2);
  }

  // What each function would ship.
  const functions = await analyseFunctions(OUTPUT, indexDir);
  console.log(`\nFunctions (limit ${mb(FUNCTION_LIMIT)} each, uncompressed; grouped routes share one bundle):`);
  for (const f of functions) {
    const verdict = f.bytes > FUNCTION_LIMIT ? 'OVER' : 'ok';
    console.log(
      `  ${verdict.padEnd(4)} ${mb(f.bytes).padStart(10)}  ${String(f.files).padStart(5)} files  ${f.runtime}  ${f.dir}  ` +
        `[${f.routes.filter((r) => !/\.rsc$|segments/.test(r)).join(', ') || f.routes[0]}]` +
        (f.indexBytes ? `  (index ${mb(f.indexBytes)})` : ''),
    );
    for (const l of f.largest.slice(0, 3)) console.log(`         ${mb(l.bytes).padStart(10)}  ${l.file}`);
    if (f.bytes > FUNCTION_LIMIT) problems.push(`function ${f.dir} is ${mb(f.bytes)}, over Vercel's ${mb(FUNCTION_LIMIT)} limit (index ${mb(f.indexBytes)})`);
    if (f.missingIndexFiles.length) {
      problems.push(`function ${f.dir} (${f.routes.join(', ')}) does not ship ${f.missingIndexFiles.length} index file(s), e.g. ${f.missingIndexFiles[0]}: check outputFileTracingIncludes in next.config.mjs`);
    }
  }
  const staticAssets = await dirSize(path.join(OUTPUT, 'static'));
  console.log(`\nStatic assets: ${staticAssets.files} files, ${mb(staticAssets.bytes)} (largest: ${staticAssets.largest.map((l) => `${l.file} ${mb(l.bytes)}`).join(', ')})`);

  // Memory after loading the index, and the cold start, on the production server.
  if (!argv.includes('--no-server')) {
    console.log(`\nProduction server (next start on 127.0.0.1, index ${indexDir}):`);
    const cold = await coldStart(indexDir);
    console.log(`  cold start: ${describeCold(cold)}`);
    const server = await startServer({ indexDir });
    let rssLoaded = 0;
    let rssAfterHeavy = 0;
    let peak = 0;
    try {
      const first = await timedGet(`${server.url}/api/search?q=`);
      if (first.status !== 200) throw new Error(`/api/search answered ${first.status}: ${first.body.slice(0, 200)}`);
      rssLoaded = server.memory()?.rss ?? 0;
      // The most expensive ordinary request: the most common word, no filters, and a full page of results.
      const heavy = await timedGet(`${server.url}/api/search?q=${encodeURIComponent('در')}&size=100`);
      const page = await timedGet(`${server.url}/?q=${encodeURIComponent('در')}`);
      const m = server.memory();
      rssAfterHeavy = m?.rss ?? 0;
      peak = m?.peak ?? 0;
      console.log(
        `  RSS after loading the index: ${mb(rssLoaded)}; after «در» (size=100, ${heavy.ms.toFixed(0)} ms) and its page (${page.ms.toFixed(0)} ms): ${mb(rssAfterHeavy)}; peak ${mb(peak)} (limit ${mb(MEMORY_LIMIT)})`,
      );
    } finally {
      await server.stop();
    }
    const worst = Math.max(peak, rssAfterHeavy, rssLoaded, cold.peakAfterFirst);
    if (worst > MEMORY_LIMIT) problems.push(`the server's memory reached ${mb(worst)}, over the ${mb(MEMORY_LIMIT)} of Vercel's smallest plan`);
    else if (worst > 0.8 * MEMORY_LIMIT) warnings.push(`the server's memory reached ${mb(worst)}, over 80% of ${mb(MEMORY_LIMIT)}`);
    if (cold.bootMs + cold.firstMs > COLD_TARGET_MS) {
      warnings.push(`cold start ${(cold.bootMs + cold.firstMs).toFixed(0)} ms (listening + first search) is over the ${COLD_TARGET_MS} ms target`);
    }
  }

  console.log('');
  for (const w of warnings) console.log(`check:deploy: warning: ${w}`);
  if (problems.length) {
    for (const p of problems) console.error(`check:deploy: FAIL: ${p}`);
    process.exit(1);
  }
  const memory = argv.includes('--no-server') ? 'memory not measured (--no-server)' : `the server fits in ${mb(MEMORY_LIMIT)}`;
  console.log(`check:deploy: OK: every function is within ${mb(FUNCTION_LIMIT)} and ships the index; ${memory}`);
}

if (process.argv[1] && /check-deploy\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(`check:deploy: ${(e as Error).stack ?? e}`);
    process.exit(1);
  });
}
