// One build at a time per --out. Two builds racing into one folder left an
// index that would not load (the loser read parts of the previous index by
// path after the winner had swapped its own in), so a build holds a lock file
// beside --out from before it reads the previous index until it exits.
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printable } from './read/paths';

/** Who holds the lock, as written in the lock file. */
export interface LockOwner {
  pid: number;
  host: string;
  /** When the build took the lock (ISO time). */
  since: string;
  /** The owner's command line, to tell a build from another process that got its pid later. */
  cmdline?: string;
}

export const lockFile = (out: string) => `${path.resolve(out)}.lock`;

/** Another build holds the lock on --out. */
export class OutLockedError extends Error {
  constructor(
    readonly out: string,
    readonly owner: LockOwner,
  ) {
    super(`another build is writing ${printable(out)}: ${describeOwner(owner)} (lock ${printable(lockFile(out))}); run with --wait to build after it`);
  }
}

export const describeOwner = (o: LockOwner) => `pid ${o.pid} on ${printable(String(o.host))}, since ${printable(String(o.since))}`;

function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Why a lock no longer stands for a running build, or null when it does (or
 * cannot be told from here: a lock of another host is respected).
 */
export function staleBecause(owner: LockOwner | null): string | null {
  if (owner === null) return 'its lock file cannot be read';
  if (owner.host !== os.hostname()) return null;
  if (!alive(owner.pid)) return `pid ${owner.pid} is not running`;
  // A pid is reused: alive with another command line, it is not the build that locked.
  const now = commandLine(owner.pid);
  if (now !== null && owner.cmdline !== undefined && now !== owner.cmdline) return `pid ${owner.pid} is now another program, not a build`;
  return null;
}

export function readLockOwner(out: string): LockOwner | null | undefined {
  let text: string;
  try {
    text = readFileSync(lockFile(out), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return null;
  }
  try {
    const o = JSON.parse(text) as LockOwner;
    return Number.isInteger(o.pid) && typeof o.host === 'string' && typeof o.since === 'string' ? o : null;
  } catch {
    return null;
  }
}

/** The pid of the build that holds the lock on `out` now, if one does. */
export function lockHolder(out: string): number | null {
  const owner = readLockOwner(out);
  return owner && staleBecause(owner) === null ? owner.pid : null;
}

export interface OutLock {
  /** Removes the lock if it is still this process's; safe to call twice. */
  release(): void;
}

export interface LockOptions {
  /** Wait for the other build instead of failing. */
  wait?: boolean;
  pollMs?: number;
  /** Messages: a stale lock taken over, a wait begun. */
  say?: (line: string) => void;
}

const same = (a: LockOwner | null, b: LockOwner | null) => a !== null && b !== null && a.pid === b.pid && a.host === b.host && a.since === b.since;

/**
 * Takes the lock on `out`: created whole and atomically (written aside, then
 * hard-linked to its name, which fails if the name exists), released on every
 * exit of the process. Throws OutLockedError when another build holds it and
 * `wait` is not set.
 */
export async function lockOut(out: string, { wait = false, pollMs = 500, say = () => {} }: LockOptions = {}): Promise<OutLock> {
  const file = lockFile(out);
  mkdirSync(path.dirname(file), { recursive: true });
  const me: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), cmdline: commandLine(process.pid) ?? undefined };
  const aside = `${file}.${process.pid}`;
  writeFileSync(aside, JSON.stringify(me) + '\n');
  let waiting = false;
  try {
    for (;;) {
      try {
        linkSync(aside, file);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const owner = readLockOwner(out);
      if (owner === undefined) continue; // released meanwhile
      const stale = staleBecause(owner);
      if (stale !== null) {
        takeOver(file, owner);
        say(`index: took over the lock on ${printable(out)} left by ${owner ? describeOwner(owner) : 'an unknown build'}: ${stale}`);
        continue;
      }
      if (!wait) throw new OutLockedError(out, owner!);
      if (!waiting) say(`index: waiting for the build holding ${printable(out)} to finish (${describeOwner(owner!)})…`);
      waiting = true;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  } finally {
    try {
      unlinkSync(aside);
    } catch {
      // already gone
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (same(readLockOwner(out) ?? null, me)) {
      try {
        unlinkSync(file);
      } catch {
        // removed by hand meanwhile
      }
    }
  };
  process.on('exit', release);
  return { release };
}

/**
 * Removes a stale lock, unless another build replaced it meanwhile: it is
 * moved aside first, and put back when what was moved is not the stale one.
 */
function takeOver(file: string, stale: LockOwner | null): void {
  const moved = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, moved);
  } catch {
    return; // someone else took it away first
  }
  let ownerMoved: LockOwner | null = null;
  try {
    ownerMoved = JSON.parse(readFileSync(moved, 'utf8')) as LockOwner;
  } catch {
    // unreadable: stale by definition
  }
  if (stale !== null && ownerMoved !== null && !same(ownerMoved, stale) && staleBecause(ownerMoved) === null) {
    try {
      linkSync(moved, file);
    } catch {
      // a third build took the name: it holds the lock now
    }
  }
  if (existsSync(moved)) unlinkSync(moved);
}
