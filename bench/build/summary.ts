// Reading the one line the index CLI ends with (index-builder/summary.ts):
//   index: 2 files, 100,100 records read; 100,100 indexed (100 added, 0 updated,
//   0 removed, 100,000 unchanged); 0 rejected; 100 analyzed, 100,000 read back
//   from the previous index; 12.3 s → <out>
// Each part is looked for on its own, so a line that lacks a part (an older
// builder) or grows a new one still reads; the line is kept verbatim beside
// the figures.

export interface BuildCounts {
  files?: number;
  records?: number;
  indexed?: number;
  added?: number;
  updated?: number;
  removed?: number;
  unchanged?: number;
  rejected?: number;
  duplicatesReplaced?: number;
  /** Articles analyzed afresh; the rest were read back from the previous index. */
  analyzed?: number;
  readBack?: number;
  /** Why every article was analyzed ("all analyzed (…)"): no previous index, --full, other analyzer code. */
  fullBecause?: string;
  /** The builder's own time, seconds. */
  builderS?: number;
}

const count = (s: string) => Number(s.replace(/,/g, ''));
const N = '(\\d[\\d,]*)';

/** The summary line among the CLI's stdout lines (the last one starting "index:" that says "indexed"), or null. */
export function findSummaryLine(stdout: string): string | null {
  const lines = stdout.split(/\r?\n/).filter((l) => l.startsWith('index:') && / indexed\b/.test(l));
  return lines.at(-1) ?? null;
}

export function parseSummary(line: string): BuildCounts {
  const out: BuildCounts = {};
  const grab = (re: RegExp, ...keys: Exclude<keyof BuildCounts, 'fullBecause'>[]) => {
    const m = re.exec(line);
    if (m) keys.forEach((k, i) => (out[k] = count(m[i + 1])));
  };
  grab(new RegExp(`${N} files?, ${N} records? read`), 'files', 'records');
  grab(new RegExp(`${N} indexed`), 'indexed');
  grab(new RegExp(`${N} added`), 'added');
  grab(new RegExp(`${N} updated`), 'updated');
  grab(new RegExp(`${N} removed`), 'removed');
  grab(new RegExp(`${N} unchanged`), 'unchanged');
  grab(new RegExp(`${N} rejected`), 'rejected');
  grab(new RegExp(`${N} duplicate ids? replaced`), 'duplicatesReplaced');
  grab(new RegExp(`${N} analyzed, ${N} read back`), 'analyzed', 'readBack');
  const all = /all analyzed \(([^)]*)\)/.exec(line);
  if (all) {
    out.fullBecause = all[1];
    if (out.indexed !== undefined) [out.analyzed, out.readBack] = [out.indexed, 0];
  }
  const s = /(\d+(?:\.\d+)?) s →/.exec(line);
  if (s) out.builderS = Number(s[1]);
  return out;
}

/** What did not come out as expected, e.g. ["added 0 (expected 100)"]; empty when all did. */
export function countMismatches(got: BuildCounts, expected: Partial<BuildCounts>): string[] {
  return Object.entries(expected)
    .filter(([k, v]) => got[k as keyof BuildCounts] !== v)
    .map(([k, v]) => `${k} ${got[k as keyof BuildCounts] ?? 'not printed'} (expected ${v})`);
}
