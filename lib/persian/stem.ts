// A conservative light stemmer for Persian. It is used at query time only, to
// group the inflected forms an archive actually contains («دوست», «دوستان»,
// «دوست‌ها»); the index keeps every word as written. Each rule names the
// shortest stem it accepts, so short words are never cut into other words
// («تنها» is not «تن», «ملی» is not «مل», «کتابت» is not «کتاب»).
import { VERB_PREFIXES } from './analyze';

interface Rule {
  suffix: string;
  /** Letters the stem must keep at least. */
  minStem: number;
  /** The stem must end with this (possessives after a final heh: «خانه‌ام»). */
  after?: string;
  /** The stem must not end with this. */
  notAfter?: string;
  /** Appended to the stem («نمایندگان» → «نماینده»). */
  replace?: string;
  /**
   * Strip only when the archive has the stem in at least this share of the
   * articles of the word (2: twice as many; 0.05: a twentieth). For endings that
   * stems share with whole words: «کتابی» is «کتاب» + «ی» and «کشورش» «کشور»
   * + «ش», but «گزارش» (6,851 articles in the shared corpora) is not «گزار»
   * (8) + «ش», nor «موسوی» (178) «موسو» (2) + «ی». Without frequencies
   * (StemOptions) the rule is off.
   */
  stemShare?: number;
  /** Rules that may be measured or listed apart (`npm run merges -- --rule NAME`). */
  name?: string;
}

// Longest suffixes first: the first rule that applies wins.
const RULES: Rule[] = [
  ...['هایشان', 'هایتان', 'هایمان', 'هایش', 'هایت', 'هایم', 'هایی', 'های', 'ها'].map((suffix) => ({ suffix, minStem: 3 })),
  { suffix: 'ترین', minStem: 3 },
  { suffix: 'تر', minStem: 3 },
  { suffix: 'گان', minStem: 4, replace: 'ه' },
  { suffix: 'یان', minStem: 4 },
  { suffix: 'ان', minStem: 4 },
  { suffix: 'ات', minStem: 4 },
  { suffix: 'شان', minStem: 4 },
  { suffix: 'تان', minStem: 4 },
  { suffix: 'مان', minStem: 4 },
  { suffix: 'ای', minStem: 3, after: 'ه' },
  { suffix: 'ام', minStem: 3, after: 'ه' },
  { suffix: 'اش', minStem: 3, after: 'ه' },
  { suffix: 'انی', minStem: 4, replace: 'ان' },
  // «سلامم» (my greeting) is «سلام» + «م»; only after a final «م» is the
  // one-letter possessive safe to strip («کلام», «اسلام» keep theirs).
  { suffix: 'م', minStem: 4, after: 'م' },
  { suffix: 'ی', minStem: 5 },
  // A stem of four letters, common in the archive: the indefinite or
  // adjective «ی» («کتابی», «دولتی», «حسینی» beside «حسین»). Three letters
  // are too few: «بازی» is not «باز», «اصلی» is not «اصل».
  { suffix: 'ی', minStem: 4, stemShare: 1, name: 'stem-yeh' },
  // The ezafe «ی» after a long vowel («شورای», «اجرای», «نیروی»): the
  // ezafe form is often the more common, so a twentieth is enough.
  { suffix: 'ی', minStem: 4, after: 'ا', stemShare: 0.05, name: 'stem-ezafe-yeh' },
  { suffix: 'ی', minStem: 4, after: 'و', stemShare: 0.05, name: 'stem-ezafe-yeh' },
  // The possessive «ش» after a consonant («کتابش», «همسرش»); the nouns in
  // «ش» («گزارش», «پذیرش») are more common than their stems, and those made
  // on a stem in «ای» («آرایش», «نمایش») are never possessives.
  { suffix: 'ش', minStem: 4, stemShare: 2, notAfter: 'ای', name: 'stem-possessive' },
];

