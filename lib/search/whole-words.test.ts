// A submitted search matches whole words; only the word being typed, or one
// written `word*`, is a prefix. The totals a researcher quotes come from here.
import { describe, expect, it } from 'vitest';
import { articleWith } from '../article';
import { QueryTooCostlyError, SearchEngine } from './engine';
import { parseSearchParams } from './params';

const articles = [
  articleWith({ id: 'war', title: 'پایان جنگ', body: ['جنگ در منطقه پایان یافت.'] }),
  articleWith({ id: 'forest', title: 'آتش در جنگل', body: ['جنگل‌های شمال در آتش سوخت.'] }),
  articleWith({ id: 'jet', title: 'جنگنده تازه', body: ['یک جنگنده رونمایی شد.'] }),
  articleWith({ id: 'wars', title: 'جنگ‌ها و صلح', body: ['کتابی درباره جنگ‌های جهانی.'] }),
  articleWith({ id: 'zwnj', title: 'انتخابات ریاست‌جمهوری', body: ['نامزدهای ریاست‌جمهوری معرفی شدند.'] }),
  articleWith({ id: 'space', title: 'ستاد ریاست جمهوری', body: ['دفتر ریاست جمهوری بیانیه داد.'] }),
  articleWith({ id: 'nbsp', title: 'نهاد ریاست\u00a0جمهوری', body: ['گزارش نهاد ریاست\u00a0جمهوری منتشر شد.'] }),
  articleWith({ id: 'solid', title: 'سفر رئیسجمهور', body: ['رئیسجمهور به استان سفر کرد.'] }),
  articleWith({ id: 'solid-apart', title: 'سفر رئیس جمهور', body: ['رئیس جمهور به استان سفر کرد.'] }),
  articleWith({ id: 'presidency', title: 'نهاد رئیس‌جمهوری', body: ['دفتر رئیس‌جمهوری بیانیه داد.'] }),
];

const engine = SearchEngine.fromArticles(articles);
const found = (query: Record<string, string>) =>
  engine
    .search(parseSearchParams({ size: '100', ...query }))
    .results.map((r) => r.id)
    .sort();

describe('a submitted search matches whole words', () => {
  it('finds «جنگ» and its plural, not «جنگل» or «جنگنده»', () => {
    expect(found({ q: 'جنگ' })).toEqual(['war', 'wars']);
  });

  it('gives the same total with or without a trailing space', () => {
    expect(found({ q: 'جنگ' })).toEqual(found({ q: 'جنگ ' }));
  });

  it('does not mark a longer word as a match', () => {
    const result = engine.search(parseSearchParams({ q: 'جنگ', size: '100' })).results;
    const marked = result.flatMap((r) => [...r.title, ...r.snippets.flat()].filter((s) => s.hit).map((s) => s.text));
    expect(marked).not.toContain('جنگل');
    expect(marked).not.toContain('جنگنده');
  });

  it('exports what it shows: allMatches holds whole words only', () => {
    const exported = [...engine.allMatches(parseSearchParams({ q: 'جنگ' }))].map((a) => a.id).sort();
    expect(exported).toEqual(['war', 'wars']);
  });
});

describe('prefixes: «word*», and the word being typed (prefix=last)', () => {
  it('«جنگ*» finds every word it begins', () => {
    expect(found({ q: 'جنگ*' })).toEqual(['forest', 'jet', 'war', 'wars']);
  });

  it('«جنگ» while typed finds what «جنگ*» finds', () => {
    expect(found({ q: 'جنگ', prefix: 'last' })).toEqual(found({ q: 'جنگ*' }));
  });

  it('a typed prefix never finds less than the whole word: «جنگها» keeps «جنگ»', () => {
    const whole = found({ q: 'جنگ‌ها' });
    expect(whole).toContain('wars');
    for (const id of whole) expect(found({ q: 'جنگ‌ها', prefix: 'last' })).toContain(id);
  });

  it('says nothing about a prefix the archive lacks: «جنگا*» finds nothing', () => {
    expect(found({ q: 'جنگا*' })).toEqual([]);
  });

  it('leaves out every word «-جنگ*» begins', () => {
    expect(found({ q: 'آتش -جنگ*' })).toEqual([]);
  });
});

