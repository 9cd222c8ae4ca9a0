// Runs the real index CLI as a child process and measures it from outside:
// wall time here, peak RSS and CPU time from GNU time -v (the kernel's
// getrusage of the builder), or, without it, by sampling the builder's VmHWM
// in /proc. Measuring from outside is what makes a builder's own figures and
// a CLI that is about to change comparable between runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, WORK_DIR } from './paths';
import { PROJECT_ROOT } from '../query/paths';
import { findSummaryLine, parseSummary, type BuildCounts } from './summary';
import { parseTimeV, parseVmHwm } from './timev';

const TIME = '/usr/bin/time';

export interface BuildRun {
  args: string[];
  wallS: number;
  peakRssBytes: number | null;
  rssFrom: 'time -v' | 'VmHWM samples';
  /** User + system CPU seconds (time -v only). */
  cpuS: number | null;
  exitCode: number;
  summaryLine: string | null;
  counts: BuildCounts;
  /** 1-minute load average when the run started: the machine is shared. */
  loadAverage: number;
  stderrTail: string[];
}

/** Whether GNU time with -v and -o works here (busybox's and the shell keyword do not all). */
export function timeVAvailable(): boolean {
  if (!existsSync(TIME)) return false;
  const probe = path.join(os.tmpdir(), `kavosh-time-probe-${process.pid}.txt`);
  try {
    const r = spawnSync(TIME, ['-v', '-o', probe, 'true'], { stdio: 'ignore' });
    return r.status === 0 && existsSync(probe) && parseTimeV(readFileSync(probe, 'utf8')) !== null;
  } finally {
    rmSync(probe, { force: true });
  }
}

const nodeArgs = (cliArgs: string[]) => ['--import', 'tsx', path.relative(PROJECT_ROOT, CLI), ...cliArgs];

/** The CLI's --help text: how this benchmark learns whether the builder has --full yet. */
export function cliHelp(): string {
  const r = spawnSync(process.execPath, nodeArgs(['--help']), { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

function readProc(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The node process doing the build: time's child when under time, else the spawned process itself. */
function builderPid(pid: number, underTime: boolean): number | null {
  if (!underTime) return pid;
  const children = readProc(`/proc/${pid}/task/${pid}/children`)?.trim().split(/\s+/).filter(Boolean);
  return children?.length ? Number(children[0]) : null;
}

export interface RunOptions {
  useTime: boolean;
  /** A line every this many ms while the build runs, with its RSS and its last progress line. */
  heartbeatMs?: number;
  log?: (line: string) => void;
}

/**
 * `node --import tsx index-builder/cli.ts <args>` from the project root. Not
 * --quiet: that also silences the summary line this reads the counts from;
 * the progress lines (every 2 s on a pipe) go to stderr and cost nothing
 * measurable.
 */
export function runBuild(cliArgs: string[], { useTime, heartbeatMs = 20_000, log = console.log }: RunOptions): Promise<BuildRun> {
  const timeFile = path.join(WORK_DIR, `time-${process.pid}.txt`);
  const command = useTime ? TIME : process.execPath;
  const argv = useTime ? ['-v', '-o', timeFile, process.execPath, ...nodeArgs(cliArgs)] : nodeArgs(cliArgs);
  const loadAverage = os.loadavg()[0];
  const started = performance.now();
  const proc = spawn(command, argv, { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });

  let stdout = '';
  let stderrTail: string[] = [];
  let partial = '';
  proc.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  proc.stderr.setEncoding('utf8').on('data', (s: string) => {
    const lines = (partial + s).split('\n');
    partial = lines.pop() ?? '';
    stderrTail = [...stderrTail, ...lines.filter((l) => l.trim() !== '')].slice(-40);
  });

  let hwm: number | null = null;
  const sample = () => {
    const pid = proc.pid === undefined ? null : builderPid(proc.pid, useTime);
    const status = pid === null ? null : readProc(`/proc/${pid}/status`);
    const peak = status ? parseVmHwm(status) : null;
    if (peak !== null) hwm = Math.max(hwm ?? 0, peak);
    return status;
  };
  // VmHWM only grows, so sampling often loses at most the last interval's growth.
  const sampler = useTime ? null : setInterval(sample, 200);
  const heartbeat = setInterval(() => {
    const status = sample();
    const rss = status ? /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1] : undefined;
    const elapsed = ((performance.now() - started) / 1000).toFixed(0);
    log(`    … ${elapsed} s${rss ? `, RSS ${Math.round(Number(rss) / 1024).toLocaleString('en-US')} MiB` : ''}${stderrTail.length ? `, ${stderrTail.at(-1)}` : ''}`);
  }, heartbeatMs);

  return new Promise((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      const wallS = (performance.now() - started) / 1000;
      if (sampler) clearInterval(sampler);
      clearInterval(heartbeat);
      if (partial.trim() !== '') stderrTail = [...stderrTail, partial].slice(-40);
      const timed = useTime ? parseTimeV(readProc(timeFile) ?? '') : null;
      rmSync(timeFile, { force: true });
      const summaryLine = findSummaryLine(stdout);
      resolve({
        args: cliArgs,
        wallS,
        peakRssBytes: timed ? timed.maxRssBytes : hwm,
        rssFrom: useTime ? 'time -v' : 'VmHWM samples',
        cpuS: timed ? timed.userS + timed.systemS : null,
        exitCode: code ?? (signal ? 128 : 1),
        summaryLine,
        counts: summaryLine ? parseSummary(summaryLine) : {},
        loadAverage,
        stderrTail,
      });
    });
  });
}
