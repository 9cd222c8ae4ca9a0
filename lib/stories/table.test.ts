import { describe, expect, it } from 'vitest';
import { storyCount, storyMembers, storyTable } from './table';

describe('storyTable', () => {
  const docs = new Map([['irna-1', 0], ['mashregh-7', 1], ['isna-3', 2], ['fars-9', 3]]);
  const docOf = (id: string) => docs.get(id) ?? -1;

  it('numbers each story and keeps its representative first', () => {
    const t = storyTable([{ id: 'mashregh-7', members: ['mashregh-7', 'irna-1'] }], 4, docOf);
    expect(storyCount(t)).toBe(1);
    expect(Array.from(storyMembers(t, 0))).toEqual([1, 0]);
    expect(Array.from(t.storyOf)).toEqual([0, 0, -1, -1]);
  });

  it('drops a story whose other copies are not in the index', () => {
    const t = storyTable([{ id: 'isna-3', members: ['isna-3', 'gone-1'] }], 4, docOf);
    expect(storyCount(t)).toBe(0);
    expect(t.storyOf[2]).toBe(-1);
  });
});
