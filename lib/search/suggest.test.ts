import { describe, expect, it } from 'vitest';
import { articleWith } from '../article';
import { SearchEngine } from './engine';
import { parseSearchParams } from './params';
import { fromLatinLayout, suggestFor } from './suggest';

const archive = (counts: Record<string, number>) => ({ articles: (t: string) => counts[t] ?? 0 });
const words = archive({ پرسپولیس: 120, نژاد: 40, زلزله: 300, ملک: 2, ملت: 900, تهران: 5000, تهرانی: 30, ذکر: 50, زکر: 1, ضرر: 60 });

describe('did you mean', () => {
  it('drops a repeated letter: «پرسپولیسس» → «پرسپولیس»', () => {
    expect(suggestFor('پرسپولیسس', words)).toEqual({ term: 'پرسپولیس', articles: 120 });
  });

  it('swaps a letter that sounds alike: «نژاذ» → «نژاد»', () => {
    expect(suggestFor('نژاذ', words)).toEqual({ term: 'نژاد', articles: 40 });
  });

  it('corrects a word the archive has far more rarely than a close one: «زکر» (1) → «ذکر» (50)', () => {
    expect(suggestFor('زکر', words)?.term).toBe('ذکر');
  });

  it('does not correct a real rare word to a common one less than 20 times as common', () => {
    // «ملک» (2 articles) and «ملت» (900): 450×, so it is offered; with «ملک» in 50, never.
    expect(suggestFor('ملک', words)?.term).toBe('ملت');
    expect(suggestFor('ملک', archive({ ملک: 50, ملت: 900 }))).toBeNull();
  });

  it('never offers a form of the word itself («تهران» for «تهرانی»)', () => {
    expect(suggestFor('تهرانی', words, new Set(['تهران', 'تهرانی']))).toBeNull();
  });

  it('offers nothing for a word the archive has often, or for short words and Latin', () => {
    expect(suggestFor('زلزله', words)).toBeNull();
    expect(suggestFor('زل', words)).toBeNull();
    expect(suggestFor('tehran', words)).toBeNull();
  });

  it('offers nothing when no close word is there', () => {
    expect(suggestFor('خرچنگ', words)).toBeNull();
  });
});

describe('the Latin keyboard layout', () => {
  it('reads «cgcgi» as «زلزله» (the same keys on the Persian layout)', () => {
    expect(fromLatinLayout('cgcgi')).toBe('زلزله');
  });

  it('keeps spaces between words: «jivhk ]kdk» → «تهران چنین»', () => {
    expect(fromLatinLayout('jivhk ]kdk')).toBe('تهران چنین');
  });

  it('leaves Persian, digits and URLs alone', () => {
    expect(fromLatinLayout('زلزله')).toBeNull();
    expect(fromLatinLayout('covid19')).toBeNull();
    expect(fromLatinLayout('example.com')).toBeNull();
  });
});

describe('the answer offers the suggestion, with its count, and never applies it', () => {
  const engine = SearchEngine.fromArticles([
    articleWith({ id: 'a', title: 'پیروزی پرسپولیس', body: ['پرسپولیس برد.'] }),
    articleWith({ id: 'b', title: 'پرسپولیس در لیگ', body: ['بازی پرسپولیس.'] }),
    articleWith({ id: 'c', title: 'زلزله در کرمان', body: ['زلزله خسارت زد.'] }),
  ]);
  const search = (q: string) => engine.search(parseSearchParams({ q }));

  it('«پرسپولیسس» finds nothing and offers «پرسپولیس» (2 articles), with the query rewritten', () => {
    const r = search('بازی پرسپولیسس');
    expect(r.total).toBe(0);
    expect(r.suggestions).toEqual([{ kind: 'spelling', text: 'پرسپولیسس', suggestion: 'پرسپولیس', q: 'بازی پرسپولیس', articles: 2 }]);
  });

  it('«cgcgi» typed on the Latin layout offers «زلزله»', () => {
    expect(search('cgcgi').suggestions).toEqual([{ kind: 'layout', text: 'cgcgi', suggestion: 'زلزله', q: 'زلزله', articles: 1 }]);
  });

  it('offers nothing for words the archive has', () => {
    expect(search('پرسپولیس زلزله').suggestions).toEqual([]);
  });
});
