import { describe, expect, it } from 'vitest';
import { addToStories, detectStories, type StoryInput } from './detect';

const wire = 'وزیر امور خارجه ایران روز دوشنبه در دیدار با همتای ترکیه‌ای خود درباره همکاری‌های اقتصادی دو کشور و گسترش مبادلات تجاری در مرزهای مشترک گفت‌وگو کرد و دو طرف بر لزوم اجرای توافق‌های پیشین در حوزه انرژی حمل و نقل و گردشگری تاکید کردند و قرار شد کمیسیون مشترک اقتصادی دو کشور در ماه آینده در تهران برگزار شود تا موانع پیش روی تجارت دو جانبه بررسی شود';
const other = 'تیم ملی فوتبال کشورمان در دیدار دوستانه برابر حریف آسیایی خود با نتیجه دو بر یک به پیروزی رسید و سرمربی تیم پس از بازی از عملکرد بازیکنان جوان ابراز رضایت کرد و گفت برنامه اردوهای آماده‌سازی تا پایان فصل ادامه خواهد داشت و بازیکنان لژیونر نیز به زودی به اردو اضافه می‌شوند تا تیم برای رقابت‌های مقدماتی جام جهانی آماده شود';
const footer = ' انتهای پیام خبرگزاری جمهوری اسلامی ایرنا کلیه حقوق این خبر محفوظ است و استفاده از آن با ذکر منبع مجاز است';
const art = (id: string, body: string, publishedAt: string | null = '2026-11-01'): StoryInput => ({ id, body, source: null, publishedAt });

describe('detectStories', () => {
  it('groups a word-for-word copy, the earliest copy as representative', () => {
    const s = detectStories([art('b', wire, '2026-11-02'), art('a', wire, '2026-11-03'), art('c', other)]);
    expect(s.stories).toEqual([{ id: 'b', members: ['b', 'a'] }]);
  });

  it('groups a copy with ي/ك and ZWNJ spelled differently and its last third cut', () => {
    const edited = wire.replace(/ی/g, 'ي').replace(/\u200c/g, ' ').split(' ').slice(0, 50).join(' ');
    expect(detectStories([art('a', wire), art('b', edited)]).stories).toHaveLength(1);
  });

  it('does not group different stories that share only a footer', () => {
    const s = detectStories([art('a', wire + footer), art('b', other + footer)], { maxShingleDf: 1 });
    expect(s.stories).toEqual([]);
  });

  it('does not group short articles', () => {
    const short = 'وزیر امور خارجه ایران روز دوشنبه با همتای ترکیه‌ای خود دیدار کرد';
    expect(detectStories([art('a', short), art('b', short)]).stories).toEqual([]);
  });

  it('adding articles incrementally gives the stories of a full run', () => {
    const all = [art('a', wire), art('b', other), art('c', wire, '2026-10-30'), art('d', other)];
    const inc = addToStories(detectStories(all.slice(0, 2)), all.slice(2));
    expect(inc.stories).toEqual(detectStories(all).stories);
    expect(inc.stories).toEqual([{ id: 'c', members: ['c', 'a'] }, { id: 'b', members: ['b', 'd'] }]);
  });

  it('rejects a threshold outside (0, 1]', () => {
    expect(() => detectStories([], { threshold: 0 })).toThrow(/threshold/);
  });
});
