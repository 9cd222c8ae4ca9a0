import { describe, expect, it } from 'vitest';
import { varintBytes } from '../lib/search/varint';
import { translateCodes, translateCodesAside } from './translate-codes';

// Two articles' words as varint codes: [1, 200] and [127, 3, 16384].
const positions = Uint8Array.from([...varintBytes([1, 200]), ...varintBytes([127, 3, 16384])]);
const offsets = Uint32Array.from([0, 3, 8]);
/** Old code → new code: 127 and 128 trade places (one byte becomes two), 200 becomes 5, 16384 becomes 90; the rest stay. */
const codeOfOld = Uint32Array.from({ length: 16385 }, (_, c) => ({ 127: 128, 128: 127, 200: 5, 16384: 90 })[c] ?? c);
const expected = [...varintBytes([1, 5]), ...varintBytes([128, 3, 90])];

const shared = () => ({ out: new Uint8Array(new SharedArrayBuffer(expected.length)), posOffsets: new Uint32Array(new SharedArrayBuffer(12)) });

describe('translateCodes: the previous positions in new word codes', () => {
  it('rewrites every code, a code changing its length among them, and says where each article starts', () => {
    const { out, posOffsets } = shared();
    expect(translateCodes(positions, offsets, codeOfOld, out, posOffsets)).toBe(expected.length);
    expect([...out]).toEqual(expected);
    expect([...posOffsets.subarray(0, 2)]).toEqual([0, 2]);
  });

  it('writes the same when run aside (on a worker thread, or on this one when a worker fails)', async () => {
    const { out, posOffsets } = shared();
    expect(await translateCodesAside(positions, offsets, codeOfOld, out, posOffsets)).toBe(expected.length);
    expect([...out]).toEqual(expected);
    expect([...posOffsets.subarray(0, 2)]).toEqual([0, 2]);
  });
});
