// Latin spellings of names the Persian press writes often: «Ahmadinejad» is
// offered as «احمدی‌نژاد». Only offered when the archive has the Persian form
// (suggestions.ts checks its vocabulary), with its count; never applied.
//
// Which names: the people, cities and clubs most written about in the shared
// evaluation corpora (docs/design.md, «Did you mean»: each Persian form occurs
// in 9 to 3,213 of 13,790 sampled articles). Spellings: the English Wikipedia
// title and the variants English-language news use (Rouhani/Rohani,
// Ghalibaf/Qalibaf). Keys are lower-case ASCII; one table, no guessing rules:
// a rule-based transliterator proposes words the archive does not have.

export const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ahmadinejad: 'احمدی‌نژاد',
  ahmadinezhad: 'احمدی‌نژاد',
  rouhani: 'روحانی',
  rohani: 'روحانی',
  khamenei: 'خامنه‌ای',
  khomeini: 'خمینی',
  raisi: 'رئیسی',
  raeisi: 'رئیسی',
  khatami: 'خاتمی',
  rafsanjani: 'رفسنجانی',
  zarif: 'ظریف',
  larijani: 'لاریجانی',
  mousavi: 'موسوی',
  musavi: 'موسوی',
  karroubi: 'کروبی',
  karrubi: 'کروبی',
  pezeshkian: 'پزشکیان',
  ghalibaf: 'قالیباف',
  qalibaf: 'قالیباف',
  soleimani: 'سلیمانی',
  araghchi: 'عراقچی',
  jalili: 'جلیلی',
  velayati: 'ولایتی',
  obama: 'اوباما',
  trump: 'ترامپ',
  putin: 'پوتین',
  biden: 'بایدن',
  tehran: 'تهران',
  isfahan: 'اصفهان',
  esfahan: 'اصفهان',
  mashhad: 'مشهد',
  tabriz: 'تبریز',
  shiraz: 'شیراز',
  kerman: 'کرمان',
  ahvaz: 'اهواز',
  ahwaz: 'اهواز',
  persepolis: 'پرسپولیس',
  esteghlal: 'استقلال',
  sepahan: 'سپاهان',
};

/**
 * The query with each Latin word of the table in its Persian form
 * («Ahmadinejad Tehran» → «احمدی‌نژاد تهران»), or null when no word is in the table.
 */
export function fromTransliteration(q: string): { text: string; q: string } | null {
  const found: string[] = [];
  const replaced = q.replace(/[A-Za-z]+/g, (word) => {
    const persian = TRANSLITERATIONS[word.toLowerCase()];
    if (!persian) return word;
    found.push(word);
    return persian;
  });
  return found.length > 0 ? { text: found.join(' '), q: replaced } : null;
}
