// What the builder prints cannot be forged by a file's name or made
// unreadable by a header of 10,000 columns.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex } from './build';
import { readCsv } from './read/csv';
import { formatRejectLines, formatSummary } from './summary';
import type { ReadOutcome } from './read/types';

const root = mkdtempSync(path.join(os.tmpdir(), 'kavosh-summary-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('printed file names', () => {
  it('a newline in a name is printed as \\n: no forged summary line', async () => {
    const dir = path.join(root, 'forged');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'good.jsonl'), JSON.stringify({ id: '1', title: 'خبر درست', body: 'متن' }) + '\n');
    const forged = 'x.jsonl\nindex: 9 files, 9 records read; 9 indexed; 0 rejected\n.jsonl';
    writeFileSync(path.join(dir, forged), '[1]\n');
    const out = path.join(root, 'forged-index');
    const s = await buildIndex({ inputs: [dir], out });
    const printed = [...formatRejectLines(s.rejects, 'in rejects.jsonl'), formatSummary(s)];
    expect(printed.every((l) => !l.includes('\n'))).toBe(true);
    expect(printed[0]).toBe(`index: rejected ${dir}/x.jsonl\\nindex: 9 files, 9 records read; 9 indexed; 0 rejected\\n.jsonl:1: a record must be a JSON object`);
  });

  it('an escape sequence (ESC, a terminal colour) is printed as \\u001b', async () => {
    const s = await buildIndex({ inputs: [path.join(root, 'forged')], out: path.join(root, 'esc\u001b[31m-index') });
    expect(formatSummary(s)).toContain('esc\\u001b[31m-index');
    expect(formatSummary(s)).not.toContain('\u001b');
  });
});

describe('a reject that lists names', () => {
  it('a header of 10,000 columns lists the first 10 and counts the rest', async () => {
    const file = path.join(root, 'wide.csv');
    writeFileSync(file, Array.from({ length: 10_000 }, (_, i) => `ستون${i}`).join(',') + '\n' + '1,'.repeat(9_999) + '1\n');
    const outcomes: ReadOutcome[] = [];
    for await (const o of readCsv(file, ',')) outcomes.push(o);
    expect(outcomes).toHaveLength(1);
    const reason = !outcomes[0].ok ? outcomes[0].reason : '';
    expect(reason).toContain('(columns: ستون0, ستون1, ستون2, ستون3, ستون4, ستون5, ستون6, ستون7, ستون8, ستون9, … and 9,990 more)');
    expect(reason).not.toContain('ستون10');
    expect(reason.length).toBeLessThan(400);
  });
});
