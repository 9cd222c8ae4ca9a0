import { describe, expect, it } from 'vitest';
import { detectStories, type StoryInput } from '../../../lib/stories/detect';
import { exactStories, pairScore, regroup, storyIndex } from './score';

const wire = 'وزیر امور خارجه ایران روز دوشنبه در دیدار با همتای ترکیه‌ای خود درباره همکاری‌های اقتصادی دو کشور و گسترش مبادلات تجاری در مرزهای مشترک گفت‌وگو کرد و دو طرف بر لزوم اجرای توافق‌های پیشین در حوزه انرژی حمل و نقل و گردشگری تاکید کردند و قرار شد کمیسیون مشترک اقتصادی دو کشور در ماه آینده در تهران برگزار شود';
const other = 'تیم ملی فوتبال کشورمان در دیدار دوستانه برابر حریف آسیایی خود با نتیجه دو بر یک به پیروزی رسید و سرمربی تیم پس از بازی از عملکرد بازیکنان جوان ابراز رضایت کرد و گفت برنامه اردوهای آماده‌سازی تا پایان فصل ادامه خواهد داشت و بازیکنان لژیونر نیز به زودی به اردو اضافه می‌شوند';
const words = (s: string) => s.split(' ');
const art = (id: string, body: string): StoryInput => ({ id, body, source: null, publishedAt: '2026-11-01' });
// A copy with its second half replaced: overlap about one half.
const half = [...words(wire).slice(0, 30), ...words(other).slice(30)].join(' ');
const articles = [art('a', wire), art('b', wire.split(' ').slice(0, 45).join(' ')), art('c', half), art('d', other), art('e', 'کوتاه ' + wire.split(' ').slice(0, 14).join(' '))];

describe('regroup', () => {
  it.each([
    { threshold: 0.3, minWords: 10, maxShingleDf: 100 },
    { threshold: 0.8, minWords: 10, maxShingleDf: 100 },
    { threshold: 0.5, minWords: 40, maxShingleDf: 100 },
    { threshold: 0.5, minWords: 10, maxShingleDf: 2 },
  ])('gives the stories of a full run at %o', (setting) => {
    const base = detectStories(articles, { minWords: 10 });
    const counts = new Map(articles.map((a) => [a.id, words(a.body).length]));
    expect(regroup(base, counts, setting)).toEqual(detectStories(articles, setting).stories);
  });

  it('refuses a minWords below the base run\'s', () => {
    const base = detectStories(articles, { minWords: 40 });
    expect(() => regroup(base, new Map(), { threshold: 0.5, minWords: 10, maxShingleDf: 100 })).toThrow(/minWords/);
  });
});

describe('pairScore', () => {
  const of = storyIndex([{ id: 'a', members: ['a', 'b'] }]);
  it('counts a pair in one story as predicted, a pair apart or outside every story as not', () => {
    const s = pairScore([{ a: 'a', b: 'b', copy: true }, { a: 'a', b: 'c', copy: true }, { a: 'c', b: 'd', copy: false }], of);
    expect(s).toMatchObject({ tp: 1, fn: 1, tn: 1, fp: 0, precision: 1, recall: 0.5 });
  });

  it('counts a distinct pair in one story as a false positive', () => {
    expect(pairScore([{ a: 'a', b: 'b', copy: false }], of)).toMatchObject({ fp: 1, precision: 0 });
  });
});

describe('exactStories', () => {
  const words = new Map([['a', 50], ['b', 50], ['c', 50], ['d', 20]]);
  const pairs = [{ a: 'a', b: 'b', overlap: 0.9 }, { a: 'b', b: 'c', overlap: 0.6 }, { a: 'c', b: 'd', overlap: 1 }];
  it('joins pairs at or above the threshold transitively', () => {
    const of = exactStories(pairs, words, { threshold: 0.5, minWords: 40 });
    expect(of.get('a')).toBe(of.get('c'));
  });

  it('leaves out pairs below the threshold and articles under minWords', () => {
    const of = exactStories(pairs, words, { threshold: 0.7, minWords: 40 });
    expect(of.get('a')).toBe(of.get('b'));
    expect(of.has('c')).toBe(false);
    expect(of.has('d')).toBe(false);
  });
});
