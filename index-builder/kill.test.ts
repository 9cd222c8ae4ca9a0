// A builder killed at any moment leaves the previous index serving: the CLI
// runs in a child process over a few thousand generated articles and is killed
// while it reads, as it starts writing, and half-way through writing, then the
// index at --out must be byte for byte the one before, and answer as before.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES_FILE } from '../lib/search/layout';
import { loadEngine } from '../lib/search/load';
import { parseSearchParams } from '../lib/search/params';
import { buildIndex } from './build';
import { snapshot } from './testing';

const PROJECT = path.resolve(import.meta.dirname, '..');
const root = mkdtempSync(path.join(os.tmpdir(), 'kavosh-kill-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const small = path.join(root, 'small');
const large = path.join(root, 'large');
const out = path.join(root, 'served', 'index');
/** A word only the large input has. */
const VOLCANO = 'آتشفشان';

const record = (id: string, title: string, body: string[]) => JSON.stringify({ id, title, body, date_jalali: '1401/05/02', source: 'ایرنا' });

/** Enough articles, with enough distinct words, that a build takes a few seconds here (1,000 took 0.75 s on an idle machine: the kill at 700 ms came too late). */
function writeLargeInput(count: number): void {
  const letters = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';
  let seed = 20261125;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const words = Array.from({ length: 3000 }, () =>
    Array.from({ length: 3 + Math.floor(random() * 5) }, () => letters[Math.floor(random() * letters.length)]).join(''),
  );
  const sentence = () => Array.from({ length: 12 }, () => words[Math.floor(random() * words.length)]).join(' ') + '.';
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(record(`g${i}`, `${VOLCANO} ${sentence()}`, Array.from({ length: 4 }, () => Array.from({ length: 4 }, sentence).join(' '))));
  }
  mkdirSync(large);
  writeFileSync(path.join(large, 'archive.jsonl'), lines.join('\n') + '\n');
}

let before: Map<string, Buffer>;
let answer: string[];

const idsFor = async (q: string) => {
  const engine = await loadEngine(out);
  return engine
    .search(parseSearchParams({ q }))
    .results.map((r) => r.id)
    .sort();
};

beforeAll(async () => {
  mkdirSync(small);
  writeFileSync(
    path.join(small, 'a.jsonl'),
    [
      record('e1', 'زلزله در کرمان', ['زمین‌لرزه‌ای به بزرگی پنج ریشتر کرمان را لرزاند.']),
      record('e2', 'پس‌لرزه‌های زلزله کرمان', ['پس‌لرزه‌ها تا صبح ادامه داشت.']),
      record('s1', 'بارش برف در تهران', ['برف راه‌های شمال تهران را بست.']),
    ].join('\n') + '\n',
  );
  await buildIndex({ inputs: [small], out });
  before = snapshot(out);
  answer = await idsFor('زلزله');
  writeLargeInput(4000);
}, 30_000);

/** Every file beside and inside the index, by path, with what identifies its contents. */
function filesBeside(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of listBeside()) {
    // The lock (index-builder/out-lock.ts) is taken before anything is read: it is no index file.
    if (!entry.isFile() || /\.lock(\.\d+)?$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    try {
      const s = statSync(file);
      files.set(file, `${s.ino} ${s.mtimeMs} ${s.size}`);
    } catch {
      // removed between the listing and the stat
    }
  }
  return files;
}

/** The folder of the index, walked whole; walked again when a folder vanished mid-walk (the builder's own temporary ones do). */
function listBeside() {
  for (;;) {
    try {
      return readdirSync(path.dirname(out), { recursive: true, withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}

interface Run {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>;
}

/** `npm run index` over the large input into the served index, as its own process (no wrapper to outlive a kill). */
function startBuilder(): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'index-builder/cli.ts', '--input', large, '--out', out], {
    cwd: PROJECT,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let stdout = '';
  child.stdout!.on('data', (d) => (stdout += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout })),
  );
  return { child, exited };
}

/**
 * Kills the builder with `signal` once it has written files beside or into the
 * index for which `ready` holds (written: new, or changed since the build
 * began), and tells how it ended. The builder's own layout is not assumed, so
 * a builder writing into --out directly is caught at the same moment.
 */
async function killWhenWritten(run: Run, ready: (written: string[]) => boolean, signal: NodeJS.Signals) {
  const start = filesBeside();
  const moment = await new Promise<boolean>((resolve) => {
    const timer = setInterval(() => {
      if (run.child.exitCode !== null || run.child.signalCode !== null) {
        clearInterval(timer);
        resolve(false);
        return;
      }
      const written = [...filesBeside()].filter(([file, id]) => start.get(file) !== id).map(([file]) => file);
      if (ready(written)) {
        clearInterval(timer);
        resolve(true);
      }
    }, 2);
  });
  if (moment) run.child.kill(signal);
  const end = await run.exited;
  expect(moment, `the builder ended before the moment to kill it: ${JSON.stringify(end)}`).toBe(true);
  return end;
}

async function expectPreviousIndexServing() {
  expect(snapshot(out)).toEqual(before);
  expect(await idsFor('زلزله')).toEqual(answer);
  expect(await idsFor(VOLCANO)).toEqual([]);
}

describe('a builder killed mid-way leaves the previous index serving', () => {
  it('killed (SIGKILL) while it reads and analyzes the articles', { timeout: 20_000 }, async () => {
    const { child, exited } = startBuilder();
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGKILL');
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL', stdout: '' });
    await expectPreviousIndexServing();
  });

  it('killed (SIGKILL) as soon as its first index file is written', { timeout: 20_000 }, async () => {
    const end = await killWhenWritten(startBuilder(), (written) => written.length > 0, 'SIGKILL');
    expect(end).toEqual({ code: null, signal: 'SIGKILL', stdout: '' });
    await expectPreviousIndexServing();
  });

  it('killed (SIGKILL) half-way through writing, once the articles file is written', { timeout: 20_000 }, async () => {
    const end = await killWhenWritten(startBuilder(), (written) => written.some((f) => path.basename(f) === ARTICLES_FILE), 'SIGKILL');
    expect(end).toEqual({ code: null, signal: 'SIGKILL', stdout: '' });
    await expectPreviousIndexServing();
  });

  it('stopped with Ctrl-C (SIGINT) while it writes', { timeout: 20_000 }, async () => {
    const end = await killWhenWritten(startBuilder(), (written) => written.length > 0, 'SIGINT');
    expect(end.code).not.toBe(0);
    expect(end.stdout).toBe('');
    await expectPreviousIndexServing();
    // It takes its half-written folder away with it.
    expect(readdirSync(path.dirname(out)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('and the next build still replaces it', { timeout: 20_000 }, async () => {
    writeFileSync(path.join(small, 'b.jsonl'), record('v1', `فوران ${VOLCANO}`, ['خاکستر آسمان را پوشاند.']) + '\n');
    await buildIndex({ inputs: [small], out });
    expect(await idsFor(VOLCANO)).toEqual(['v1']);
  });
});
