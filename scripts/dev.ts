// npm run dev: builds the search index, starts `next dev`, and rebuilds the
// index whenever the articles change. The server switches to each new index by
// itself (lib/search/instance.ts), so it is never restarted for it.
//
//   npm run dev [-- [--input <file or folder>]... [--map <field>=<column>]... [--source-aliases <file>] [next dev options]]
//   SEARCH_INDEX_DIR        the index written and served (default data/index)
//   KAVOSH_SOURCE_ALIASES   the --source-aliases file when none is given
//
// --input, --map and --source-aliases mean what they mean to `npm run index`; any other argument goes to `next dev`.
// A change to the source aliases file rebuilds the index too.
import { lockFile, readLockOwner } from '../index-builder/out-lock';
import { type ChildProcess, spawn } from 'node:child_process';
import { type FSWatcher, existsSync, renameSync, rmSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { RebuildQueue } from './rebuild-queue';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEFAULT_INPUT = 'data/articles';
/** How long `next dev` gets to stop after Ctrl-C before it is killed. */
const STOP_GRACE_MS = 5000;

const say = (line: string) => console.error(`dev: ${line}`);

export interface DevArgs {
  inputs: string[];
  maps: string[];
  /** The last --source-aliases given. */
  sourceAliases?: string;
  nextArgs: string[];
}

export function parseDevArgs(argv: readonly string[]): DevArgs {
  const args: DevArgs = { inputs: [], maps: [], nextArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const own = /^--(input|map|source-aliases)(?:=(.*))?$/.exec(arg);
    if (!own) {
      if (arg !== '--') args.nextArgs.push(arg);
      continue;
    }
    const value = own[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${own[1]} needs a value`);
    if (own[1] === 'source-aliases') args.sourceAliases = value;
    else (own[1] === 'input' ? args.inputs : args.maps).push(value);
  }
  if (args.inputs.length === 0) args.inputs.push(DEFAULT_INPUT);
  return args;
}

/**
 * Whether a change at `file`, under the watched folder `watched`, can change
 * the index: not in a dotfile or dot folder nor a `.md` note (the builder skips
 * those, and editors keep their swap files there), and not the index itself or
 * the builder's temporary folders beside it, which would rebuild forever when
 * the index is inside an input.
 */
export function affectsIndex(file: string, watched: string, out: string): boolean {
  const outDir = path.dirname(out);
  const outName = path.basename(out);
  // Named by index-builder/write.ts (staging, retired) and scripts/build.ts (copy, build key).
  const beside = (name: string) => name === outName || (name.startsWith(`${outName}.`) && /^(tmp-|old-|copy-|build-key$)/.test(name.slice(outName.length + 1)));
  for (let p = file; p !== path.dirname(p); p = path.dirname(p)) {
    if (path.dirname(p) === outDir && beside(path.basename(p))) return false;
  }
  const parts = path.relative(watched, file).split(path.sep);
  const name = parts[parts.length - 1];
  return !parts.some((part) => part.startsWith('.')) && !name.toLowerCase().endsWith('.md') && !name.endsWith('~');
}

/** Watches each input (a folder recursively; a file through its folder, as editors replace files). */
function watchInputs(inputs: readonly string[], out: string, onChange: () => void, log: (line: string) => void): FSWatcher[] {
  return inputs.map((input) => {
    const isDir = statSync(input).isDirectory();
    const dir = isDir ? input : path.dirname(input);
    const watcher = watch(dir, { recursive: isDir }, (_event, name) => {
      if (name === null) return onChange();
      const file = path.join(dir, name.toString());
      if (!isDir && file !== input) return;
      if (affectsIndex(file, dir, out)) onChange();
    });
    watcher.on('error', (e) => log(`dev: stopped watching ${input}: ${e.message}`));
    return watcher;
  });
}

/**
 * Removes what a builder stopped mid-way left beside the index: its staging
 * folder, and, if it was stopped between its two renames, puts the previous
 * index back (index-builder/write.ts names both after the builder's pid).
 */
function cleanUpAfter(pid: number, out: string, log: (line: string) => void): void {
  const staging = `${out}.tmp-${pid}`;
  const retired = `${out}.old-${pid}`;
  try {
    if (!existsSync(out) && existsSync(retired)) renameSync(retired, out);
    rmSync(staging, { recursive: true, force: true });
    rmSync(retired, { recursive: true, force: true });
    // A build killed outright cannot release its lock; the next one would take it over anyway.
    if (readLockOwner(out)?.pid === pid) rmSync(lockFile(out), { force: true });
  } catch (e) {
    log(`dev: could not clean up after the stopped build: ${(e as Error).message}`);
  }
}

function forward(stream: NodeJS.ReadableStream, to: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', to);
}

export interface IndexingOptions {
  /** Absolute paths. */
  inputs: string[];
  /** The index folder, absolute. */
  out: string;
  maps?: string[];
  /** The --source-aliases file, absolute; watched like the inputs. */
  sourceAliases?: string;
  /** Every line of the builder's output and of our own. */
  log?: (line: string) => void;
  debounceMs?: number;
}

export interface Indexing {
  /** Resolves when the first build has ended, well or not. */
  firstBuild: Promise<void>;
  /** Stops watching, kills a running build (leaving the index as it was) and resolves when it is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Kills a running build at once. */
  kill(): void;
}

/** Builds the index now and again after every change to the inputs, one build at a time. */
export function indexContinuously({ inputs, out, maps = [], sourceAliases, log = (l) => console.error(l), debounceMs }: IndexingOptions): Indexing {
  let builder: ChildProcess | null = null;
  let stopping = false;
  let built = 0;

  /** One build in a child process, so a crash or Ctrl-C cannot take the dev server with it. */
  const rebuild = () =>
    new Promise<void>((resolve) => {
      const started = Date.now();
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          'index-builder/cli.ts',
          ...inputs.flatMap((i) => ['--input', i]),
          '--out',
          out,
          ...maps.flatMap((m) => ['--map', m]),
          ...(sourceAliases ? ['--source-aliases', sourceAliases] : []),
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      builder = child;
      forward(child.stdout!, log);
      forward(child.stderr!, log);
      child.on('error', (e) => {
        log(`dev: cannot run the index builder: ${e.message}`);
        builder = null;
        resolve();
      });
      child.on('close', (code, signal) => {
        builder = null;
        if ((stopping || signal) && child.pid) cleanUpAfter(child.pid, out, log);
        if (stopping) return resolve();
        if (signal) log(`dev: the index build was killed (${signal}): the server keeps the previous index`);
        else if (code !== 0) log(`dev: the index was not rebuilt (exit ${code}): the server keeps the previous one`);
        else if (built++ > 0) log(`dev: index rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s: the running server picks it up by itself`);
        resolve();
      });
    });

  const queue = new RebuildQueue({ rebuild, debounceMs, onError: (e) => log(`dev: ${(e as Error).stack ?? e}`) });
  const watchers = watchInputs(sourceAliases ? [...inputs, sourceAliases] : inputs, out, () => queue.changed(), log);
  const firstBuild = queue.trigger();
  return {
    firstBuild,
    async stop(signal = 'SIGTERM') {
      stopping = true;
      watchers.forEach((w) => w.close());
      builder?.kill(signal);
      await queue.stop();
    },
    kill() {
      builder?.kill('SIGKILL');
    },
  };
}

async function main() {
  let args: DevArgs;
  try {
    args = parseDevArgs(process.argv.slice(2));
  } catch (e) {
    say((e as Error).message);
    process.exit(2);
  }
  const out = path.resolve(ROOT, process.env.SEARCH_INDEX_DIR || 'data/index');
  const inputs = args.inputs.map((i) => path.resolve(i));
  for (const input of inputs) {
    if (!existsSync(input)) {
      say(`input not found: ${input}`);
      process.exit(1);
    }
  }
  const aliasesSetting = args.sourceAliases ?? (process.env.KAVOSH_SOURCE_ALIASES?.trim() || undefined);
  const sourceAliases = aliasesSetting ? path.resolve(aliasesSetting) : undefined;
  if (sourceAliases && !existsSync(sourceAliases)) {
    say(`source aliases file not found: ${sourceAliases}`);
    process.exit(1);
  }

  say(`indexing ${inputs.map((i) => path.relative(ROOT, i) || '.').join(', ')} into ${path.relative(ROOT, out)}`);
  const indexing = indexContinuously({ inputs, out, maps: args.maps, sourceAliases });
  let next: ChildProcess | null = null;
  let stopping = false;

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C: do not wait for anything.
      indexing.kill();
      next?.kill('SIGKILL');
      process.exit(130);
    }
    stopping = true;
    await indexing.stop(signal);
    if (next && next.exitCode === null && next.signalCode === null) {
      const exited = new Promise((resolve) => next!.once('exit', resolve));
      next.kill(signal);
      const timer = setTimeout(() => next?.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await indexing.firstBuild;
  if (stopping) return;
  if (!existsSync(path.join(out, 'manifest.json'))) {
    say('there is no index yet: searches fail until the articles build (save a change to try again)');
  }
  say('watching the articles; a change rebuilds the index');

  next = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['dev', ...args.nextArgs], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, SEARCH_INDEX_DIR: out },
  });
  next.on('error', (e) => {
    say(`cannot run next dev: ${e.message}`);
    process.exit(1);
  });
  next.on('exit', (code, signal) => {
    if (stopping) return;
    // next dev stopped by itself (a port in use, a crash): nothing left to serve.
    stopping = true;
    say(`next dev exited (${signal ?? `exit ${code}`})`);
    void indexing.stop().then(() => process.exit(code ?? 1));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
