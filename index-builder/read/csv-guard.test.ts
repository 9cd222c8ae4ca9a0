import { describe, expect, it } from 'vitest';
import { CsvRecordGuard, OVERSIZED_CELL, oversizedSize } from './csv-guard';

const through = (text: string, maxBytes: number, size: number) => {
  const guard = new CsvRecordGuard(',', maxBytes);
  let out = '';
  for (let i = 0; i < text.length; i += size) out += guard.push(text.slice(i, i + size));
  return out + guard.end();
};

const CSV = 'عنوان,متن\nگفت "نه",ساده\n"عنوان ""نقل"" شده","دو\nخط"\nآخر,بی‌پایان';

describe('CsvRecordGuard', () => {
  it('passes text within the limit through unchanged, however it is cut into chunks (a "" split between two included)', () => {
    for (const size of [1, 2, 3, 7, 1000]) expect(through(CSV, 1 << 20, size)).toBe(CSV);
  });

  it('replaces a record over the limit by one cell of its size, over as many lines, whatever the chunks', () => {
    const long = `خبر,"${'سطر\n'.repeat(50)}"`;
    const text = `عنوان,متن\n${long}\nبعدی,متن\n`;
    for (const size of [1, 5, 64, 10_000]) {
      expect(through(text, 100, size)).toBe(`عنوان,متن\n"${OVERSIZED_CELL}${Buffer.byteLength(long)}${'\n'.repeat(50)}"\nبعدی,متن\n`);
    }
  });

  it('reads the size back from the cell, and finds no size in an ordinary row', () => {
    expect(oversizedSize([`${OVERSIZED_CELL}123\n\n`])).toBe(123);
    expect(oversizedSize(['خبر', 'متن'])).toBeNull();
    expect(oversizedSize(['oversized-record:5'])).toBeNull();
  });
});
