// Two real builders started together into one --out: one builds, the other
// exits 1 naming it (or, with --wait, builds after it), and the index loads.
// Without the lock both exited 0 and the index would not load.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../lib/search/load';
import { parseSearchParams } from '../lib/search/params';
import { buildIndex } from './build';
import { lockFile } from './out-lock';

const PROJECT = path.resolve(import.meta.dirname, '..');
const root = mkdtempSync(path.join(os.tmpdir(), 'kavosh-race-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const small = path.join(root, 'small');
const large = path.join(root, 'large');
const VOLCANO = 'آتشفشان';
const record = (id: string, title: string, body: string[]) => JSON.stringify({ id, title, body, date_jalali: '1401/05/02', source: 'ایرنا' });

beforeAll(() => {
  mkdirSync(small);
  writeFileSync(path.join(small, 'a.jsonl'), record('e1', 'زلزله در کرمان', ['زمین‌لرزه‌ای کرمان را لرزاند.']) + '\n');
  // Enough articles that a build outlasts a second builder's start.
  const letters = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const word = () => Array.from({ length: 3 + Math.floor(random() * 5) }, () => letters[Math.floor(random() * letters.length)]).join('');
  const sentence = () => Array.from({ length: 12 }, word).join(' ') + '.';
  const lines = Array.from({ length: 2000 }, (_, i) => record(`g${i}`, `${VOLCANO} ${sentence()}`, [Array.from({ length: 8 }, sentence).join(' ')]));
  mkdirSync(large);
  writeFileSync(path.join(large, 'archive.jsonl'), lines.join('\n') + '\n');
});

function startBuilder(out: string, extra: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'index-builder/cli.ts', '--input', large, '--out', out, ...extra], {
    cwd: PROJECT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; stderr: string; pid: number }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr, pid: child.pid! })),
  );
  return exited;
}

/** The second builder starts as soon as the first holds the lock: the moment the race used to corrupt the index. */
async function race(out: string, extra: string[] = []) {
  await buildIndex({ inputs: [small], out });
  const first = startBuilder(out, extra);
  while (!existsSync(lockFile(out))) await new Promise((r) => setTimeout(r, 5));
  const second = startBuilder(out, extra);
  return Promise.all([first, second]);
}

const volcanoHits = async (out: string) => (await loadEngine(out)).search(parseSearchParams({ q: VOLCANO })).total;

describe('two builds at once into one --out', () => {
  it('one builds, the other exits 1 naming it, and the index loads', { timeout: 60_000 }, async () => {
    const out = path.join(root, 'plain', 'index');
    const [first, second] = await race(out);
    expect(first.code).toBe(0);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`index: another build is writing ${out}: pid ${first.pid} on ${os.hostname()}, since `);
    expect(await volcanoHits(out)).toBe(2000);
    expect(existsSync(lockFile(out))).toBe(false);
  });

  it('with --wait, the second waits for the first and then builds', { timeout: 90_000 }, async () => {
    const out = path.join(root, 'waiting', 'index');
    const [first, second] = await race(out, ['--wait']);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(second.stderr).toContain(`index: waiting for the build holding ${out} to finish (pid ${first.pid}`);
    expect(await volcanoHits(out)).toBe(2000);
    expect(existsSync(lockFile(out))).toBe(false);
  });
});
