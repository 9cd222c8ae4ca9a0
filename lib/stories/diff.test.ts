import { describe, expect, it } from 'vitest';
import { diffView, PARAGRAPH, textWords, wordDiff, wordKey } from './diff';

const w = (text: string) => text.split(' ');

describe('wordDiff', () => {
  it('finds nothing changed in a word-for-word copy', () => {
    const a = w('رئیس جمهور امروز در جمع خبرنگاران گفت');
    expect(wordDiff(a, a).runs).toEqual([{ kind: 'same', words: a }]);
  });

  it('does not count a respelling (ي/ی, ك/ک, ZWNJ, digits, a glued comma) as an edit', () => {
    const earliest = w('مي\u200cشود كه ۱۴۰۲ گفت،');
    const copy = w('میشود که 1402 گفت');
    expect(wordDiff(earliest, copy).runs.map((r) => r.kind)).toEqual(['same']);
  });

  it('shows a changed dateline as one word removed and one added', () => {
    const { runs } = wordDiff(w('تهران - ایرنا - وزیر نفت گفت'), w('تهران - ایسنا - وزیر نفت گفت'));
    expect(runs).toEqual([
      { kind: 'same', words: ['تهران', '-'] },
      { kind: 'removed', words: ['ایرنا'] },
      { kind: 'added', words: ['ایسنا'] },
      { kind: 'same', words: ['-', 'وزیر', 'نفت', 'گفت'] },
    ]);
  });

  it('shows a cut end as removed words only', () => {
    const { runs } = wordDiff(w('بارش باران در تهران ادامه دارد و هوا سرد می‌شود'), w('بارش باران در تهران ادامه دارد'));
    expect(runs).toEqual([
      { kind: 'same', words: w('بارش باران در تهران ادامه دارد') },
      { kind: 'removed', words: w('و هوا سرد می‌شود') },
    ]);
  });

  it('gives up past its cap of edits instead of diffing two different texts', () => {
    const a = Array.from({ length: 50 }, (_, i) => `الف${i}`);
    const b = Array.from({ length: 50 }, (_, i) => `ب${i}`);
    expect(wordDiff(a, b, 20).tooDifferent).toBe(true);
    expect(wordDiff(a, b).tooDifferent).toBe(false);
  });
});

describe('textWords and wordKey', () => {
  it('keeps a paragraph break as a word of its own', () => {
    expect(textWords(['بند یکم', '', 'بند دوم'])).toEqual(['بند', 'یکم', PARAGRAPH, 'بند', 'دوم']);
  });

  it('folds a word to its letters, but keeps a word of punctuation as itself', () => {
    expect(wordKey('كتاب‌ها،')).toBe(wordKey('کتابها'));
    expect(wordKey('-')).toBe('-');
    expect(wordKey('کتاب')).not.toBe(wordKey('کتب'));
  });
});

describe('diffView', () => {
  const body = 'سخنگوی دولت در نشست خبری هفتگی خود درباره قیمت بنزین گفت هیچ تصمیمی برای افزایش قیمت گرفته نشده است و شایعات را رد کرد';

  it('puts a rewritten lead and a cut end in two passages with a few unchanged words around each', () => {
    const earliest = w(`تهران - ایرنا - ${body} وی افزود جلسه بعدی هفته آینده برگزار می‌شود`);
    const copy = w(`به گزارش مشرق ${body}`);
    const view = diffView(earliest, copy, { context: 3 });
    expect(view.tooDifferent).toBe(false);
    expect(view.passages).toHaveLength(2);
    expect(view.passages[0].parts).toEqual([
      { kind: 'removed', text: 'تهران - ایرنا -' },
      { kind: 'added', text: 'به گزارش مشرق' },
      { kind: 'same', text: 'سخنگوی دولت در' },
    ]);
    expect(view.passages[1].parts).toEqual([
      { kind: 'same', text: 'را رد کرد' },
      { kind: 'removed', text: 'وی افزود جلسه بعدی هفته آینده برگزار می‌شود' },
    ]);
    expect(view.removed).toBe(4 + 8);
    expect(view.added).toBe(3);
  });

  it('joins two changes a few words apart into one passage', () => {
    const view = diffView(w('وزیر نفت امروز گفت قیمت ثابت است'), w('وزیر نیرو امروز گفت قیمت بالا است'), { context: 3 });
    expect(view.passages).toHaveLength(1);
    expect(view.passages[0].parts.map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same', 'removed', 'added', 'same']);
  });

  it('has no passage and keeps every word when the copy is the same text', () => {
    const view = diffView(w(body), w(body));
    expect(view.passages).toEqual([]);
    expect(view.kept).toBe(1);
  });

  it('counts the passages past its limit instead of listing them', () => {
    const a = Array.from({ length: 60 }, (_, i) => (i % 20 === 0 ? 'قدیم' : `واژه${i}`));
    const b = a.map((x) => (x === 'قدیم' ? 'جدید' : x));
    const view = diffView(a, b, { context: 2, limit: 2 });
    expect(view.passages).toHaveLength(2);
    expect(view.more).toBe(1);
  });
});
