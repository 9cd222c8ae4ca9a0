import { describe, expect, it } from 'vitest';
import { makeSnippets } from './snippets';
import { planOf } from './plan-for-tests';

const words = (n: number, word = 'واژه') => Array.from({ length: n }, () => word).join(' ');
const matcher = planOf;

describe('makeSnippets', () => {
  const paragraphs = [
    `${words(40)} کتابخانه ${words(40)}`,
    `${words(30)} کتابخانه ملی امروز بازگشایی شد ${words(30)}`,
  ];

  it('prefers the passage holding the most distinct query words', () => {
    const [first] = makeSnippets(paragraphs, matcher('کتابخانه ملی '), { fragments: 1 });
    expect(first.filter((s) => s.hit).map((s) => s.text)).toEqual(['کتابخانه', 'ملی']);
  });

  it('returns at most the requested number of fragments, in article order', () => {
    const snippets = makeSnippets(paragraphs, matcher('کتابخانه '), { fragments: 3 });
    expect(snippets).toHaveLength(2);
    expect(paragraphs[0]).toContain(snippets[0].map((s) => s.text).join(''));
    expect(paragraphs[1]).toContain(snippets[1].map((s) => s.text).join(''));
  });

  it('cuts each fragment to about the asked number of words, on word boundaries', () => {
    const [snippet] = makeSnippets([`${words(100)} کتابخانه ${words(100)}`], matcher('کتابخانه '), { words: 25 });
    const text = snippet.map((s) => s.text).join('');
    expect(text.split(' ')).toHaveLength(25);
    expect(text.startsWith('واژه')).toBe(true);
    expect(text.endsWith('واژه')).toBe(true);
  });

  it('is an exact substring of a paragraph, half-spaces and Arabic letters kept', () => {
    const p = 'گزارش‌ها از كتابخانه\u00a0ها و همکاری‌های فرهنگی خبر می‌دهند.';
    const [snippet] = makeSnippets([p], matcher('کتابخانه ها'));
    expect(p).toContain(snippet.map((s) => s.text).join(''));
    expect(snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['كتابخانه\u00a0ها']);
  });

  it('shows the lead when the body has no match', () => {
    const [snippet] = makeSnippets(['خبر نخست امروز', 'دوم'], matcher('کتابخانه '));
    expect(snippet).toEqual([{ text: 'خبر نخست امروز' }]);
  });

  it('returns no snippet for an empty body', () => {
    expect(makeSnippets([], matcher('کتاب'))).toEqual([]);
  });
});
