// How people and archives re-spell the same Persian query. Pure string
// functions: the known-item evaluation runs every query through each of them.
// Only Arabic-script letters, half-spaces and digits are ever touched: Latin
// text, punctuation and ordinary spaces between words stay as they are.

const ZWNJ = '\u200c';
const NBSP = '\u00a0';
const FATHA = '\u064e';

/** Arabic-script letters and the marks/tatweel that sit inside words (no digits, no punctuation). */
const AR = '\\u0621-\\u065f\\u0670-\\u06d3\\u06fa-\\u06ff';
/** Combining marks and tatweel: inside a word, but not letters of their own. */
const NOT_A_LETTER = /[\u0640\u064b-\u065f\u0670]/;

/**
 * Affixes that archives write after a plain space as often as after a ZWNJ
 * («کتاب ها», «می شود»), in Persian and Arabic yeh. A space is a half-space
 * only next to one of these; between two ordinary words it is left alone.
 */
const SUFFIX = '(?:ها|های|هاي|هایی|هايي|تر|ترین|ترين|اند)';
const PREFIX = '(?:می|مي|نمی|نمي)';

/**
 * The half-spaces of a text: every run of ZWNJ, a no-break space between two
 * Arabic-script letters (the Hamshahri archive's half-space), and a plain
 * space before a known suffix or after the prefix می/نمی.
 */
const HALF_SPACES: RegExp[] = [
  /\u200c+/gu,
  new RegExp(`(?<=[${AR}])\\u00a0+(?=[${AR}])`, 'gu'),
  new RegExp(`(?<=[${AR}]) +(?=${SUFFIX}(?![${AR}]))`, 'gu'),
  new RegExp(`(?<=(?<![${AR}])${PREFIX}) +(?=[${AR}])`, 'gu'),
];

/** Rewrites every half-space (see HALF_SPACES) as `joint`: '' joins the word solid. */
export function rewriteHalfSpaces(text: string, joint: '' | ' ' | typeof NBSP): string {
  return HALF_SPACES.reduce((t, re) => t.replace(re, joint), text);
}

/** True when the text holds at least one half-space (ZWNJ, NBSP between letters, spaced affix). */
export function hasHalfSpace(text: string): boolean {
  return rewriteHalfSpaces(text, '') !== text;
}

export type HalfSpaceKind = 'zwnj' | 'nbsp' | 'spaced affix';

/** Which half-space the text holds, the first of ZWNJ, NBSP, spaced affix; null for none. */
export function halfSpaceKind(text: string): HalfSpaceKind | null {
  const kinds: HalfSpaceKind[] = ['zwnj', 'nbsp', 'spaced affix', 'spaced affix'];
  const i = HALF_SPACES.findIndex((re) => text.replace(re, '') !== text);
  return i < 0 ? null : kinds[i];
}

const YEH_KAF: Record<string, string> = { 'ی': 'ي', 'ي': 'ی', 'ک': 'ك', 'ك': 'ک' };

/** Persian ی/ک written as Arabic ي/ك and the Arabic letters as Persian. */
export function swapYehKaf(text: string): string {
  return text.replace(/[یيکك]/gu, (ch) => YEH_KAF[ch]);
}

/** A fatha after the first letter of every Arabic-script word of more than 3 letters. */
export function addDiacritics(text: string): string {
  return text.replace(new RegExp(`[${AR}]+`, 'gu'), (word) => {
    const letters = [...word].filter((ch) => !NOT_A_LETTER.test(ch)).length;
    if (letters <= 3) return word;
    const first = [...word].findIndex((ch) => !NOT_A_LETTER.test(ch));
    return word.slice(0, first + 1) + FATHA + word.slice(first + 1);
  });
}

/** Latin and Arabic-Indic digits become Persian (۰–۹); Persian digits become Latin. */
export function swapDigitScript(text: string): string {
  return text.replace(/[0-9\u0660-\u0669\u06f0-\u06f9]/gu, (ch) => {
    const code = ch.charCodeAt(0);
    if (code <= 0x39) return String.fromCharCode(0x06f0 + code - 0x30);
    if (code <= 0x0669) return String.fromCharCode(0x06f0 + code - 0x0660);
    return String.fromCharCode(0x30 + code - 0x06f0);
  });
}

export interface Perturbation {
  name: string;
  describe: string;
  apply: (text: string) => string;
}

/** The perturbations of the known-item evaluation, in report order; the first is the identity. */
export const PERTURBATIONS: readonly Perturbation[] = [
  { name: 'original', describe: 'the title words as written', apply: (t) => t },
  { name: 'yeh/kaf swapped', describe: 'ی↔ي, ک↔ك', apply: swapYehKaf },
  { name: 'zwnj removed', describe: 'half-spaces deleted (word written solid)', apply: (t) => rewriteHalfSpaces(t, '') },
  { name: 'zwnj → space', describe: 'half-spaces written as a space', apply: (t) => rewriteHalfSpaces(t, ' ') },
  { name: 'zwnj → nbsp', describe: 'half-spaces written as U+00A0', apply: (t) => rewriteHalfSpaces(t, NBSP) },
  { name: 'diacritics', describe: 'fatha after the first letter of words > 3 letters', apply: addDiacritics },
  { name: 'digit script', describe: 'Latin/Arabic-Indic → Persian, Persian → Latin', apply: swapDigitScript },
];

export { NBSP, ZWNJ, FATHA };
