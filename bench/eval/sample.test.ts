import { describe, expect, it } from 'vitest';
import { mulberry32, pickQuery, sampleKnownItems, shuffled, titleKey, titleWords } from './sample';

describe('mulberry32', () => {
  it('gives the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('gives floats in [0, 1)', () => {
    const rng = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const x = rng();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe('shuffled', () => {
  it('is a permutation and leaves its input alone', () => {
    const input = [1, 2, 3, 4, 5];
    const out = shuffled(input, mulberry32(1));
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('titleWords', () => {
  it('splits at spaces and trims punctuation', () => {
    expect(titleWords('«بازسازی» شهر زلزله‌زده بم:')).toEqual(['بازسازی', 'شهر', 'زلزله‌زده', 'بم']);
  });

  it('drops words of fewer than 2 letters', () => {
    expect(titleWords('ایران و عراق - 2')).toEqual(['ایران', 'عراق']);
  });

  it('keeps a no-break space inside its word', () => {
    expect(titleWords('قيمت\u00a0ها بالا رفت')).toEqual(['قيمت\u00a0ها', 'بالا', 'رفت']);
  });
});

describe('titleKey', () => {
  it('is the same for yeh/kaf and punctuation variants', () => {
    expect(titleKey('شركت ايران خودرو!')).toBe(titleKey('شرکت ایران خودرو'));
  });
});

describe('pickQuery', () => {
  it('prefers a window holding a half-space', () => {
    const q = pickQuery(['گزارش', 'تازه', 'درباره', 'همکاری‌های', 'علمی', 'ایران'], mulberry32(3));
    expect(q).toContain('همکاری‌های');
  });

  it('takes 2 to 4 consecutive words', () => {
    const words = ['الف۱', 'ب۲', 'پ۳', 'ت۴', 'ث۵', 'ج۶'];
    for (let seed = 0; seed < 50; seed++) {
      const q = pickQuery(words, mulberry32(seed)).split(' ');
      expect(q.length).toBeGreaterThanOrEqual(2);
      expect(q.length).toBeLessThanOrEqual(4);
      expect(words.join(' ')).toContain(q.join(' '));
    }
  });
});

describe('sampleKnownItems', () => {
  const articles = Array.from({ length: 40 }, (_, i) => ({
    id: `a${i}`,
    title: i % 4 === 0 ? `خبر شماره ${i} درباره کتاب‌های تازه` : `خبر شماره ${i} درباره بازار`,
  }));

  it('is the same for the same seed', () => {
    const a = sampleKnownItems(articles, { size: 10, seed: 42, minHalfSpace: 0 });
    const b = sampleKnownItems(articles, { size: 10, seed: 42, minHalfSpace: 0 });
    expect(a.items).toEqual(b.items);
  });

  it('takes enough half-space queries when asked', () => {
    const { items, stats } = sampleKnownItems(articles, { size: 10, seed: 42, minHalfSpace: 6 });
    expect(items).toHaveLength(10);
    expect(stats.halfSpace).toBeGreaterThanOrEqual(6);
  });

  it('leaves out titles shared by two articles and titles of fewer than 3 words', () => {
    const { items } = sampleKnownItems(
      [
        { id: 'x', title: 'یک عنوان مشترک' },
        { id: 'y', title: 'يك عنوان مشترك' },
        { id: 'z', title: 'کوتاه است' },
        { id: 'w', title: 'عنوانی با چهار واژه' },
      ],
      { size: 10, seed: 1, minHalfSpace: 0 },
    );
    expect(items.map((i) => i.id)).toEqual(['w']);
  });
});
