import { describe, expect, it } from 'vitest';
import { mayStemTo, stem } from './stem';
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

describe('mayStemTo: the quick test before stem', () => {
  it('rejects a longer word that is not a form of the short one («درباره», «درست» after «در»)', () => {
    expect(mayStemTo('درباره', 'در')).toBe(false);
    expect(mayStemTo('درست', 'در')).toBe(false);
  });

  it('never rejects a word stem() maps to the base, over every chain of up to three suffixes', () => {
    const suffixes = ['ها', 'های', 'هایی', 'هایشان', 'ترین', 'تر', 'ان', 'یان', 'ات', 'شان', 'ای', 'ام', 'اش', 'انی', 'م', 'ی', 'گان'];
    const bases = ['کتاب', 'خانه', 'دوست', 'سلام', 'نماینده', 'فرهنگ', 'شادمان', 'دانشجو', 'بزرگ'];
    let checked = 0;
    for (const base of bases) {
      for (const a of ['', ...suffixes]) {
        for (const b of ['', ...suffixes]) {
          for (const c of ['', ...suffixes]) {
            for (const prefix of ['', 'می', 'نمی']) {
              // The engine asks about words that start with the stem (after «می»/«نمی»).
              const word = prefix + base + a + b + c;
              const head = prefix + stem(base);
              if (stem(word) !== stem(base) || !word.startsWith(head)) continue;
              checked++;
              expect(mayStemTo(word, head), word).toBe(true);
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('stem: rules that ask how common the stem is (query words)', () => {
  // Articles per term, as an archive would have them.
  const articles: Record<string, number> = {
    کتاب: 900, کتابی: 40, کتابش: 30, حسین: 800, حسینی: 480, شورا: 170, شورای: 1500, نیرو: 220, نیروی: 730,
    گزارش: 6800, گزار: 8, زندگی: 1260, زندگ: 1, موسو: 2, موسوی: 180, باز: 900, بازی: 700, حماس: 40, حماسی: 40,
    نمای: 44, نمایش: 840, ارای: 95, ارایش: 36,
  };
  const frequency = (t: string) => articles[t] ?? 0;
  const known = (t: string) => t in articles;
  const withArchive = (word: string) => stem(analyze(word)[0].term, known, { frequency });

  it.each([
    ['کتابی', 'کتاب'],
    ['کتابش', 'کتاب'],
    ['حسینی', 'حسین'],
    ['شورای', 'شورا'],
    ['نیروی', 'نیرو'],
  ])('«%s» → «%s» when the archive has the stem often enough', (word, base) => {
    expect(withArchive(word)).toBe(base);
  });

  it.each([
    ['گزارش', 'گزار'],
    ['زندگی', 'زندگ'],
    ['موسوی', 'موسو'],
    ['بازی', 'باز'],
    ['حماسی', 'حماس'],
    ['نمایش', 'نمای'],
    ['آرایش', 'ارای'],
  ])('«%s» is not «%s»', (word, other) => {
    expect(withArchive(word)).not.toBe(other);
  });

  it('leaves «کتابی» whole without frequencies (the vocabulary side of a group)', () => {
    expect(stem('کتابی', known)).toBe('کتابی');
  });
});
