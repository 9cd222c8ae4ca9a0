// A short copy inside a long article: LSH banding over MinHash finds pairs
// by their Jaccard similarity, but a story is verified by containment (overlap
// over the shorter article). An outlet that adds a long report under the wire
// text makes a pair of containment 1 and Jaccard ≈ short/long, which no band
// matches; the containment candidates (sampled 5-grams, detect.ts
// CONTAINMENT_SAMPLE) propose it. `npm run eval` found 4 corpus pairs missed
// this way before (e.g. irf19-01017 | irf19-01344: overlap 0.87, Jaccard 0.15).
import { describe, expect, it } from 'vitest';
import { detectStories, type StoryInput } from './detect';

const wire = 'وزیر امور خارجه ایران روز دوشنبه در دیدار با همتای ترکیه‌ای خود درباره همکاری‌های اقتصادی دو کشور و گسترش مبادلات تجاری در مرزهای مشترک گفت‌وگو کرد و دو طرف بر لزوم اجرای توافق‌های پیشین در حوزه انرژی حمل و نقل و گردشگری تاکید کردند و قرار شد کمیسیون مشترک اقتصادی دو کشور در ماه آینده در تهران برگزار شود';
const vocabulary = 'بازار سرمایه شهر استان دولت مجلس برنامه توسعه صنعت کشاورزی آب برق گاز نفت بانک مردم کارگران دانشگاه مدرسه بیمارستان جاده فرودگاه قطار بندر صادرات واردات قیمت تورم رشد بودجه'.split(' ');
// 600 words of report under the wire text, no 5-gram repeated.
const report = Array.from({ length: 600 }, (_, i) => vocabulary[(i * 7 + Math.floor(i / 31)) % vocabulary.length] + (i % 5 === 0 ? ' و' : '')).join(' ');
const art = (id: string, body: string): StoryInput => ({ id, body, source: null, publishedAt: '2026-11-01' });

describe('detectStories: containment that LSH alone does not see', () => {
  it('groups a wire story with an outlet\'s copy that adds a long report under it', () => {
    const s = detectStories([art('wire', wire), art('outlet', `${wire} ${report}`)], { threshold: 0.5 });
    expect(s.stories).toEqual([{ id: 'outlet', members: ['outlet', 'wire'] }]);
  });

  it('still groups them when the report is short (Jaccard high enough for a band)', () => {
    const s = detectStories([art('wire', wire), art('outlet', `${wire} ${report.split(' ').slice(0, 10).join(' ')}`)], { threshold: 0.5 });
    expect(s.stories).toHaveLength(1);
  });
});
