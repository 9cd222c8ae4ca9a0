// Keys: terms the index holds beside words to say how the archive wrote
// them, never words themselves.
//
// Hamza keys: where the archive itself wrote a hamza. Folding makes «رئیس» and
// «رییس» one term, but a hamza on another seat stays another term: «مسئول» is
// «مسیول», «مسؤول» is «مسوول». Only the archive can tell such a pair from two
// different words that differ by the same letters («سیر», «سور»): when it
// wrote a hamza on that letter. So the index holds, beside each word written
// with a seat hamza, a key term that marks the seat, and a query word swaps a
// seat only where both spellings' keys are in the vocabulary
// (lib/search/spellings.ts).

/**
 * Opens every key, and marks the seat inside it. Folding drops «ء» from every
 * word, so no word contains it: a key never equals a word, and no query word
 * or prefix (which never begins with «ء») reaches a key.
 */
export const KEY_MARK = 'ء';

/** The letters that carry a hamza, as folded: «ی» (ئ), «و» (ؤ), «ا» (أ إ). */
export const SEAT_LETTERS = ['ی', 'و', 'ا'] as const;

/** «ئ», «ؤ», «أ», «إ»: a hamza on its seat, as one character. («آ» is a madda, not a hamza.) */
export function isSeatHamza(code: number): boolean {
  return code === 0x0626 || code === 0x0624 || code === 0x0623 || code === 0x0625;
}

/** A folded letter that may carry a hamza written as a mark (U+0654) after it; heh carries the ezafe instead. */
export function isSeatLetter(code: number): boolean {
  return code === 0x06cc || code === 0x0648 || code === 0x0627;
}

/** The key of `term` with a hamza on its letter `at`: «مسیول», 2 → «ءمسیءول». */
export function hamzaKey(term: string, at: number): string {
  return KEY_MARK + term.slice(0, at + 1) + KEY_MARK + term.slice(at + 1);
}

/**
 * The key of an elongated word, by its reading with runs doubled
 * («خیییلی» → «ءءخییلی»): how many articles have that doubled reading only
 * because they drew a letter out, not as a word of its own.
 */
export function elongationKey(doubled: string): string {
  return KEY_MARK + KEY_MARK + doubled;
}

/** Whether a vocabulary term is a key, not a word (never shown, never a variant). */
export function isSpellingKey(term: string): boolean {
  return term.charCodeAt(0) === 0x0621;
}
