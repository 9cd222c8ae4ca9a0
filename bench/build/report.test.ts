import { describe, expect, it } from 'vitest';
import { V8_STRING_LIMIT, bytesText, checks, secondsText, type Figures } from './report';

const figures: Figures = {
  fullS: 187.6,
  addS: 4.2,
  changeS: 190,
  peakRssBytes: 1.95e9,
  indexBytes: 212e6,
  corpusBytes: 366.7e6,
  largestFile: { name: 'articles.bin', bytes: 112e6 },
  stringLimit: 2 ** 29 - 24,
};

describe('targets', () => {
  it('passes and fails each target on its own figure', () => {
    const c = checks(figures);
    expect(c.map((x) => x.ok)).toEqual([false, true, true, true, true]);
    expect(c[0]).toMatchObject({ target: 'full build ≤ 60 s', measured: '187.6 s' });
    expect(checks({ ...figures, indexBytes: 400e6 })[3].ok).toBe(false);
    expect(checks({ ...figures, peakRssBytes: 3.2e9 })[1].ok).toBe(false);
  });

  it('holds a file of a quarter of the string limit or more to be too near it', () => {
    const quarter = figures.stringLimit / 4;
    expect(checks({ ...figures, largestFile: { name: 'x', bytes: quarter } })[4].ok).toBe(true);
    expect(checks({ ...figures, largestFile: { name: 'x', bytes: quarter + 1 } })[4].ok).toBe(false);
  });

  it('knows V8\'s limit and prints figures in both units', () => {
    expect(V8_STRING_LIMIT).toBeGreaterThan(2 ** 28);
    expect(bytesText(1_952_395_264)).toBe('1,862 MiB (1.95 GB)');
    expect(bytesText(51e6)).toBe('49 MiB (51 MB)');
    expect(secondsText(4.234)).toBe('4.23 s');
    expect(secondsText(187.64)).toBe('187.6 s');
  });
});
