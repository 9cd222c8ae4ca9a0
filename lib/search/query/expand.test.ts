import { describe, expect, it } from 'vitest';
import { articleWith } from '../../article';
import { MemoryStore } from '../article-store';
import { buildIndexData } from '../index-data';
import { IndexStore } from '../store/index-store';
import { TermExpander } from './expand';
import { parseQuery } from './parse';

const bodies = ['کتاب تازه', 'کتابها و کتاب‌های درسی', 'کتابخانه ملی', 'همایش بین المللی', 'گفت و گو', 'همایش بینالمللی'];
const articles = bodies.map((body, i) => articleWith({ id: `a${i}`, title: 'خبر', body: [body] }));
const store = new IndexStore(buildIndexData(articles), new MemoryStore(articles));
const expander = new TermExpander(store, 0.8);
const formsOf = (q: string, prefixLast = false) =>
  expander
    .variants(parseQuery(q, { prefixLast }).groups[0][0])
    .map(({ id, weight }) => `${store.vocabulary[id]}:${weight}`)
    .sort();

describe('TermExpander.variants', () => {
  it('stands a word for itself and its inflected forms, the forms weighed less', () => {
    expect(formsOf('کتاب')).toEqual(['کتاب:1', 'کتابها:0.8', 'کتابهای:0.8']);
  });

  it('does not take a longer word that is not a form of it', () => {
    expect(formsOf('کتاب')).not.toContain('کتابخانه:0.8');
  });

  it('stands a quoted word for that spelling only', () => {
    expect(formsOf('"کتاب"')).toEqual(['کتاب:1']);
  });

  it('adds, for a prefix, every word it begins', () => {
    expect(formsOf('کتاب*')).toContain('کتابخانه:0.8');
  });

  it('stands a word the archive lacks for nothing', () => {
    expect(formsOf('دفتر')).toEqual([]);
  });
});

describe('TermExpander.withCompounds', () => {
  const alternatives = (q: string) => expander.withCompounds(parseQuery(q)).map((g) => g.map((c) => `${c.kind}:${c.terms.join(' ')}`));

  it('also finds a solid word as its halves side by side', () => {
    expect(alternatives('بینالمللی')).toEqual([['word:بینالمللی', 'phrase:بین المللی']]);
  });

  it('also finds two typed words, a stop word among them, as the solid word the archive has', () => {
    // «بین» is a stop word: not a group of its own, but still the first half.
    expect(alternatives('بین المللی')).toEqual([['word:المللی', 'word:بینالمللی']]);
  });

  it('adds nothing to a word the archive has no halves of', () => {
    expect(alternatives('کتابخانه')).toEqual([['word:کتابخانه']]);
  });
});

describe('TermExpander.apartRuns', () => {
  it('finds a solid word written as a run of three words', () => {
    expect(expander.apartRuns('گفتوگو').map((run) => run.map((id) => store.vocabulary[id]).join(' '))).toContain('گفت و گو');
  });

  it('finds no run in a word whose pieces the archive lacks', () => {
    expect(expander.apartRuns('کتابخانه')).toEqual([]);
  });
});

describe('TermExpander.estimate', () => {
  it('counts the articles a group can match at most: each form’s, summed', () => {
    // «کتاب» in a0 and a1 (a piece of «کتاب‌های»), «کتابها» and «کتابهای» in a1.
    expect(expander.estimate(parseQuery('کتاب').groups[0])).toBe(4);
    expect(expander.estimate(parseQuery('دفتر').groups[0])).toBe(0);
  });
});
