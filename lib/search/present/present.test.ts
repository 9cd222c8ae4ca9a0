import { describe, expect, it } from 'vitest';
import { articleWith } from '../../article';
import { MemoryStore } from '../article-store';
import { buildIndexData } from '../index-data';
import { PhraseMatcher } from '../match/phrase';
import { TermExpander } from '../query/expand';
import { parseQuery } from '../query/parse';
import { Bm25 } from '../score/bm25';
import { DEFAULT_WEIGHTS } from '../score/weights';
import { IndexStore } from '../store/index-store';
import { highlightPlan } from './highlight-plan';
import { articleResponse, resultOf } from './results';
import { suggestionsFor } from './suggestions';
import { wordForms } from './word-forms';

const articles = [
  articleWith({ id: 'a', title: 'کتاب‌ها و کتابخانه', body: ['کتاب تازه', 'همایش بین المللی'], url: 'https://example.ir/a' }),
  articleWith({ id: 'b', title: 'خبر', body: ['کتابهای درسی و کتاب', 'همایش بین‌المللی'] }),
  articleWith({ id: 'c', title: 'پرسپولیس', body: ['پرسپولیس برد'] }),
];
const store = new IndexStore(buildIndexData(articles), new MemoryStore(articles));
const expander = new TermExpander(store, DEFAULT_WEIGHTS.variant);
const bm25 = new Bm25(store.docLength, store.titleLength, store.size, DEFAULT_WEIGHTS);
const phrases = new PhraseMatcher(store, bm25, DEFAULT_WEIGHTS.phrase);
const marked = (segments: { text: string; hit?: boolean }[]) => segments.filter((s) => s.hit).map((s) => s.text);

describe('highlightPlan', () => {
  it('marks every form a query word stood for, in its original spelling, and not a longer word', () => {
    const plan = highlightPlan(parseQuery('کتاب'), expander, store.vocabulary);
    expect(marked(resultOf(store.article(0), plan).title)).toEqual(['کتاب‌ها']);
  });

  it('marks nothing for an excluded word', () => {
    const plan = highlightPlan(parseQuery('خبر -کتاب'), expander, store.vocabulary);
    expect(marked(resultOf(store.article(0), plan).title)).toEqual([]);
  });
});

describe('articleResponse', () => {
  it('gives every paragraph highlighted and the article’s own fields', () => {
    const page = articleResponse(store.article(1), highlightPlan(parseQuery('کتاب'), expander, store.vocabulary));
    expect(page.paragraphs.map(marked)).toEqual([['کتابهای', 'کتاب'], []]);
    expect(page.id).toBe('b');
  });
});

describe('wordForms', () => {
  it('lists each form with its article count, the word itself as «word», most articles first', () => {
    const [forms] = wordForms(expander.withCompounds(parseQuery('کتاب')), store, expander, phrases);
    expect(forms.forms).toEqual([
      { form: 'کتاب', articles: 2, kind: 'word' },
      { form: 'کتابها', articles: 1, kind: 'variant' },
      { form: 'کتابهای', articles: 1, kind: 'variant' },
    ]);
  });

  it('counts a solid word found written apart as its own form', () => {
    const [forms] = wordForms(expander.withCompounds(parseQuery('بینالمللی')), store, expander, phrases);
    expect(forms.forms).toContainEqual({ form: 'بین المللی', articles: 1, kind: 'apart' });
  });
});

describe('suggestionsFor', () => {
  const suggest = (q: string) => suggestionsFor(parseQuery(q), q, 0, store, expander, () => 0);

  it('offers the archive word one letter away for a word it lacks, with its count', () => {
    expect(suggest('پرسپولیسس')).toEqual([{ kind: 'spelling', text: 'پرسپولیسس', suggestion: 'پرسپولیس', q: 'پرسپولیس', articles: 1 }]);
  });

  it('offers nothing for a word the archive has', () => {
    expect(suggest('پرسپولیس')).toEqual([]);
  });
});
