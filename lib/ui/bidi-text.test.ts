import { describe, expect, it } from 'vitest';
import { latinRuns } from './bidi-text';

describe('latinRuns: Latin inside Persian messages', () => {
  it('cuts out parameter names and values', () => {
    expect(latinRuns('پارامتر sort نه «best».')).toEqual([
      { latin: false, text: 'پارامتر ' },
      { latin: true, text: 'sort' },
      { latin: false, text: ' نه «' },
      { latin: true, text: 'best' },
      { latin: false, text: '».' },
    ]);
  });

  it('keeps a Latin date and a Latin phrase whole: «1400-08-10», «Tehran Times»', () => {
    expect(latinRuns('مانند 1400-08-10 از Tehran Times').filter((r) => r.latin).map((r) => r.text)).toEqual(['1400-08-10', 'Tehran Times']);
  });

  it('leaves an all-Persian sentence as one run', () => {
    expect(latinRuns('در هیچ خبری نیامده‌اند')).toEqual([{ latin: false, text: 'در هیچ خبری نیامده‌اند' }]);
  });
});
