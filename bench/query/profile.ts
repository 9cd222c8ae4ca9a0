// Summarizes a V8 CPU profile (.cpuprofile, from `node --cpu-prof` or the
// inspector): self time by file:function, and inclusive time of the project's
// own functions.
//   tsx bench/query/profile.ts <file.cpuprofile> [--top 25]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from './paths';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Row {
  name: string;
  ms: number;
  share: number;
}

function where(frame: CallFrame): string {
  let file = frame.url.replace(/^file:\/\//, '');
  if (file.startsWith(PROJECT_ROOT + '/')) file = file.slice(PROJECT_ROOT.length + 1);
  file = file.replace(/^.*node_modules\//, '');
  const fn = frame.functionName || '(anonymous)';
  if (!file) return fn; // (garbage collector), (program), native builtins
  return `${file}:${fn}:${frame.lineNumber + 1}`;
}

export function summarize(profile: CpuProfile, top = 25): { totalMs: number; self: Row[]; inclusive: Row[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Samples taken inside the profiler's own session (the inspector dispatching its messages) are not the code measured.
  const own = new Set<number>();
  const isOwn = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (/^(startProfiler|stopProfiler)$/.test(byId.get(at)!.callFrame.functionName)) return true;
    }
    return false;
  };
  for (const n of profile.nodes) if (isOwn(n.id)) own.add(n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    if (!own.has(id)) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const name = where(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + us);
    // Inclusive time of project functions: each distinct name once per stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = where(byId.get(at)!.callFrame);
      if (seen.has(n) || !/^(lib|bench|index-builder)\//.test(n)) continue;
      seen.add(n);
      inclusive.set(n, (inclusive.get(n) ?? 0) + us);
    }
  }
  const rows = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / totalUs }));
  return { totalMs: totalUs / 1000, self: rows(self), inclusive: rows(inclusive) };
}

export function formatSummary(s: ReturnType<typeof summarize>): string {
  const line = (r: Row) => `${(r.share * 100).toFixed(1).padStart(5)}%  ${r.ms.toFixed(0).padStart(7)} ms  ${r.name}`;
  return [
    `self time (top ${s.self.length} of ${s.totalMs.toFixed(0)} ms sampled):`,
    ...s.self.map(line),
    '',
    'inclusive time of project functions:',
    ...s.inclusive.map(line),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '25' } }, allowPositionals: true });
  if (positionals.length === 0) {
    console.error('usage: tsx bench/query/profile.ts <file.cpuprofile> [--top N]');
    process.exit(2);
  }
  for (const file of positionals) {
    console.log(`== ${file}`);
    console.log(formatSummary(summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, Number(values.top))));
  }
}
