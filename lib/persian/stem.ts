// A conservative light stemmer for Persian. It is used at query time only, to
// group the inflected forms an archive actually contains («دوست», «دوستان»,
// «دوست‌ها»); the index keeps every word as written. Each rule names the
// shortest stem it accepts, so short words are never cut into other words
// («تنها» is not «تن», «ملی» is not «مل», «کتابت» is not «کتاب»).

interface Rule {
  suffix: string;
  /** Letters the stem must keep at least. */
  minStem: number;
  /** The stem must end with this (possessives after a final heh: «خانه‌ام»). */
  after?: string;
  /** Appended to the stem («نمایندگان» → «نماینده»). */
  replace?: string;
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
];

const PREFIXES = ['نمی', 'می'];

// Words the rules would cut into a different word.
const KEEP = new Set(['ساختمان', 'سازمان', 'آسمان', 'قهرمان', 'کارمان', 'درمان', 'زمستان', 'داستان', 'بیمارستان']);

function stripOnce(word: string, known?: (term: string) => boolean): string {
  if (KEEP.has(word)) return word;
  for (const rule of RULES) {
    if (!word.endsWith(rule.suffix)) continue;
    const base = word.slice(0, -rule.suffix.length);
    if (base.length < rule.minStem) continue;
    if (rule.after && !base.endsWith(rule.after)) continue;
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
 * the reading whose stem the archive uses.
 */
export function stem(term: string, known?: (term: string) => boolean): string {
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
    const next = stripOnce(word, known);
    if (next === word) break;
    word = next;
  }
  return word;
}
