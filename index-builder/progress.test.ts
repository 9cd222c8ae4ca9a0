import { describe, expect, it } from 'vitest';
import { BarProgress, LineProgress } from './progress';

function clocked() {
  const lines: string[] = [];
  let now = 0;
  const progress = new LineProgress((l) => lines.push(l), () => now);
  return { lines, progress, at: (ms: number) => (now = ms) };
}

describe('LineProgress: plain lines for logs', () => {
  it('prints a line every 2 s with records, rate, files, share and ETA', () => {
    const { lines, progress, at } = clocked();
    progress.reading({ files: 12, bytes: 1000 });
    at(1000);
    progress.read({ files: 2, records: 9000, bytes: 200 });
    at(5000);
    progress.read({ files: 3, records: 41_000, bytes: 250 });
    expect(lines).toEqual(['index: 41,000 records read (8,200/s), file 3 of 12, 25%, ETA 15 s']);
  });

  it('says nothing for a build shorter than 2 s', () => {
    const { lines, progress, at } = clocked();
    progress.reading({ files: 1, bytes: 100 });
    at(1500);
    progress.read({ files: 1, records: 10, bytes: 100 });
    progress.analyzing(10);
    progress.analyzed(10);
    expect(lines).toEqual([]);
  });

  it('uses the file count for the share when sizes are unknown', () => {
    const { lines, progress, at } = clocked();
    progress.reading({ files: 4, bytes: 0 });
    at(2000);
    progress.read({ files: 3, records: 100, bytes: 0 });
    expect(lines).toEqual(['index: 100 records read (50/s), file 3 of 4, 50%, ETA 2 s']);
  });

  it('says when a long build starts analyzing', () => {
    const { lines, progress, at } = clocked();
    progress.reading({ files: 1, bytes: 10 });
    at(2500);
    progress.analyzing(100_000);
    expect(lines).toEqual(['index: analyzing 100,000 articles…']);
  });
});

/** A terminal 100 columns wide that keeps what is written; `drawn` is every line the bar drew, in order. */
function terminal() {
  const chunks: string[] = [];
  const stream = { isTTY: true, columns: 100, write: (chunk: string) => chunks.push(String(chunk)) > 0 } as unknown as NodeJS.WriteStream;
  let now = 0;
  const progress = new BarProgress(stream, () => now);
  return { progress, at: (ms: number) => (now = ms), drawn: () => chunks.filter((c) => c.startsWith('index ')) };
}

describe('BarProgress: a bar on a terminal', () => {
  it('shows the analysis as a bar with its articles, rate and ETA', () => {
    const { progress, at, drawn } = terminal();
    progress.reading({ files: 1, bytes: 100 });
    progress.read({ files: 1, records: 10, bytes: 100 });
    at(1000);
    progress.analyzing(1000);
    at(3000);
    progress.analyzed(250);
    progress.stop();
    expect(drawn().at(-1)).toBe('index analyzing [██████░░░░░░░░░░░░░░░░░░] 25% | 250 of 1,000 articles | 125/s | ETA 6 s');
  });

  it('shows no analysis bar when no article is analyzed', () => {
    const { progress, drawn } = terminal();
    progress.reading({ files: 1, bytes: 100 });
    progress.analyzing(0);
    progress.analyzed(0);
    progress.stop();
    expect(drawn().filter((line) => line.includes('analyzing'))).toEqual([]);
  });
});
