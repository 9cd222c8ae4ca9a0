// The one line a build ends with, and the lines that name its rejects.
import path from 'node:path';
import type { BuildSummary } from './build';
import { formatCount } from './progress';
import { printable } from './read/paths';
import { formatReject, formatWhere, type ReadReject } from './read/types';
import type { SourceMerge } from './source-aliases';
import { REJECTS_FILE } from '../lib/search/layout';

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * `index: 4 files, 12 records read; 8 indexed (5 added, 2 updated, 1 removed,
 * 0 unchanged); 3 rejected; 1 duplicate id replaced; 7 analyzed, 1 read back from the previous index;
 * 2 files skipped as unchanged; 1.2 s → data/index (rejects in data/index/rejects.jsonl)`
 */
export function formatSummary(s: BuildSummary): string {
  const d = s.diff;
  const parts = [
    `${plural(s.files, 'file')}, ${plural(s.records, 'record')} read`,
    `${formatCount(s.indexed)} indexed (${formatCount(d.added)} added, ${formatCount(d.updated)} updated, ${formatCount(d.removed)} removed, ${formatCount(d.unchanged)} unchanged)`,
    `${formatCount(s.rejected)} rejected`,
  ];
  if (s.replaced.length > 0) parts.push(`${plural(s.replaced.length, 'duplicate id')} replaced`);
  if (s.fullBecause === null) {
    parts.push(`${formatCount(s.analyzed)} analyzed, ${formatCount(s.indexed - s.analyzed)} read back from the previous index`);
    parts.push(`${plural(s.skippedFiles, 'file')} skipped as unchanged`);
  } else {
    parts.push(`all analyzed (${s.fullBecause})`);
  }
  parts.push(`${(s.ms / 1000).toFixed(1)} s → ${printable(s.out)}`);
  const listed = s.rejected + s.replaced.length > 0 ? ` (listed in ${printable(path.join(s.out, REJECTS_FILE))})` : '';
  return `index: ${parts.join('; ')}${listed}`;
}

function firstLines(entries: readonly ReadReject[], line: (r: ReadReject) => string, where: string, limit: number): string[] {
  const lines = entries.slice(0, limit).map(line);
  if (entries.length > limit) lines.push(`index: … and ${formatCount(entries.length - limit)} more ${where}`);
  return lines;
}

/** The first `limit` rejects, one line each, and how many more there are `where`. */
export function formatRejectLines(rejects: readonly ReadReject[], where: string, limit = 20): string[] {
  return firstLines(rejects, (r) => `index: rejected ${formatReject(r)}`, where, limit);
}

/** The first `limit` records replaced by a later one with the same id. */
export function formatReplacedLines(replaced: readonly ReadReject[], where: string, limit = 20): string[] {
  return firstLines(replaced, (r) => `index: duplicate id "${r.id}": ${formatWhere(r)} replaced by ${r.replacedBy}`, where, limit);
}

/**
 * One line per source the alias table gave articles of other names:
 * `index: source خبرآنلاین ← khabaronline.ir (176), خبرآنلاین (20)`, the
 * canonical name, then each name as written with its articles, most first.
 */
export function formatMergeLines(merges: readonly SourceMerge[]): string[] {
  return merges.map((m) => `index: source ${m.source} ← ${m.names.map((n) => `${n.name} (${formatCount(n.count)})`).join(', ')}`);
}
