import { describe, expect, it } from 'vitest';
import { STORY_DEFAULTS, type StoryOptions, detectStories, shingles, storyTerms } from './detect';
import { Boilerplate, StoryCorpus, type StorySignature, signatureOf } from './corpus';
import { shinglesOfWords } from './signature';

const wire = 'وزیر امور خارجه ایران روز دوشنبه در دیدار با همتای ترکیه‌ای خود درباره همکاری‌های اقتصادی دو کشور و گسترش مبادلات تجاری در مرزهای مشترک گفت‌وگو کرد و دو طرف بر لزوم اجرای توافق‌های پیشین در حوزه انرژی حمل و نقل و گردشگری تاکید کردند و قرار شد کمیسیون مشترک اقتصادی دو کشور در ماه آینده در تهران برگزار شود تا موانع پیش روی تجارت دو جانبه بررسی شود';
const other = 'تیم ملی فوتبال کشورمان در دیدار دوستانه برابر حریف آسیایی خود با نتیجه دو بر یک به پیروزی رسید و سرمربی تیم پس از بازی از عملکرد بازیکنان جوان ابراز رضایت کرد و گفت برنامه اردوهای آماده‌سازی تا پایان فصل ادامه خواهد داشت و بازیکنان لژیونر نیز به زودی به اردو اضافه می‌شوند تا تیم برای رقابت‌های مقدماتی جام جهانی آماده شود';
const footer = ' انتهای پیام خبرگزاری جمهوری اسلامی ایرنا کلیه حقوق این خبر محفوظ است و استفاده از آن با ذکر منبع مجاز است';
const edited = 'به گزارش خبرنگار ما ' + wire.replace(/ی/g, 'ي').replace(/\u200c/g, ' ').split(' ').slice(0, 50).join(' ');

interface Doc {
  id: string;
  body: string;
  publishedAt: string | null;
}

/** The corpus's stories as ids, over signatures made from the analyzer's words as the builder makes them. */
function corpusStories(docs: readonly Doc[], options: StoryOptions = {}, split = docs.length): { id: string; members: string[] }[] {
  const terms: string[] = [];
  const ids = new Map<string, number>();
  const sign = (d: Doc): StorySignature => {
    const words = storyTerms(d.body).map((t) => ids.get(t) ?? (ids.set(t, terms.length), terms.push(t) - 1));
    return signatureOf(words, terms, { ...STORY_DEFAULTS, ...options });
  };
  let corpus = new StoryCorpus(options);
  corpus.add(docs.slice(0, split).map(sign));
  if (split < docs.length) {
    corpus = StoryCorpus.decode(corpus.encode(), options)!;
    corpus.add(docs.slice(split).map(sign));
  }
  const order = { ids: docs.map((d) => d.id), publishedAt: docs.map((d) => d.publishedAt) };
  return corpus.stories(order).map((g) => ({ id: docs[g[0]].id, members: g.map((d) => docs[d].id) }));
}

const doc = (id: string, body: string, publishedAt: string | null = '2026-11-01'): Doc => ({ id, body, publishedAt });
const detected = (docs: readonly Doc[], options: StoryOptions = {}) =>
  detectStories(docs.map((d) => ({ ...d, source: null })), options).stories;

