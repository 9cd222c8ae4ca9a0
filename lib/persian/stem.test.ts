import { describe, expect, it } from 'vitest';
import { stem } from './stem';
import { analyze } from './analyze';

const s = (word: string) => stem(analyze(word)[0].term);

describe('stem: what it joins', () => {
  it.each([
    ['کتاب‌ها', 'کتاب'],
    ['كتابها', 'کتاب'],
    ['کتاب‌هایشان', 'کتاب'],
    ['دوستان', 'دوست'],
    ['دانشجویان', 'دانشجو'],
    ['نمایندگان', 'نماینده'],
    ['اطلاعات', 'اطلاع'],
    ['بزرگ‌ترین', 'بزرگ'],
    ['بزرگتر', 'بزرگ'],
    ['اندیشه‌اش', 'اندیشه'],
    ['شادمانی', 'شادمان'],
    ['می‌خورد', 'خورد'],
    ['نمی‌خورد', 'خورد'],
    ['فرهنگی', 'فرهنگ'],
    ['سلامم', 'سلام'],
  ])('«%s» → «%s»', (word, expected) => {
    expect(s(word)).toBe(s(expected));
  });
});

describe('stem: what it keeps apart', () => {
  it.each([
    ['کتابت', 'کتاب'],
    ['ملی', 'ملل'],
    ['تنها', 'تن'],
    ['بازی', 'باز'],
    ['ایران', 'ایر'],
    ['جوان', 'جو'],
    ['ساختمان', 'ساخت'],
    ['سازمان', 'ساز'],
    ['دختر', 'دخ'],
    ['اسلام', 'اسل'],
    ['نظامی', 'نظام'],
    ['متخصص', 'متخص'],
    ['مصمم', 'مصم'],
    ['اسلام', 'اسلا'],
  ])('«%s» is not «%s»', (a, b) => {
    expect(s(a)).not.toBe(s(b));
  });

  it('leaves numbers alone', () => {
    expect(stem('1400ها')).toBe('1400ها');
  });
});

describe('stem: with the archive vocabulary', () => {
  const vocabulary = new Set(['خانه', 'خان', 'کشور', 'بیانیه']);
  const known = (t: string) => vocabulary.has(t);

  it('reads «خانه‌ای» as «خانه» + «ای» when the archive has «خانه»', () => {
    expect(stem(analyze('خانه‌ای')[0].term, known)).toBe('خانه');
    expect(stem(analyze('بیانیه ای')[0].term, known)).toBe('بیانیه');
  });

  it('still reads «کشورهای» as the plural of «کشور»', () => {
    expect(stem(analyze('کشورهای')[0].term, known)).toBe('کشور');
  });
});
