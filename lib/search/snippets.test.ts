import { describe, expect, it } from 'vitest';
import { makeSnippets, SNIPPET_MAX_CHARS, SNIPPET_MAX_WINDOWS, type SnippetWork } from './snippets';
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

describe('makeSnippets on one huge paragraph', () => {
  // 32k hits in a 400 KB paragraph: before the caps every hit was scored against every other (seconds a search).
  const huge = Array.from({ length: 32_000 }, (_, i) => (i % 2 ? 'کتابخانه ملی' : 'کتابخانه')).join(' ');
  const work = (): SnippetWork => ({ chars: 0, windows: 0, spans: 0 });

  it('reads at most SNIPPET_MAX_CHARS of the body', () => {
    const w = work();
    makeSnippets([huge, huge], matcher('کتابخانه '), { work: w });
    expect(huge.length).toBeGreaterThan(SNIPPET_MAX_CHARS * 3);
    expect(w.chars).toBeLessThanOrEqual(SNIPPET_MAX_CHARS);
    expect(w.chars).toBeGreaterThan(SNIPPET_MAX_CHARS - 20);
  });

  it('scores at most SNIPPET_MAX_WINDOWS windows of one paragraph, each over about a window of hits', () => {
    const w = work();
    makeSnippets([huge], matcher('کتابخانه'), { work: w });
    expect(w.windows).toBe(SNIPPET_MAX_WINDOWS);
    // 25 words a window, each hit a word at least: never the paragraph's thousands of hits per window.
    expect(w.spans).toBeLessThanOrEqual(SNIPPET_MAX_WINDOWS * 25);
  });

  it('still gives whole-word fragments of the paragraph, cut where the body is cut at a space', () => {
    const snippets = makeSnippets([huge], matcher('کتابخانه ملی'));
    expect(snippets).toHaveLength(3);
    for (const s of snippets) {
      const text = s.map((x) => x.text).join('');
      expect(huge.startsWith(text) || huge.includes(` ${text} `)).toBe(true);
    }
  });

  it('does not look for a hit past the characters it reads: the lead is shown instead', () => {
    const late = `خبر نخست ${words(30_000)} کتابخانه`;
    const [snippet] = makeSnippets([late], matcher('کتابخانه'));
    expect(snippet.some((s) => s.hit)).toBe(false);
    expect(snippet[0].text.startsWith('خبر نخست')).toBe(true);
  });
});
