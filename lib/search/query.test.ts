import { describe, expect, it } from 'vitest';
import { parseQuery } from './query';

const groups = (q: string) => parseQuery(q).groups.map((g) => g.map((c) => `${c.kind}:${c.terms.join(' ')}${c.field === 'title' ? '@title' : ''}${c.prefix ? '*' : ''}`));

describe('parseQuery', () => {
  it('requires every plain word, each its own group', () => {
    expect(groups('کتابخانه ملی ')).toEqual([['word:کتابخانه'], ['word:ملی']]);
  });

  it('treats the last word as a prefix while it is being typed', () => {
    expect(groups('کتابخانه مل')).toEqual([['word:کتابخانه'], ['word:مل*']]);
  });

  it('never treats a one-letter word as a prefix', () => {
    expect(groups('ک')).toEqual([['word:ک']]);
  });

  it('keeps a word and its affix typed apart as one word', () => {
    expect(groups('همکاری های ')).toEqual([['word:همکاریهای']]);
  });

  it('reads "…" and «…» as phrases', () => {
    expect(groups('"کتابخانه ملی" ')).toEqual([['phrase:کتابخانه ملی']]);
    expect(groups('«جمهوری اسلامی»')).toEqual([['phrase:جمهوری اسلامی']]);
  });

  it('runs an unbalanced quote to the end instead of failing', () => {
    expect(groups('"کتابخانه ملی')).toEqual([['phrase:کتابخانه ملی']]);
  });

  it('leaves out -word and -"phrase"', () => {
    const q = parseQuery('زلزله -بم -"کرمان شهر" ');
    expect(q.groups.map((g) => g[0].terms[0])).toEqual(['زلزله']);
    expect(q.excluded.map((c) => c.terms.join(' '))).toEqual(['بم', 'کرمان شهر']);
  });

  it('joins alternatives with OR and «یا»', () => {
    expect(groups('زلزله OR زمینلرزه ')).toEqual([['word:زلزله', 'word:زمینلرزه']]);
    expect(groups('تهران یا مشهد ')).toEqual([['word:تهران', 'word:مشهد']]);
  });

  it('reads title: and عنوان: as title-only', () => {
    expect(groups('title:کتاب عنوان:موزه ')).toEqual([['word:کتاب@title'], ['word:موزه@title']]);
  });

  it('takes a stray OR or a lone minus as plain text', () => {
    expect(groups('OR')).toEqual([['word:or*']]);
    expect(groups('کتاب - ')).toEqual([['word:کتاب']]);
  });

  it('does not require stop words when there are other words', () => {
    const q = parseQuery('وضعیت هوا در تهران ');
    expect(q.groups.map((g) => g[0].terms[0])).toEqual(['وضعیت', 'هوا', 'تهران']);
    expect(q.ignored).toEqual(['در']);
  });

  it('keeps stop words when the query has nothing else', () => {
    expect(groups('در به ')).toEqual([['word:در'], ['word:به']]);
  });

  it('asks for nothing when the query is punctuation only', () => {
    expect(parseQuery('«» ؟ !').groups).toEqual([]);
  });

  it('says when operators were used', () => {
    expect(parseQuery('کتاب ملی').hasOperators).toBe(false);
    expect(parseQuery('کتاب -ملی').hasOperators).toBe(true);
  });
});
