// A file that changes while the builder reads it is reported as changed, not
// as a file that is not text.
import { truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJsonl } from './jsonl';
import type { ReadOutcome } from './types';
import { tempFiles } from '../testing';

const { write } = tempFiles('kavosh-changed-');

const record = (i: number) => JSON.stringify({ id: `خبر-${i}`, title: `عنوان خبر ${i}`, body: 'متن فارسی خبر '.repeat(200) });
/** About 8 MB of Persian JSON Lines: read in several 1 MB chunks. */
const big = () => Array.from({ length: 1500 }, (_, i) => record(i)).join('\n') + '\n';

/** Reads the first record, truncates the file to `cut(bytes)` bytes, then reads the rest. */
async function readTruncated(name: string, cut: (bytes: Buffer) => number): Promise<ReadOutcome[]> {
  const text = big();
  const file = write(name, text);
  const bytes = Buffer.from(text);
  const outcomes: ReadOutcome[] = [];
  let first = true;
  for await (const o of readJsonl(file)) {
    outcomes.push(o);
    if (first) truncateSync(file, cut(bytes));
    first = false;
  }
  return outcomes;
}

describe('readJsonl: a file truncated while it is read', () => {
  it('cut inside a character: is "changed during the build", not "saved in two encodings?"', async () => {
    // Past the 2–3 MB the stream may have read ahead, inside a two-byte Persian letter.
    const outcomes = await readTruncated('cut-mid-char.jsonl', (b) => {
      let at = 6_000_001;
      while ((b[at] & 0xc0) !== 0x80) at++;
      return at;
    });
    const last = outcomes.at(-1)!;
    expect(last.ok).toBe(false);
    expect(!last.ok && last.reason).toMatch(/^the file changed during the build \([\d,]+ bytes when reading began, 6,0\d\d,\d\d\d when it ended\); build again to read it as it is now \(after line \d+\)$/);
    expect(!last.ok && last.reason).not.toMatch(/two encodings/);
    expect(outcomes.filter((o) => !o.ok)).toHaveLength(1);
  });

  it('cut at a line end: is reported too, though every line it still has reads', async () => {
    const outcomes = await readTruncated('cut-at-line.jsonl', (b) => b.indexOf('\n', 6_000_000) + 1);
    const last = outcomes.at(-1)!;
    expect(!last.ok && last.reason).toMatch(/^the file changed during the build/);
  });

  it('a file not changed while read gives no such reject', async () => {
    const file = write('same.jsonl', record(1) + '\n');
    writeFileSync(file, record(1) + '\n' + record(2) + '\n');
    const outcomes: ReadOutcome[] = [];
    for await (const o of readJsonl(file)) outcomes.push(o);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
  });
});
