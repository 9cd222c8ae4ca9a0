import { describe, expect, it } from 'vitest';
import { countMismatches, findSummaryLine, parseSummary } from './summary';

describe('the CLI summary line', () => {
  it('reads every count, with thousands separators', () => {
    const line =
      'index: 2 files, 100,200 records read; 100,100 indexed (100 added, 3 updated, 1 removed, 99,997 unchanged); 0 rejected; 100 duplicate ids replaced; 103 analyzed, 99,997 read back from the previous index; 187.6 s → bench/.cache/build-bench/index (listed in bench/.cache/build-bench/index/rejects.jsonl)';
    expect(parseSummary(line)).toEqual({
      files: 2,
      records: 100_200,
      indexed: 100_100,
      added: 100,
      updated: 3,
      removed: 1,
      unchanged: 99_997,
      rejected: 0,
      duplicatesReplaced: 100,
      analyzed: 103,
      readBack: 99_997,
      builderS: 187.6,
    });
  });

  it('reads a full rebuild and its reason, and an older line without the analyzed part', () => {
    const full =
      'index: 2 files, 100,100 records read; 100,100 indexed (100 added, 0 updated, 0 removed, 100,000 unchanged); 0 rejected; all analyzed (the previous index was made by other analyzer code); 101.7 s → idx';
    expect(parseSummary(full)).toMatchObject({ added: 100, analyzed: 100_100, readBack: 0, fullBecause: 'the previous index was made by other analyzer code', builderS: 101.7 });
    const older = 'index: 1 file, 9 records read; 9 indexed (0 added, 1 updated, 0 removed, 8 unchanged); 0 rejected; 0.4 s → out';
    expect(parseSummary(older)).toMatchObject({ files: 1, records: 9, updated: 1, unchanged: 8, builderS: 0.4 });
    expect(parseSummary(older).analyzed).toBeUndefined();
    expect(parseSummary(older).duplicatesReplaced).toBeUndefined();
  });

  it('finds the line among the others, and names what differs from the expected counts', () => {
    const stdout = 'something else\nindex: 1 file, 1 record read; 1 indexed (1 added, 0 updated, 0 removed, 0 unchanged); 0 rejected; 0.1 s → o\n';
    const line = findSummaryLine(stdout)!;
    expect(line.startsWith('index: 1 file')).toBe(true);
    expect(findSummaryLine('index: 41,000 records read (8,200/s)\n')).toBeNull();
    expect(countMismatches(parseSummary(line), { added: 1, unchanged: 0 })).toEqual([]);
    expect(countMismatches(parseSummary(line), { added: 100, removed: 0, duplicatesReplaced: 0 })).toEqual([
      'added 1 (expected 100)',
      'duplicatesReplaced not printed (expected 0)',
    ]);
  });
});
