import { describe, expect, it } from 'vitest';
import { VarintWriter, readVarints, runAt, varintBytes } from './varint';

const decode = (bytes: Uint8Array) => {
  const out = { values: new Uint32Array(1) };
  const n = readVarints(bytes, 0, bytes.length, out);
  return [...out.values.subarray(0, n)];
};

describe('varints', () => {
  it('take one byte under 128, two under 16,384, and read back exactly', () => {
    const values = [0, 1, 127, 128, 16383, 16384, 2 ** 21, 2 ** 32 - 1];
    const bytes = varintBytes(values);
    expect(bytes.length).toBe(1 + 1 + 1 + 2 + 2 + 3 + 4 + 5);
    expect(decode(bytes)).toEqual(values);
  });

  it('grow the writer and the reader past their first capacity', () => {
    const w = new VarintWriter(2);
    const values = Array.from({ length: 5000 }, (_, i) => i * 37);
    for (const v of values) w.write(v);
    expect(decode(w.bytes())).toEqual(values);
  });

  it('take bytes already encoded as they are, between numbers, past the first capacity', () => {
    const w = new VarintWriter(2);
    w.write(300);
    w.writeBytes(varintBytes([1, 200, 70000]));
    w.write(5);
    expect(decode(w.bytes())).toEqual([300, 1, 200, 70000, 5]);
  });
});

describe('runAt: a run of numbers found by searching bytes', () => {
  const hasRun = (words: Buffer, pattern: Uint8Array) => runAt(words, pattern) >= 0;
  const buf = (values: number[]) => Buffer.from(varintBytes(values));

  it('finds the numbers one after another', () => {
    expect(hasRun(buf([7, 300, 5, 9]), varintBytes([300, 5]))).toBe(true);
  });

  it('does not find them apart or in another order', () => {
    expect(hasRun(buf([300, 7, 5]), varintBytes([300, 5]))).toBe(false);
    expect(hasRun(buf([5, 300]), varintBytes([300, 5]))).toBe(false);
  });

  it('does not take the tail of a longer number for a number (200 is the bytes 0xC8 0x01)', () => {
    expect(hasRun(buf([200, 5]), varintBytes([1, 5]))).toBe(false);
    expect(hasRun(buf([200, 1, 5]), varintBytes([1, 5]))).toBe(true);
  });

  it('says where the run starts, in bytes: after a two-byte number, at byte 2', () => {
    expect(runAt(buf([300, 7, 5]), varintBytes([7, 5]))).toBe(2);
  });
});
