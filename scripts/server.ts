// A production server (`next start`) in a child process on 127.0.0.1, for the
// deploy check, the cold-start timing and the load benchmark: a free port, its
// memory as the kernel counts it, and a clean stop of the whole process group.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const MiB = 1024 * 1024;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

/** /proc/<pid>/status fields in bytes (VmRSS, VmHWM), or null when the process is gone. */
export function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** The memory of `pid` and all its descendants, summed (a peak summed is an upper bound: the processes peak apart). */
export function memoryOfTree(pid: number): { rss: number; peak: number } | null {
  const own = memoryOf(pid);
  if (!own) return null;
  for (const c of childrenOf(pid)) {
    const m = memoryOfTree(c);
    if (m) (own.rss += m.rss), (own.peak += m.peak);
  }
  return own;
}

/** The pids of `pid`'s child processes (none when it is gone). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (list) out.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    /* gone */
  }
  return out;
}

/** The process that serves: the one titled next-server among `pid` and its descendants (else `pid`). */
export function serverPid(pid: number): number {
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (cmd.startsWith('next-server')) return p;
    } catch {
      /* gone */
    }
    queue.push(...childrenOf(p));
  }
  return pid;
}

export interface Server {
  port: number;
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn until the port accepted connections. */
  bootMs: number;
  /** The next-server process (for its memory). */
  pid(): number;
  memory(): { rss: number; peak: number } | null;
  log(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  indexDir: string;
  /** Serve with `npm run start:cluster` (scripts/cluster.mjs) and this many processes instead of one `next start`. */
  workers?: number;
  port?: number;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Starts `next start` on 127.0.0.1 (a built .next is needed) and waits until it listens, without loading the index. */
export async function startServer({ indexDir, workers, port, env, timeoutMs = 60_000 }: StartOptions): Promise<Server> {
  const nextBin = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) throw new Error('no production build in .next: run npm run build first');
  const p = port ?? (await freePort());
  const started = performance.now();
  const command = workers ? [path.join(ROOT, 'scripts', 'cluster.mjs'), '-p', String(p), '-H', '127.0.0.1'] : [nextBin, 'start', '-p', String(p), '-H', '127.0.0.1'];
  const child = spawn(process.execPath, command, {
    cwd: ROOT,
    env: { ...process.env, ...env, ...(workers ? { KAVOSH_WORKERS: String(workers) } : {}), SEARCH_INDEX_DIR: indexDir, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() ends next-server too
  });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-20_000)));
  let exited = false;
  child.once('exit', () => (exited = true));

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + 5000;
    while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  };

  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(p))) {
    if (exited) throw new Error(`next start exited before listening:\n${output.slice(-2000)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not listen on 127.0.0.1:${p} within ${timeoutMs / 1000} s:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const bootMs = performance.now() - started;
  return {
    port: p,
    url: `http://127.0.0.1:${p}`,
    child,
    bootMs,
    pid: () => serverPid(child.pid!),
    // A cluster's memory is its processes' together (each holds its own index).
    memory: () => (workers ? memoryOfTree(child.pid!) : memoryOf(serverPid(child.pid!))),
    log: () => output,
    stop,
  };
}

/** GET with the whole body read; the time includes it. */
export async function timedGet(url: string): Promise<{ status: number; ms: number; bytes: number; body: string }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { connection: 'close' } });
  const body = await res.text();
  return { status: res.status, ms: performance.now() - started, bytes: Buffer.byteLength(body), body };
}

export const mb = (bytes: number) => `${(bytes / MiB).toFixed(1)} MB`;

/** The index directory as a path relative to the project (what the build bundles), or an error when it is outside. */
export function projectRelative(dir: string): string {
  const rel = path.relative(ROOT, path.resolve(ROOT, dir));
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new Error(`the index ${dir} is outside the project (${ROOT}): Vercel only bundles files inside it`);
  }
  return rel.split(path.sep).join('/') || '.';
}

/** `--name value` or `--name=value` from argv, else undefined. */
export function argValue(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}