describe('a compound keeps its matches wherever it stands in the query', () => {
  const forms = ['ریاست‌جمهوری', 'ریاست\u00a0جمهوری', 'ریاستجمهوری'];

  it('«ریاست‌جمهوری» finds the ZWNJ, spaced, no-break-space and solid spellings', () => {
    expect(found({ q: 'ریاست‌جمهوری' })).toEqual(['nbsp', 'space', 'zwnj']);
  });

  for (const form of forms) {
    it(`${JSON.stringify(form)} finds the same last, first, typed or submitted`, () => {
      const alone = found({ q: form });
      expect(alone.length).toBeGreaterThan(0);
      expect(found({ q: `${form} ` })).toEqual(alone);
      expect(found({ q: form, prefix: 'last' })).toEqual(expect.arrayContaining(alone));
      expect(found({ q: `دفتر ${form}` })).toEqual(found({ q: `${form} دفتر` }));
    });
  }

  it('«رئیس‌جمهور» as the last word finds the solid and the spaced spelling', () => {
    expect(found({ q: 'سفر رئیس‌جمهور' })).toEqual(['solid', 'solid-apart']);
    expect(found({ q: 'سفر رئیس‌جمهور', prefix: 'last' })).toEqual(expect.arrayContaining(['solid', 'solid-apart']));
  });

  it('«رئیس جمهو» while typed finds the solid word its halves begin', () => {
    expect(found({ q: 'رئیس جمهو', prefix: 'last' })).toEqual(expect.arrayContaining(['solid', 'presidency']));
  });
});

describe('one quoted word is that spelling only', () => {
  it('«"جنگ‌ها"» finds the plural, not the singular', () => {
    expect(found({ q: '"جنگ‌ها"' })).toEqual(['wars']);
  });

  it('«جنگ -"جنگ‌ها"» leaves out the articles with that one spelling', () => {
    expect(found({ q: 'جنگ -"جنگ‌ها"' })).toEqual(['war']);
  });
});

describe('the answer says how each word was matched (query.words)', () => {
  const words = (q: string, prefix = 'none') => engine.search(parseSearchParams({ q, prefix })).query.words;

  it('lists the forms of «جنگ» the archive has, with their article counts, most first', () => {
    const [w] = words('جنگ');
    expect(w.text).toBe('جنگ');
    expect(w.forms).toEqual([
      { form: 'جنگ', articles: 2, kind: 'word' },
      { form: 'جنگها', articles: 1, kind: 'variant' },
      { form: 'جنگهای', articles: 1, kind: 'variant' },
    ]);
    expect(w.more).toBe(0);
  });

  it('does not list a longer word for a whole word («جنگل» is not a form of «جنگ»)', () => {
    expect(words('جنگ')[0].forms.map((f) => f.form)).not.toContain('جنگل');
  });

  it('lists the longer words a prefix added as kind prefix', () => {
    const forms = words('جنگ*')[0].forms;
    expect(forms.find((f) => f.form === 'جنگل')).toEqual({ form: 'جنگل', articles: 1, kind: 'prefix' });
    expect(forms.find((f) => f.form === 'جنگها')?.kind).toBe('variant');
  });

  it('counts a solid word found as its two halves side by side', () => {
    const forms = words('ریاستجمهوری')[0].forms;
    expect(forms).toContainEqual({ form: 'ریاست جمهوری', articles: 2, kind: 'apart' });
    // The no-break-space spelling is indexed as the solid word too (and so counted in both).
    expect(forms).toContainEqual({ form: 'ریاستجمهوری', articles: 2, kind: 'word' });
  });

  it('lists a quoted word as that one form', () => {
    expect(words('"جنگها"')[0].forms).toEqual([{ form: 'جنگها', articles: 1, kind: 'word' }]);
  });
});

describe('a query never matches more than it asks', () => {
  it('one word over 64 letters matches no article, not every article', () => {
    const r = engine.search(parseSearchParams({ q: 'q'.repeat(100) }));
    expect(r.total).toBe(0);
    expect(r.query.notices[0].code).toBe('word_too_long');
  });

  it('a query cut at the length limit says so in its notices', () => {
    const r = engine.search(parseSearchParams({ q: 'جنگ '.repeat(400) }));
    expect(r.query.notices.map((n) => n.code)).toContain('query_cut');
    expect(r.total).toBe(found({ q: 'جنگ' }).length);
  });
});

describe('a query asks for a bounded amount of work', () => {
  // Ten articles, each with «در این» and «از این»: a phrase costs its words' postings and a check per candidate.
  const many = Array.from({ length: 10 }, (_, i) => articleWith({ id: `p${i}`, title: `گزارش ${i}`, body: ['در این روز از این شهر خبر رسید.'] }));
  const small = SearchEngine.fromArticles(many, { maxQueryCost: 150 });

  it('answers a query within the budget', () => {
    expect(small.search(parseSearchParams({ q: '"در این"' })).total).toBe(10);
  });

  it('refuses a query beyond it with an error on q, not a stalled server', () => {
    const q = '"در این" "از این" "این روز" "این شهر" "روز از"';
    expect(() => small.search(parseSearchParams({ q, match: 'any' }))).toThrow(QueryTooCostlyError);
    expect(() => small.search(parseSearchParams({ q, match: 'any' }))).toThrow(/^q: the query asks for too much work/);
  });

  it('counts a phrase typed many times once', () => {
    const q = Array.from({ length: 50 }, () => '"در این"').join(' ');
    expect(small.search(parseSearchParams({ q })).total).toBe(10);
  });
});
