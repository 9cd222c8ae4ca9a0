import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';

const terms = (text: string) => analyze(text).map((t) => t.term);
const spans = (text: string) => analyze(text, { pieces: true }).map((t) => text.slice(t.start, t.end));

describe('analyze: characters', () => {
  it('folds Arabic yeh and kaf to Persian', () => {
    expect(terms('كتابخانه ملي')).toEqual(terms('کتابخانه ملی'));
  });

  it('folds alef maksura and hamza-on-yeh to yeh («رئیس» = «رییس»)', () => {
    expect(terms('رئيس')).toEqual(terms('رییس'));
    expect(terms('مسائل')).toEqual(terms('مسایل'));
  });

  it('drops diacritics, tanvin and tatweel', () => {
    expect(terms('کِتاب فوراً تهـــران')).toEqual(['کتاب', 'فورا', 'تهران']);
  });

  it('folds alef with madda and hamza forms to plain alef', () => {
    expect(terms('آمریکا أحمد')).toEqual(terms('امریکا احمد'));
  });

  it('folds Persian and Arabic-Indic digits to Latin', () => {
    expect(terms('۱۴۰۲ ١٤٠٢ 1402')).toEqual(['1402', '1402', '1402']);
  });

  it('keeps a decimal number whole and drops thousands separators', () => {
    expect(terms('٣٫٥ درصد و ۱٬۲۰۰ نفر')).toEqual(['3.5', 'درصد', 'و', '1200', 'نفر']);
  });

  it('ignores direction marks and zero-width joiners inside words', () => {
    expect(terms('تهران\u200f است')).toEqual(['تهران', 'است']);
  });

  it('does not merge different letters: «کتاب» is not «کباب»', () => {
    expect(terms('کتاب')).not.toEqual(terms('کباب'));
  });

  it('lower-cases Latin words', () => {
    expect(terms('UNESCO')).toEqual(['unesco']);
  });
});

describe('analyze: word boundaries', () => {
  const forms = ['همکاری‌های', 'همکاریهای', 'همکاری های', 'همکاری\u00a0های'];

  it.each(forms)('«%s» gives the same term as the other spellings', (form) => {
    expect(terms(form)).toEqual(['همکاریهای']);
  });

  it('joins the verbal prefix «می» written with a space or NBSP', () => {
    expect(terms('می شود')).toEqual(terms('می‌شود'));
    expect(terms('مي\u00a0شود')).toEqual(terms('میشود'));
  });

  it('joins a superlative suffix written apart', () => {
    expect(terms('بزرگ ترین')).toEqual(terms('بزرگ‌ترین'));
  });

  it('does not join an affix across punctuation', () => {
    expect(terms('کتاب، ها')).toEqual(['کتاب', 'ها']);
  });

  it('does not join a suffix to a number', () => {
    expect(terms('۱۰ ها')).toEqual(['10', 'ها']);
  });

  it('does not join two ordinary words', () => {
    expect(terms('وزیر امور خارجه')).toEqual(['وزیر', 'امور', 'خارجه']);
  });

  it('splits at punctuation and dashes', () => {
    expect(terms('مسکو - ایرنا- سرگئی')).toEqual(['مسکو', 'ایرنا', 'سرگیی']);
  });

  it('for the index, also emits the pieces of a joined word', () => {
    expect(analyze('همکاری‌های دو کشور', { pieces: true }).map((t) => t.term)).toEqual([
      'همکاریهای',
      'همکاری',
      'های',
      'دو',
      'کشور',
    ]);
  });
});

describe('analyze: offsets', () => {
  it('points at the original spelling, Arabic letters kept', () => {
    expect(spans('در كتابخانه ملي')).toEqual(['در', 'كتابخانه', 'ملي']);
  });

  it('covers the half-space inside a word and the space of a split affix', () => {
    expect(spans('کتاب‌ها')).toEqual(['کتاب‌ها', 'کتاب', 'ها']);
    expect(spans('همکاری های')[0]).toBe('همکاری های');
  });

  it('keeps a final diacritic inside the word but not a trailing ZWNJ', () => {
    expect(spans('فوراً')).toEqual(['فوراً']);
    expect(analyze('کتاب\u200c ')[0]).toMatchObject({ start: 0, end: 4 });
  });
});

describe('analyze: punctuation', () => {
  it('gives no term for punctuation only', () => {
    expect(terms('«»؟!… - ،')).toEqual([]);
  });
});