/** The rules that have a name, for listing what each one merges. */
export const NAMED_RULES = [...new Set(RULES.flatMap((r) => (r.name ? [r.name] : [])))];

/** What the archive says, for the rules that ask it (Rule.stemShare), and rules left out (`npm run merges`). */
export interface StemOptions {
  /** In how many articles a term occurs (0 when not at all). */
  frequency?: (term: string) => number;
  without?: ReadonlySet<string>;
}

// Longest first: «نمی» is not «ن» before «می».
const PREFIXES = [...VERB_PREFIXES].sort((a, b) => b.length - a.length);

// Words the rules would cut into a different word.
const KEEP = new Set([
  'ساختمان', 'سازمان', 'آسمان', 'قهرمان', 'کارمان', 'درمان', 'زمستان', 'داستان', 'بیمارستان',
  // Read in `npm run merges`: words the rules that ask the archive would join to another word
  // («پهلوی» is not «پهلو», «حماسی» epic is not «حماس» Hamas).
  'پهلوی', 'خواهش', 'شمارش', 'حماسی',
]);

/** Whether the archive has `base` in at least `share` times the articles of `word` (Rule.stemShare). */
function commonStem(base: string, word: string, share: number, frequency?: (term: string) => number): boolean {
  if (!frequency || KEEP.has(word)) return false;
  const articles = frequency(base);
  return articles > 0 && articles >= share * frequency(word);
}

function stripOnce(word: string, known?: (term: string) => boolean, options: StemOptions = {}): string {
  const { frequency, without } = options;
  if (KEEP.has(word)) return word;
  for (const rule of RULES) {
    if (!word.endsWith(rule.suffix)) continue;
    if (rule.name && without?.has(rule.name)) continue;
    const base = word.slice(0, -rule.suffix.length);
    if (base.length < rule.minStem) continue;
    if (rule.after && !base.endsWith(rule.after)) continue;
    if (rule.notAfter && base.endsWith(rule.notAfter)) continue;
    if (rule.stemShare !== undefined && !commonStem(base, word, rule.stemShare, frequency)) continue;
    // «بیانیهای» is «بیانیه»+«ای», not «بیانی»+«های»; «کشورهای» is the plural.
    // Only the archive's own vocabulary can tell them apart.
    if (rule.suffix.startsWith('ها') && known) {
      const indefinite = word.slice(0, -2);
      if (indefinite.endsWith('ه') && known(indefinite) && (!known(base) || indefinite.length > base.length)) {
        return indefinite;
      }
    }
    return base + (rule.replace ?? '');
  }
  return word;
}

/** The letters suffixes are made of (and those replacements add). */
const SUFFIX_LETTERS = new Set(RULES.flatMap((r) => [...r.suffix, ...(r.replace ?? '')]));

/**
 * A quick necessary test for `stem(word) === base`, for a word that starts
 * with `head` (the base, or the base after «می»/«نمی»): what follows must be
 * made of suffix letters only. A common word begins thousands of others
 * («در»: «درباره», «درست» …) and `stem` is slower than this by far.
 */
export function mayStemTo(word: string, head: string): boolean {
  for (let i = head.length; i < word.length; i++) if (!SUFFIX_LETTERS.has(word[i])) return false;
  return true;
}

/**
 * The stem of one analyzed term (folded letters, no ZWNJ). `known` tells
 * whether a term occurs in the archive; with it, ambiguous endings resolve to
 * the reading whose stem the archive uses, and `options.frequency` lets the
 * rules that need a common stem apply.
 */
export function stem(term: string, known?: (term: string) => boolean, options?: StemOptions): string {
  let word = term;
  if (/\d/.test(word)) return word;
  for (const prefix of PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 3) {
      word = word.slice(prefix.length);
      break;
    }
  }
  // Suffixes stack («شادمانی» → «شادمان» → «شادم»): strip until nothing changes.
  for (let i = 0; i < 3; i++) {
    const next = stripOnce(word, known, options);
    if (next === word) break;
    word = next;
  }
  return word;
}
