import { describe, expect, it } from 'vitest';
import { highlight } from './highlight';
import { planOf } from './plan-for-tests';

const marked = (text: string, q: string, prefixLast = false) =>
  highlight(text, planOf(q, prefixLast))
    .filter((s) => s.hit)
    .map((s) => s.text);

describe('highlight', () => {
  it('marks the original Arabic spelling for a Persian query', () => {
    expect(marked('افتتاح كتابخانه ملي در تهران', 'کتابخانه ملی ')).toEqual(['كتابخانه', 'ملي']);
  });

  it('marks a Persian spelling for an Arabic query', () => {
    expect(marked('تالار کتابخانه ملی', 'كتابخانه ')).toEqual(['کتابخانه']);
  });

  it('marks a whole word with its ZWNJ, not a drifted part', () => {
    expect(marked('همکاری‌های دو کشور', 'همکاری های ')).toEqual(['همکاری‌های']);
  });

  it('marks a word written with diacritics in full', () => {
    expect(marked('این کِتاب تازه است', 'کتاب ')).toEqual(['کِتاب']);
  });

  it('marks the piece of a compound that the query names', () => {
    expect(marked('همکاری‌های دو کشور', 'همکاری ')).toEqual(['همکاری']);
  });

  it('marks longer words for the prefix being typed', () => {
    expect(marked('کتابخانه و کتاب و کتیبه', 'کتاب', true)).toEqual(['کتابخانه', 'کتاب']);
  });

  it('marks longer words for an explicit prefix («کتاب*»)', () => {
    expect(marked('کتابخانه و کتاب و کتیبه', 'کتاب*')).toEqual(['کتابخانه', 'کتاب']);
  });

  it('does not mark longer words for a submitted word', () => {
    expect(marked('کتابخانه و کتاب', 'کتاب')).toEqual(['کتاب']);
  });

  it('does not mark a prefix once the word is finished', () => {
    expect(marked('کتابخانه و کتاب', 'کتاب ', true)).toEqual(['کتاب']);
  });

  it('does not mark words the query does not contain', () => {
    expect(marked('وزیر امور خارجه', 'کتاب ')).toEqual([]);
  });

  it('joins back to the exact original text', () => {
    const text = 'در این مکالمه\u00a0تلفنی، «همکاری های» دو کشور ۱۴۰۰ بررسی شد.';
    expect(highlight(text, planOf('همکاریهای 1400')).map((s) => s.text).join('')).toBe(text);
  });

  it('marks a markup-looking text as plain text', () => {
    const segments = highlight('<script>alert(1)</script> کتاب', planOf('کتاب '));
    expect(segments.map((s) => s.text).join('')).toBe('<script>alert(1)</script> کتاب');
  });
});

it('marks a phrase as one run, and its words alone not at all', () => {
  expect(marked('کتابخانه ملی و ملی‌گرایی در کتابخانه', '"کتابخانه ملی"')).toEqual(['کتابخانه ملی']);
});
