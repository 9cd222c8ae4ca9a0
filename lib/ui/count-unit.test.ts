import { describe, expect, it } from 'vitest';
import { unitWords } from './count-unit';

describe('unitWords', () => {
  it('says articles as «مقاله», with the ezafe written as hamza on the he', () => {
    expect(unitWords('articles')).toEqual({ one: 'مقاله', many: 'مقاله‌ها', manyOf: 'مقاله‌های', oneOf: 'مقالهٔ' });
  });

  it('says stories as «خبر», never «مقاله»', () => {
    const words = Object.values(unitWords('stories'));
    expect(words).toEqual(['خبر', 'خبرها', 'خبرهای', 'خبر']);
    expect(words.some((w) => w.includes('مقاله'))).toBe(false);
  });
});
