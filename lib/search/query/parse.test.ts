import { describe, expect, it } from 'vitest';
import { NO_TERM, parseQuery } from './parse';

const groups = (q: string, prefixLast = false) => parseQuery(q, { prefixLast }).groups.map((g) => g.map((c) => `${c.kind}:${c.terms.join(' ')}${c.field === 'title' ? '@title' : ''}${c.prefix ? '*' : ''}`));

describe('parseQuery', () => {
  it('requires every plain word, each its own group', () => {
    expect(groups('کتابخانه ملی ')).toEqual([['word:کتابخانه'], ['word:ملی']]);
  });

  it('matches a submitted last word whole, trailing space or not', () => {
    expect(groups('جنگ')).toEqual([['word:جنگ']]);
    expect(groups('کتابخانه مل')).toEqual([['word:کتابخانه'], ['word:مل']]);
  });

  it('treats the last word as a prefix while it is being typed (prefixLast)', () => {
    expect(groups('کتابخانه مل', true)).toEqual([['word:کتابخانه'], ['word:مل*']]);
  });

  it('does not treat a finished word as a prefix while typing (a space follows it)', () => {
    expect(groups('کتابخانه مل ', true)).toEqual([['word:کتابخانه'], ['word:مل']]);
  });

  it('never treats a one-letter word as a prefix while typing', () => {
    expect(groups('ک', true)).toEqual([['word:ک']]);
  });

  it('reads word* as a prefix anywhere in the query, typed or submitted', () => {
    expect(groups('جنگ* ایران')).toEqual([['word:جنگ*'], ['word:ایران']]);
    expect(groups('ایران -جنگ*')).toEqual([['word:ایران']]);
    expect(parseQuery('ایران -جنگ*').excluded.map((c) => c.prefix)).toEqual([true]);
  });

  it('keeps a word and its affix typed apart as one prefix («همکاری های*»)', () => {
    expect(groups('همکاری های*')).toEqual([['word:همکاریهای*']]);
  });

  it('refuses * on a one-letter word with a notice, searching the word whole', () => {
    const q = parseQuery('ب* کرمان');
    expect(q.groups.map((g) => g[0].prefix)).toEqual([false, false]);
    expect(q.notices).toHaveLength(1);
    expect(q.notices[0]).toMatchObject({ code: 'prefix_too_short', text: 'ب' });
    expect(q.notices[0].message).toContain('دست‌کم دو حرف');
  });

  it('takes a lone * as nothing', () => {
    expect(groups('جنگ *')).toEqual([['word:جنگ']]);
  });

  it('reads one quoted word as that spelling only', () => {
    const [clause] = parseQuery('"کتاب‌ها"').groups[0];
    expect(clause).toMatchObject({ kind: 'word', terms: ['کتابها'], exact: true });
    expect(parseQuery('کتاب‌ها').groups[0][0].exact).toBeUndefined();
  });

  it('never makes a quoted word a prefix while typing', () => {
    expect(groups('"کتاب"', true)).toEqual([['word:کتاب']]);
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
    expect(groups('OR')).toEqual([['word:or']]);
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

  it('makes a word longer than the index holds match nothing, with a notice (not an empty query)', () => {
    const q = parseQuery('q'.repeat(100));
    expect(q.groups).toHaveLength(1);
    expect(q.groups[0][0]).toMatchObject({ terms: [NO_TERM], exact: true });
    expect(q.notices.map((n) => n.code)).toEqual(['word_too_long']);
  });

  it('keeps the other words beside an overlong one', () => {
    expect(groups(`کتاب ${'ب'.repeat(70)}`)).toEqual([['word:کتاب'], [`word:${NO_TERM}`]]);
  });

  it('makes a phrase with an overlong word match nothing', () => {
    expect(parseQuery(`"کتاب ${'ب'.repeat(70)}"`).groups[0][0].terms).toContain(NO_TERM);
  });

  it('asks a word or phrase typed twice once («"در این"» × 3)', () => {
    expect(groups('"در این" "در این" "در این"')).toEqual([['phrase:در این']]);
    expect(groups('کتاب کتاب ملی')).toEqual([['word:کتاب'], ['word:ملی']]);
  });

  it('keeps a repeated word and a prefix of it apart («جنگ جنگ*»)', () => {
    expect(groups('جنگ جنگ*')).toEqual([['word:جنگ'], ['word:جنگ*']]);
  });
});

describe('an empty phrase', () => {
  it('ignores «""» with a note instead of searching for nothing', () => {
    const q = parseQuery('"" کتاب');
    expect(q.groups.map((g) => g.map((c) => c.text))).toEqual([['کتاب']]);
    expect(q.notices).toEqual([expect.objectContaining({ code: 'empty_phrase', text: '""' })]);
    expect(q.notices[0].message).toContain('نادیده گرفته شد');
  });

  it('does not note a quoted word: «"کتاب"» is a real phrase', () => {
    expect(parseQuery('"کتاب"').notices).toEqual([]);
  });
});
