import { describe, expect, it } from 'vitest';
import { jalaliDayOf, searchQueryOf, totalChange, totalRequest } from './saved-search';

describe('saved searches', () => {
  it('keep what defines the answer, not the page being read, the typing prefix or a facet box', () => {
    const q = searchQueryOf('?q=باران&page=3&prefix=last&source=ایرنا&source=ایسنا&sort=newest&tagq=آب&from=1402');
    expect(new URLSearchParams(q).toString()).toBe(new URLSearchParams('q=باران&from=1402&sort=newest&source=ایرنا&source=ایسنا').toString());
  });

  it('count now with one result a page', () => {
    expect(totalRequest('q=%D8%A8&sort=newest')).toBe('/api/search?q=%D8%A8&sort=newest&size=1');
  });

  it('say the change since saving with the Jalali day in Tehran', () => {
    // 20:45 UTC on 30 May 2023 is 00:15 on 31 May (10 Khordad 1402) in Tehran; 20:15 UTC is still the 9th there.
    expect(jalaliDayOf('2023-05-30T20:45:00Z')).toBe('۱۴۰۲/۰۳/۱۰');
    expect(jalaliDayOf('2023-05-30T20:15:00Z')).toBe('۱۴۰۲/۰۳/۰۹');
    expect(totalChange(177, 140, '2023-05-30T20:45:00Z')).toBe('+۳۷ از ۱۴۰۲/۰۳/۱۰');
    expect(totalChange(135, 140, '2023-05-30T20:45:00Z')).toBe('−۵ از ۱۴۰۲/۰۳/۱۰');
    expect(totalChange(140, 140, '2023-05-30T20:45:00Z')).toBe('بی‌تغییر از ۱۴۰۲/۰۳/۱۰');
  });
});
