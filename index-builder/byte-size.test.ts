import { describe, expect, it } from 'vitest';
import { parseByteSize } from './byte-size';

describe('parseByteSize: sizes on the command line', () => {
  it('reads plain bytes and K/M/G (powers of 1,024, with or without B)', () => {
    expect(parseByteSize('1048576', '--max-record-bytes')).toBe(1048576);
    expect(parseByteSize('20MB', '--max-record-bytes')).toBe(20 * 1024 * 1024);
    expect(parseByteSize('512k', '--max-record-bytes')).toBe(512 * 1024);
    expect(parseByteSize('1.5G', '--max-record-bytes')).toBe(1.5 * 1024 ** 3);
  });

  it('refuses what is not a size, naming the flag and the value', () => {
    for (const bad of ['', 'بیست', '20 مگ', '-5', '0', '3TB', '20MBs'])
      expect(() => parseByteSize(bad, '--max-record-bytes')).toThrow(`--max-record-bytes must be a size from 1 byte to 2GB, e.g. 20MB, 512KB or 1048576 (got "${bad}")`);
  });
});