describe('StoryCorpus', () => {
  it('hashes 5-grams from term ids exactly as detect.ts hashes their text', () => {
    const words = storyTerms(edited);
    expect(Array.from(shinglesOfWords(words.map((_, i) => i), words))).toEqual(Array.from(shingles(words)));
  });

  it('groups a word-for-word copy and an edited copy, the earliest first, as detectStories does', () => {
    const docs = [doc('isna-2', wire, '2026-11-02'), doc('irna-1', wire, '2026-11-01'), doc('fars-3', edited, '2026-11-03'), doc('varzesh-1', other)];
    // The edited copy (a new lead, ZWNJs as spaces, cut to 50 words) shares less than the default 0.8 of its 5-grams.
    const loose = { threshold: 0.6 };
    expect(corpusStories(docs, loose)).toEqual([{ id: 'irna-1', members: ['irna-1', 'isna-2', 'fars-3'] }]);
    expect(corpusStories(docs, loose)).toEqual(detected(docs, loose));
    expect(corpusStories(docs)).toEqual([{ id: 'irna-1', members: ['irna-1', 'isna-2'] }]);
  });

  it('does not group two stories that share only a footer', () => {
    const docs = [doc('a', wire + footer), doc('b', other + footer)];
    expect(corpusStories(docs, { maxShingleDf: 1 })).toEqual([]);
  });

  it('does not group short articles', () => {
    const short = 'وزیر امور خارجه ایران روز دوشنبه با همتای ترکیه‌ای خود دیدار کرد';
    expect(corpusStories([doc('a', short), doc('b', short)])).toEqual([]);
  });

  it('puts undated copies after dated ones', () => {
    expect(corpusStories([doc('a', wire, null), doc('b', wire, '2026-12-01')])).toEqual([{ id: 'b', members: ['b', 'a'] }]);
  });

  it('adding articles to a decoded state gives the stories and the bytes of a run over all', () => {
    const docs = [doc('a', wire), doc('b', other), doc('c', wire, '2026-10-30'), doc('d', other), doc('e', edited)];
    for (let split = 1; split < docs.length; split++) expect(corpusStories(docs, {}, split)).toEqual(corpusStories(docs));
    expect(corpusStories(docs)).toEqual(detected(docs));
  });

  it('adding the copy that makes a footer boilerplate parts the stories it had joined, as a run over all does', () => {
    // With the footer counted, «a» and «b» share half of their 5-grams; a third
    // article with the footer makes it boilerplate (maxShingleDf 2), and then they share none.
    const half = wire.split(' ').slice(0, 20).join(' ');
    const footerLong = footer.repeat(1) + ' ' + other.split(' ').slice(0, 20).join(' ');
    const docs = [doc('a', half + footerLong), doc('b', other.split(' ').slice(30).join(' ') + ' ' + footerLong), doc('c', 'ورزشکاران جوان کشور ' + footerLong)];
    const options = { maxShingleDf: 2, minWords: 10, threshold: 0.4 };
    const before = corpusStories(docs.slice(0, 2), options);
    expect(before).toHaveLength(1);
    expect(corpusStories(docs, options)).toEqual([]);
    expect(corpusStories(docs, options, 2)).toEqual([]);
    expect(corpusStories(docs, options)).toEqual(detected(docs, options));
  });

  it('encodes the same bytes whether built at once or by adding', () => {
    const docs = [doc('a', wire), doc('b', other), doc('c', wire, '2026-10-30'), doc('d', other), doc('e', edited)];
    const terms: string[] = [];
    const ids = new Map<string, number>();
    const sign = (d: Doc) => signatureOf(storyTerms(d.body).map((t) => ids.get(t) ?? (ids.set(t, terms.length), terms.push(t) - 1)), terms, STORY_DEFAULTS);
    const sigs = docs.map(sign);
    const whole = new StoryCorpus();
    whole.add(sigs);
    const part = new StoryCorpus();
    part.add(sigs.slice(0, 2));
    const grown = StoryCorpus.decode(part.encode())!;
    grown.add(sigs.slice(2));
    expect(Buffer.from(grown.encode()).equals(Buffer.from(whole.encode()))).toBe(true);
  });

  // An outlet's own report under the wire text: 600 words, no 5-gram of the wire's.
  const vocabulary = 'بازار سرمایه شهر استان دولت مجلس برنامه توسعه صنعت کشاورزی آب برق گاز نفت بانک مردم کارگران دانشگاه مدرسه بیمارستان جاده فرودگاه قطار بندر صادرات واردات قیمت تورم رشد بودجه'.split(' ');
  const report = Array.from({ length: 600 }, (_, i) => vocabulary[(i * 7 + Math.floor(i / 31)) % vocabulary.length] + (i % 5 === 0 ? ' و' : '')).join(' ');

  it('groups the wire text with a long article that contains it (no LSH band sees that pair), as detectStories does', () => {
    const docs = [doc('irna-1', wire, '2026-11-01'), doc('outlet-1', `${wire} ${report}`, '2026-11-02')];
    expect(corpusStories(docs)).toEqual([{ id: 'irna-1', members: ['irna-1', 'outlet-1'] }]);
    expect(corpusStories(docs)).toEqual(detected(docs));
    expect(corpusStories(docs, {}, 1)).toEqual(corpusStories(docs));
  });

  it('does not group a long report with an article that shares only a sentence of it', () => {
    const sentence = report.split(' ').slice(100, 130).join(' ');
    const docs = [doc('a', `${other} ${sentence}`), doc('b', report)];
    expect(corpusStories(docs)).toEqual([]);
    expect(detected(docs)).toEqual([]);
  });

  describe('verifies a candidate exactly at the threshold', () => {
    // Hand-made signatures sharing every band key, so the pair is a candidate; threshold 0.8 over the shorter's 5 five-grams.
    const keys = new Uint32Array(STORY_DEFAULTS.bands).fill(1);
    const sig = (shingles: number[]): StorySignature => ({ shingles: Uint32Array.from(shingles).sort(), keys });
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    const grouped = (a: number[], b: number[]) => {
      const c = new StoryCorpus({ threshold: 0.8 });
      c.add([sig(a), sig(b)]);
      return c.stories({ ids: ['a', 'b'], publishedAt: [null, null] });
    };

    it('takes 4 of 5 shared 5-grams as a copy and 3 of 5 as none, against an article of similar length (a merge)', () => {
      expect(grouped(range(10, 15), [...range(10, 14), 99])).toEqual([[0, 1]]);
      expect(grouped(range(10, 15), [...range(10, 13), 98, 99])).toEqual([]);
    });

    it('does the same for a short article against a long one (looked up by binary search)', () => {
      const long = range(1000, 3000);
      expect(grouped(range(10, 15), [...range(10, 14), ...long])).toEqual([[0, 1]]);
      expect(grouped(range(10, 15), [...range(10, 13), ...long])).toEqual([]);
    });
  });

  it('declines a state made with another threshold, and refuses bytes that are not a state', () => {
    const c = new StoryCorpus({ threshold: 0.6 });
    expect(StoryCorpus.decode(c.encode(), { threshold: 0.5 })).toBeNull();
    expect(() => StoryCorpus.decode(new Uint8Array(64))).toThrow(/not a stories state file/);
  });
});

