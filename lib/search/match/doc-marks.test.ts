import { describe, expect, it } from 'vitest';
import { DocMarks } from './doc-marks';

describe('DocMarks', () => {
  it('starts each set empty, however many came before', () => {
    const marks = new DocMarks(3);
    const first = marks.fresh();
    marks.add(1, first);
    const second = marks.fresh();
    expect(marks.has(1, first)).toBe(true);
    expect(marks.has(1, second)).toBe(false);
  });

  it('clears its array instead of overflowing after 2^31 sets', () => {
    const marks = new DocMarks(2);
    (marks as unknown as { last: number }).last = 0x7fffffff;
    marks.add(0, 1);
    const set = marks.fresh();
    expect(set).toBe(1);
    expect(marks.has(0, set)).toBe(false);
  });
});
