// One build at a time per --out: the lock file beside it, and what a build does with a lock left by another.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutLockedError, lockFile, lockOut, readLockOwner } from './out-lock';
import { tempFiles } from './testing';

const { dir: root } = tempFiles('kavosh-lock-');
/** No process has this id (Linux caps ids far lower). */
const DEAD = 2 ** 30;
let n = 0;
const outDir = () => path.join(root, `case-${n++}`, 'index');
const plant = (out: string, owner: object) => {
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(lockFile(out), JSON.stringify(owner));
};

/** A process that is alive and is not a build. */
const sleeper = spawn('sleep', ['60'], { stdio: 'ignore' });
afterAll(() => sleeper.kill());

describe('the lock on --out', () => {
  it('is a file beside --out naming this process, its host and since when', async () => {
    const out = outDir();
    const lock = await lockOut(out);
    const owner = readLockOwner(out)!;
    expect([owner.pid, owner.host]).toEqual([process.pid, os.hostname()]);
    expect(Date.now() - Date.parse(owner.since)).toBeLessThan(60_000);
    lock.release();
    expect(existsSync(lockFile(out))).toBe(false);
  });

  it('refuses a second build while the first holds it, naming the first', async () => {
    const out = outDir();
    const first = await lockOut(out);
    const since = readLockOwner(out)!.since;
    const second = await lockOut(out).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(OutLockedError);
    expect((second as Error).message).toContain(`pid ${process.pid} on ${os.hostname()}, since ${since}`);
    first.release();
  });

  it('with wait, takes it once the first build releases it', async () => {
    const out = outDir();
    const first = await lockOut(out);
    const said: string[] = [];
    let got = false;
    const second = lockOut(out, { wait: true, pollMs: 20, say: (l) => said.push(l) }).then((l) => ((got = true), l));
    await new Promise((r) => setTimeout(r, 150));
    expect(got).toBe(false);
    expect(said).toEqual([expect.stringContaining(`waiting for the build holding ${out} to finish (pid ${process.pid}`)]);
    first.release();
    (await second).release();
    expect(got).toBe(true);
  });

  it('takes over a lock left by a build that is no longer running, and says so', async () => {
    const out = outDir();
    plant(out, { pid: DEAD, host: os.hostname(), since: '2026-12-01T10:00:00.000Z', cmdline: 'node index-builder/cli.ts' });
    const said: string[] = [];
    const lock = await lockOut(out, { say: (l) => said.push(l) });
    expect(said).toEqual([`index: took over the lock on ${out} left by pid ${DEAD} on ${os.hostname()}, since 2026-12-01T10:00:00.000Z: pid ${DEAD} is not running`]);
    expect(readLockOwner(out)!.pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid is alive but is another program now, not the build', async () => {
    const out = outDir();
    plant(out, { pid: sleeper.pid, host: os.hostname(), since: '2026-12-01T10:00:00.000Z', cmdline: 'node\0--import\0tsx\0index-builder/cli.ts\0' });
    const said: string[] = [];
    const lock = await lockOut(out, { say: (l) => said.push(l) });
    expect(said[0]).toContain(`pid ${sleeper.pid} is now another program, not a build`);
    lock.release();
  });

  it('respects a lock of a build on another host, which it cannot check', async () => {
    const out = outDir();
    plant(out, { pid: DEAD, host: 'another-host.example', since: '2026-12-01T10:00:00.000Z' });
    await expect(lockOut(out)).rejects.toThrow(`pid ${DEAD} on another-host.example, since 2026-12-01T10:00:00.000Z`);
  });

  it('is not removed by a release after another build took it over', async () => {
    const out = outDir();
    const lock = await lockOut(out);
    const other = { pid: sleeper.pid, host: os.hostname(), since: '2026-12-02T08:00:00.000Z' };
    plant(out, other);
    lock.release();
    expect(JSON.parse(readFileSync(lockFile(out), 'utf8'))).toEqual(other);
  });
});
