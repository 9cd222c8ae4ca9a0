import { describe, expect, it } from 'vitest';
import { analyze } from '../persian/analyze';
import { elongationReading, hamzaSpellings, spellingStems, spellingsOf, type Vocabulary } from './spellings';

/** A vocabulary of the terms these texts are indexed as (keys too), each text one article. */
function archive(...texts: string[]): Vocabulary {
  const df = new Map<string, number>();
  for (const text of texts) {
    for (const term of new Set(analyze(text, { pieces: true }).map((t) => t.term))) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return { known: (t) => df.has(t), frequency: (t) => df.get(t) ?? 0 };
}

const term = (word: string) => analyze(word)[0].term;

describe('hamzaSpellings: a hamza on another seat, where the archive writes it there', () => {
  it('joins «مسئول» and «مسؤول» (and «مسوول», its spelling without the hamza)', () => {
    const vocabulary = archive('مسئول', 'مسؤول', 'مسوول');
    expect(hamzaSpellings(term('مسؤول'), vocabulary)).toEqual([term('مسئول')]);
    expect(hamzaSpellings(term('مسئول'), vocabulary)).toEqual([term('مسؤول')]);
  });

  it('joins «هیئت» and «هیأت»', () => {
    const vocabulary = archive('هیئت', 'هیأت', 'هیات');
    expect(hamzaSpellings(term('هیات'), vocabulary)).toEqual([term('هیئت')]);
  });

  it('does not join «سیر» and «سور»: the archive writes no hamza in either', () => {
    expect(hamzaSpellings('سیر', archive('سیر', 'سور', 'سار'))).toEqual([]);
  });

  it('does not join «روی» to «رای» though «رأی» has a hamza: «روی» is never written «رؤی»', () => {
    const vocabulary = archive('رأی', 'روی', 'روی');
    expect(hamzaSpellings('روی', vocabulary)).toEqual([]);
    expect(hamzaSpellings('رای', vocabulary)).toEqual([]);
  });

  it('needs the hamza in a fifth of the articles of each spelling', () => {
    const rare = archive('مسئول', 'مسؤول', ...Array(5).fill('مسوول'));
    expect(hamzaSpellings(term('مسئول'), rare)).toEqual([]);
    const enough = archive('مسئول', 'مسؤول', ...Array(3).fill('مسوول'));
    expect(hamzaSpellings(term('مسئول'), enough)).toEqual([term('مسؤول')]);
  });

  it('never moves the last letter: «منشأ» is not «منشی»', () => {
    expect(hamzaSpellings(term('منشأ'), archive('منشأ', 'منشئ'))).toEqual([]);
  });

  it('keeps apart two words each written with a hamza: «مؤمن» is not «مأمن»', () => {
    const vocabulary = archive('مؤمن', 'مأمن', 'مؤمنان', 'مأمنان');
    expect(hamzaSpellings(term('مؤمن'), vocabulary)).toEqual([]);
    expect(hamzaSpellings(term('مؤمنان'), vocabulary)).toEqual([]);
  });

  it('never offers a key as a spelling', () => {
    const vocabulary = archive('مسئول', 'مسؤول');
    for (const s of spellingsOf(term('مسئول'), 'مسئول', vocabulary)) expect(s.startsWith('ء')).toBe(false);
  });
});

describe('elongationReading: what a word typed with a run of letters stands for', () => {
  it('reads «خیییلی» as «خیلی», though the index keeps «خییلی» for the article that wrote it so', () => {
    const vocabulary = archive('خیلی خوب', 'خیییلی');
    expect(vocabulary.known('خییلی')).toBe(true);
    expect(elongationReading(term('خیییلی'), 'خیییلی', vocabulary)).toBe('خیلی');
  });

  it('reads «ممممکن» as «ممکن» where the archive has «ممکن», not as «مکن»', () => {
    expect(elongationReading(term('ممممکن'), 'ممممکن', archive('ممکن', 'مکن', 'ممممکن'))).toBe('ممکن');
  });

  it('keeps «مکن» for «ممممکن» where the archive has no «ممکن»', () => {
    expect(elongationReading(term('ممممکن'), 'ممممکن', archive('مکن'))).toBe('مکن');
  });

  it('reads «کننند» as «کنند» when the archive has «کنند» about as often as «کند»', () => {
    expect(elongationReading(term('کننند'), 'کننند', archive('کند', 'کند', 'کند', 'کنند', 'کنند'))).toBe('کنند');
  });

  it('leaves a word typed without a run alone, doubled letters too («ممکن», «مدد»)', () => {
    const vocabulary = archive('مکن', 'ممکن', 'مد', 'مدد');
    expect(elongationReading('ممکن', 'ممکن', vocabulary)).toBe('ممکن');
    expect(elongationReading('مدد', 'مدد', vocabulary)).toBe('مدد');
  });
});

describe('spellingStems: whose inflections a query word takes', () => {
  it('meets the other spelling through the stem when the word itself is not in the archive', () => {
    const vocabulary = archive('مسئولان', 'مسئول', 'مسؤول');
    const stemOf = (t: string) => (t.endsWith('ان') ? t.slice(0, -2) : t);
    expect(spellingStems([term('مسؤولان')], stemOf, vocabulary).sort()).toEqual([term('مسؤول'), term('مسئول')].sort());
  });
});