describe('Boilerplate.count', () => {
  const sig = (...shingles: number[]): StorySignature => ({ shingles: Uint32Array.from(shingles).sort(), keys: new Uint32Array(0) });

  it('takes a 5-gram in more than cap articles as boilerplate, and not one in exactly cap', () => {
    // 0xf0000000 is in 3 articles, 5 and 0x80000000 in 2, the rest in 1; cap 2.
    const b = Boilerplate.count([sig(5, 0x80000000, 0xf0000000), sig(5, 0xf0000000, 9), sig(0x80000000, 0xf0000000, 0xffffffff)], 2);
    expect(Array.from(b.hashes)).toEqual([0xf0000000]);
    expect(b.has(0xf0000000)).toBe(true);
    expect(b.has(5)).toBe(false);
    expect(b.has(0xffffffff)).toBe(false);
  });

  it('counts across every hash range, from 0 to 2^32 - 1', () => {
    const edges = [0, 1, 0x3ffffff, 0x4000000, 0x7fffffff, 0xfffffffe, 0xffffffff];
    const b = Boilerplate.count([sig(...edges), sig(...edges)], 1);
    expect(Array.from(b.hashes)).toEqual(edges);
  });

  it('counts apart two 5-grams whose hashes fall in one bucket of the first pass', () => {
    // Same top 23 bits: the bucket holds 5 articles' worth, but only 0x12345600 is in more than 2.
    const b = Boilerplate.count([sig(0x12345600), sig(0x12345600), sig(0x12345600, 0x12345601), sig(0x12345601)], 2);
    expect(Array.from(b.hashes)).toEqual([0x12345600]);
  });

  it('says when the later articles made a 5-gram boilerplate, and not when it already was', () => {
    const earlier = [sig(7, 0xa0000000), sig(7, 0xa0000000), sig(7)];
    // cap 2: 7 is boilerplate among the earlier three already; 0xa0000000 becomes it with the fourth article.
    expect(Boilerplate.counted([...earlier, sig(7)], 2, 3)).toMatchObject({ crossed: false });
    const joined = Boilerplate.counted([...earlier, sig(0xa0000000)], 2, 3);
    expect(joined.crossed).toBe(true);
    expect(Array.from(joined.boilerplate.hashes)).toEqual([7, 0xa0000000]);
  });
});
