import { describe, expect, it } from 'vitest';
import {
  PERTURBATIONS,
  addDiacritics,
  halfSpaceKind,
  hasHalfSpace,
  rewriteHalfSpaces,
  swapDigitScript,
  swapYehKaf,
} from './perturb';

const ZWNJ = '\u200c';
const NBSP = '\u00a0';
const FATHA = '\u064e';

describe('swapYehKaf', () => {
  it('writes Persian ی and ک as Arabic ي and ك', () => {
    expect(swapYehKaf('کتابخانه ملی')).toBe('كتابخانه ملي');
  });

  it('writes Arabic ي and ك as Persian ی and ک', () => {
    expect(swapYehKaf('شركت ايران خودرو')).toBe('شرکت ایران خودرو');
  });

  it('leaves other letters, Latin text and digits alone', () => {
    expect(swapYehKaf('IKEA تهران 1402')).toBe('IKEA تهران 1402');
  });
});

describe('rewriteHalfSpaces', () => {
  it('joins a ZWNJ compound solid', () => {
    expect(rewriteHalfSpaces(`همکاری${ZWNJ}های علمی`, '')).toBe('همکاریهای علمی');
  });

  it('writes a ZWNJ as a space', () => {
    expect(rewriteHalfSpaces(`می${ZWNJ}شود`, ' ')).toBe('می شود');
  });

  it('writes a ZWNJ as a no-break space', () => {
    expect(rewriteHalfSpaces(`کتاب${ZWNJ}ها`, NBSP)).toBe(`کتاب${NBSP}ها`);
  });

  it('treats a run of ZWNJs as one half-space', () => {
    expect(rewriteHalfSpaces(`کاروان${ZWNJ}${ZWNJ}سرا`, ' ')).toBe('کاروان سرا');
  });

  it("treats the Hamshahri archive's NBSP between letters as a half-space", () => {
    expect(rewriteHalfSpaces(`قيمت${NBSP}ها`, '')).toBe('قيمتها');
  });

  it('treats a plain space before a known suffix as a half-space', () => {
    expect(rewriteHalfSpaces('کتاب های تازه', '')).toBe('کتابهای تازه');
  });

  it('treats a plain space after the prefix می as a half-space', () => {
    expect(rewriteHalfSpaces('مي شود', NBSP)).toBe(`مي${NBSP}شود`);
  });

  it('leaves a space between two ordinary words alone', () => {
    expect(rewriteHalfSpaces('تیم ملی فوتبال', '')).toBe('تیم ملی فوتبال');
  });

  it('does not take a word that merely starts like a suffix for the suffix', () => {
    expect(rewriteHalfSpaces('سفر هامبورگ', '')).toBe('سفر هامبورگ');
  });

  it('does not take a word that merely ends in می for the prefix', () => {
    expect(rewriteHalfSpaces('اسلامی شدن', '')).toBe('اسلامی شدن');
  });

  it('leaves an NBSP next to Latin text or digits alone', () => {
    expect(rewriteHalfSpaces(`سال${NBSP}2020 and${NBSP}more`, '')).toBe(`سال${NBSP}2020 and${NBSP}more`);
  });
});

describe('halfSpaceKind', () => {
  it('names a ZWNJ', () => {
    expect(halfSpaceKind(`می${ZWNJ}رود`)).toBe('zwnj');
  });

  it('names an NBSP between letters', () => {
    expect(halfSpaceKind(`قيمت${NBSP}ها`)).toBe('nbsp');
  });

  it('names a spaced affix', () => {
    expect(halfSpaceKind('کتاب ها')).toBe('spaced affix');
  });

  it('names ZWNJ first when a text holds several kinds', () => {
    expect(halfSpaceKind(`کتاب ها و می${ZWNJ}رود`)).toBe('zwnj');
  });

  it('is null for text without a half-space', () => {
    expect(halfSpaceKind('بازسازی شهر بم')).toBeNull();
  });
});

describe('hasHalfSpace', () => {
  it('is false for ordinary spaces between words', () => {
    expect(hasHalfSpace('بازسازی شهر بم')).toBe(false);
  });

  it('is true for a ZWNJ', () => {
    expect(hasHalfSpace(`زلزله${ZWNJ}زده`)).toBe(true);
  });
});

describe('addDiacritics', () => {
  it('puts a fatha after the first letter of words longer than 3 letters', () => {
    expect(addDiacritics('بازسازی شهر')).toBe(`ب${FATHA}ازسازی شهر`);
  });

  it('leaves words of 3 letters or fewer alone', () => {
    expect(addDiacritics('شهر بم')).toBe('شهر بم');
  });

  it('treats each side of a ZWNJ as its own word', () => {
    expect(addDiacritics(`کتابخانه${ZWNJ}ها`)).toBe(`ک${FATHA}تابخانه${ZWNJ}ها`);
  });

  it('leaves Latin words and digits alone', () => {
    expect(addDiacritics('Google 2024 گوگل')).toBe(`Google 2024 گ${FATHA}وگل`);
  });
});

describe('swapDigitScript', () => {
  it('writes Latin digits as Persian', () => {
    expect(swapDigitScript('سال 1402')).toBe('سال ۱۴۰۲');
  });

  it('writes Arabic-Indic digits as Persian', () => {
    expect(swapDigitScript('٤٥٠ تومان')).toBe('۴۵۰ تومان');
  });

  it('writes Persian digits as Latin', () => {
    expect(swapDigitScript('۱۴۰۲/۰۸/۱۰')).toBe('1402/08/10');
  });

  it('leaves text without digits unchanged', () => {
    expect(swapDigitScript('انتخابات ریاست جمهوری')).toBe('انتخابات ریاست جمهوری');
  });
});

describe('PERTURBATIONS', () => {
  it('starts with the identity', () => {
    expect(PERTURBATIONS[0].apply(`کتاب${ZWNJ}ها 12`)).toBe(`کتاب${ZWNJ}ها 12`);
  });

  it('lists the seven perturbations of the known-item evaluation', () => {
    expect(PERTURBATIONS.map((p) => p.name)).toHaveLength(7);
  });

  it('never changes Latin letters', () => {
    for (const p of PERTURBATIONS) expect(p.apply('Kavosh Search Engine')).toBe('Kavosh Search Engine');
  });
});