describe('analyze: archive damage', () => {
  it('undoes elongation by a letter repeated three times or more', () => {
    expect(terms('سلامممم به همه')).toEqual(terms('سلام به همه'));
    expect(terms('ســلام')).toEqual(terms('سلام'));
  });

  it('keeps a doubled letter that ends a real word («متخصص», «مجدد», «آشنایی»)', () => {
    expect(terms('متخصص مجدد آشنایی')).toEqual(['متخصص', 'مجدد', 'اشنایی']);
  });

  it('does not shorten numbers or Latin words with repeated characters', () => {
    expect(terms('1000 hall')).toEqual(['1000', 'hall']);
  });

  it('separates a number glued to a word', () => {
    expect(terms('مسافت۹ کیلومتر')).toEqual(terms('مسافت ۹ کیلومتر'));
    expect(terms('عرض۶')).toEqual(['عرض', '6']);
  });

  it('ignores honorific ligatures such as ﷺ', () => {
    expect(terms('پیامبر اکرم ﷺ')).toEqual(terms('پیامبر اکرم'));
  });

  it('folds Arabic presentation forms to letters', () => {
    expect(terms('\ufedb\ufe98\ufe8e\ufe8f')).toEqual(terms('کتاب'));
  });

  it('folds a ligature to its two letters inside a word, with the letters around it folded too', () => {
    expect(terms('\ufefbغر بي\ufefbن')).toEqual(['لاغر', 'بیلان']);
  });

  it('folds a long word whole («سازمانهايبينالمللي», seventeen letters, as typed with Persian letters)', () => {
    expect(terms('سازمانهايبينالمللي')).toEqual(['سازمانهایبینالمللی']);
    expect(terms('سازمانهايبينالمللي')).not.toEqual(terms('سازمانهای بینالمللی'));
  });

  it('drops the ezafe yeh after heh, however it is written', () => {
    expect(terms('خانه‌ی ما')).toEqual(terms('خانۀ ما'));
    expect(terms('خانه ی ما')).toEqual(terms('خانه ما'));
  });

  it('keeps the indefinite «ای» after heh («خانه‌ای» is not «خانه»)', () => {
    expect(terms('خانه‌ای')).not.toEqual(terms('خانه'));
  });
});

describe('analyze: no-break space compounds', () => {
  it('for the index, also emits two words joined by one no-break space as one compound', () => {
    const t = analyze('نمایشگاه بين\u00a0المللي كتاب', { pieces: true });
    expect(t.map((x) => x.term)).toEqual(['نمایشگاه', 'بین', 'بینالمللی', 'المللی', 'کتاب']);
    expect(t.find((x) => x.term === 'بینالمللی')).toMatchObject({ piece: true });
  });

  it('joins a chain of three such words too («گفت و گو» is «گفتوگو»)', () => {
    const t = analyze('گفت\u00a0و\u00a0گو', { pieces: true }).map((x) => x.term);
    expect(t).toContain('گفتوگو');
    expect(t).toContain('وگو');
  });

  it('keeps the two words as the words of the text (phrases and proximity see them)', () => {
    expect(analyze('بين\u00a0المللي').map((x) => x.term)).toEqual(['بین', 'المللی']);
  });

  it('does not join across a plain space or next to a number', () => {
    expect(analyze('بين المللي', { pieces: true }).map((x) => x.term)).toEqual(['بین', 'المللی']);
    expect(analyze('سال\u00a0۱۴۰۰', { pieces: true }).map((x) => x.term)).toEqual(['سال', '1400']);
  });
});

describe('analyze: spellings the index keeps beside a word', () => {
  const indexed = (text: string) => analyze(text, { pieces: true });
  const spellings = (text: string) => indexed(text).filter((t) => t.spelling).map((t) => t.term);

  it('marks where the text wrote a hamza on its seat, as a key that is no word', () => {
    expect(spellings('مسئول')).toEqual(['ءمسیءول']);
    expect(spellings('مسؤول')).toEqual(['ءمسوءول']);
    expect(spellings('هیأت')).toEqual(['ءهیاءت']);
  });

  it('reads a hamza written as a mark on its seat (U+0654) as the same key', () => {
    expect(spellings('مسي\u0654ول')).toEqual(spellings('مسئول'));
  });

  it('gives no key for a word written without a hamza («مسوول», «هیات»)', () => {
    expect(spellings('مسوول هیات')).toEqual([]);
  });

  it('gives no key for an ezafe on heh, a lone final hamza or an initial alef with hamza', () => {
    expect(spellings('خانهٔ اجزاء أمير')).toEqual([]);
  });

  it('keeps keys out of the words and marks them as pieces, so positions and highlights skip them', () => {
    const tokens = indexed('رئیس هیئت');
    expect(tokens.filter((t) => !t.piece).map((t) => t.term)).toEqual(['رییس', 'هییت']);
    expect(tokens.filter((t) => t.spelling).every((t) => t.piece)).toBe(true);
  });

  it('keys the pieces of a joined word too («مسئولان‌شان»: the whole and «مسئولان»)', () => {
    expect(spellings('مسئولان‌شان')).toEqual(['ءمسیءولانشان', 'ءمسیءولان']);
  });

  it('emits nothing beside the word for a query (no pieces)', () => {
    expect(analyze('مسئول ممممکن').map((t) => t.term)).toEqual(['مسیول', 'مکن']);
  });

  it('keeps an elongated word also with its runs doubled («ممممکن» is «مکن» and «ممکن»), and a key that it was drawn out', () => {
    expect(indexed('ممممکن').map((t) => [t.term, t.spelling === true])).toEqual([
      ['مکن', false],
      ['ممکن', true],
      ['ءءممکن', true],
    ]);
    expect(spellings('خیییلی')).toEqual(['خییلی', 'ءءخییلی']);
  });

  it('does not take a doubled letter for elongation («مدد», «محقق»: two is not a run)', () => {
    expect(spellings('مدد محقق')).toEqual([]);
  });

  it('writes every ezafe spelling as the one term of the word («خانۀ», «خانهٔ», «خانه‌ی», «خانه ی»)', () => {
    for (const ezafe of ['خانۀ', 'خانهٔ', 'خانه‌ی', 'خانه ی']) expect(terms(`${ezafe} ما`)).toEqual(['خانه', 'ما']);
  });

  it('keeps the indefinite «خانه‌ای» apart from the ezafe', () => {
    expect(terms('خانه‌ای')).toEqual(['خانهای']);
  });
});
