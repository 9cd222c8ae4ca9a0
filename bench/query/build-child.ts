// Child process of `npm run bench:query`: builds the index of the bench corpus
// with the product's builder and reports its time and peak RSS to the parent
// (over IPC), so the figures are the build's own and not the parent's.
//   node --import tsx bench/query/build-child.ts <corpus.jsonl.gz> <out dir>
import { buildIndex } from '../../index-builder/build';
import type { BuildProgress } from '../../index-builder/progress';

export interface BuildReport {
  ok: boolean;
  error?: string;
  ms: number;
  /** Peak resident set size of the build process, bytes (getrusage ru_maxrss). */
  maxRssBytes: number;
  /** CPU time of the build process, ms (user + system): steadier than wall time on a shared machine. */
  cpuMs: number;
  indexed: number;
  rejected: number;
  /** Wall time of each stage, ms: reading the JSONL, analyzing + FlexSearch add, writing. */
  phases: { read: number; analyze: number; write: number };
}

const cpuMs = () => {
  const u = process.resourceUsage();
  return Math.round((u.userCPUTime + u.systemCPUTime) / 1000);
};
const [corpus, out] = process.argv.slice(2);
const t0 = performance.now();
const marks: Record<string, number> = {};
const mark = (name: string) => (marks[name] ??= performance.now());
const heartbeat = setInterval(() => {
  const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
  console.error(`  build: ${((performance.now() - t0) / 1000).toFixed(0)} s, rss ${rss} MiB, ${Object.keys(marks).at(-1) ?? 'planning'}`);
}, 15_000);
const progress: BuildProgress = {
  reading: () => mark('reading'),
  read: () => {},
  analyzing: () => mark('analyzing'),
  analyzed: () => mark('analyzed'),
  writing: () => mark('writing'),
  stop: () => mark('stopped'),
};

let report: BuildReport;
try {
  const summary = await buildIndex({ inputs: [corpus], out, progress });
  const end = performance.now();
  report = {
    ok: true,
    ms: summary.ms,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    cpuMs: cpuMs(),
    indexed: summary.indexed,
    rejected: summary.rejected,
    phases: {
      read: Math.round((marks.analyzing ?? end) - (marks.reading ?? t0)),
      analyze: Math.round((marks.analyzed ?? end) - (marks.analyzing ?? end)),
      write: Math.round(end - (marks.writing ?? end)),
    },
  };
  if (summary.rejected > 0) console.error(`  build: ${summary.rejected} records rejected, e.g. ${JSON.stringify(summary.rejects[0])}`);
} catch (e) {
  report = {
    ok: false,
    error: (e as Error).stack ?? String(e),
    ms: Math.round(performance.now() - t0),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    cpuMs: cpuMs(),
    indexed: 0,
    rejected: 0,
    phases: { read: 0, analyze: 0, write: 0 },
  };
}
clearInterval(heartbeat);
if (process.send) process.send(report, () => process.exit(report.ok ? 0 : 1));
else console.log(JSON.stringify(report));
