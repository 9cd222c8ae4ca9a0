import { describe, expect, it } from 'vitest';
import { displayValue, normalizeValue } from './facet-value';
import { FacetField } from './facet-field';

describe('normalizeValue: one comparison of source and tag values', () => {
  it('makes the Arabic and Persian letters, the digit scripts and the half-space one value', () => {
    expect(normalizeValue('ايسنا')).toBe(normalizeValue('ایسنا'));
    expect(normalizeValue('ورزش ۳')).toBe(normalizeValue('ورزش 3'));
    expect(normalizeValue('سیاسی‌ها')).toBe(normalizeValue('سیاسیها'));
  });

  it('keeps two outlets apart', () => {
    expect(normalizeValue('ایسنا')).not.toBe(normalizeValue('ایرنا'));
  });

  it('is what the facets group by: two spellings are one value', () => {
    const field = new FacetField([['ورزش 3'], ['ورزش ۳']]);
    expect(field.codesFor(['ورزش ۳']).size).toBe(1);
  });
});

describe('displayValue', () => {
  it('shows the Persian letters for Arabic ي and ك, nothing else changed', () => {
    expect(displayValue('كيهان')).toBe('کیهان');
    expect(displayValue('ورزش 3')).toBe('ورزش 3');
  });
});
