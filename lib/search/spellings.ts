// The spellings a query word stands for beside its own, decided by the
// archive's vocabulary: a hamza on another seat («مسئول» / «مسؤول»), and the
// reading of an elongated word («ممممکن» is «ممکن», «خیییلی» is «خیلی»). They
// weigh as the word itself; the engine adds each one's inflections.
import { CharKind, foldChar, keepDoubled, kindOf, undoElongation } from '../persian/chars';
import { SEAT_LETTERS, elongationKey, hamzaKey } from '../persian/spelling-keys';
import { stem } from '../persian/stem';

/** What the spelling rules need of the archive. */
export interface Vocabulary {
  /** Whether the term is in the vocabulary. */
  known(term: string): boolean;
  /** In how many articles it occurs (0 when unknown). */
  frequency(term: string): number;
}

/**
 * A seat's hamza is the archive's way of writing the word when at least this
 * share of its articles wrote it there. «رای» (429 articles in the shared
 * corpora) was written «رأی» in 170, «روی» (2,617) «رؤی» in none: they stay
 * apart; «مسوول» was «مسؤول» in 42 of 109, «مسیول» «مسئول» in 639 of 640.
 */
const MIN_HAMZA_SHARE = 0.2;

// Words written with a hamza on either seat that are two words, not two spellings
// (folded: «مأمن» refuge and «مؤمن» believer, «رأساً» directly and «رؤسا» heads).
const TWO_WORDS = new Set(['مامن|مومن', 'راسا|روسا']);

const twoWords = (a: string, b: string) => TWO_WORDS.has(a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * The term with a hamza moved to another seat, where the archive writes a
 * hamza on that letter in both spellings (hamzaKey): «مسوول» → «مسیول»
 * («مسؤول», «مسئول»), «هیات» → «هییت» («هیأت», «هیئت»); never «سیر» → «سور»
 * (nobody writes «سؤر»), nor «روی» → «رای». The first letter is an alef,
 * not a seat («اثر» is not «یثر»), and a last «أ» is mostly a misplaced
 * tanvin («اصلأ») or a word of its own («منشأ», «منشی»).
 */
export function hamzaSpellings(term: string, vocabulary: Vocabulary): string[] {
  const out: string[] = [];
  const written = (word: string, at: number) => {
    const articles = vocabulary.frequency(word);
    return articles > 0 && vocabulary.frequency(hamzaKey(word, at)) >= MIN_HAMZA_SHARE * articles;
  };
  for (let at = 1; at < term.length - 1; at++) {
    const seat = term[at];
    if (!(SEAT_LETTERS as readonly string[]).includes(seat) || !written(term, at)) continue;
    for (const other of SEAT_LETTERS) {
      if (other === seat) continue;
      const swapped = term.slice(0, at) + other + term.slice(at + 1);
      if (written(swapped, at) && !twoWords(stem(term), stem(swapped))) out.push(swapped);
    }
  }
  return out;
}

/** The folded letters of a typed word, nothing else: what the analyzer saw before undoing elongation. */
function foldedLetters(typed: string): string {
  let out = '';
  for (const ch of typed) if (kindOf(ch.charCodeAt(0)) === CharKind.Word) out += foldChar(ch);
  return out;
}

/**
 * The doubled reading of an elongated word wins when the archive has it as a
 * word in at least this share of the articles of the single one: «کننند» is
 * «کنند» (4,454 articles in the shared corpora) more likely than «کند»
 * (5,730); «خیییلی» is «خیلی».
 */
const DOUBLED_SHARE = 0.25;

/**
 * What an elongated word reads as. The analyzer cuts every run of three or
 * more letters to one («ممممکن» → «مکن»), and the index also holds the word
 * with its runs doubled («ممکن»): a run may be a doubled letter drawn out.
 * A query chooses by the articles that have each reading as a word, those
 * that drew the letter out (elongationKey) left out. `term` itself when the
 * word was not elongated.
 */
export function elongationReading(term: string, typed: string, vocabulary: Vocabulary): string {
  const letters = foldedLetters(typed);
  // «خانه‌ی» drops its ezafe letter: the typed letters are not the term's, so nothing is read here.
  if (letters === term || undoElongation(letters) !== term) return term;
  const doubled = keepDoubled(letters);
  if (doubled === term) return term;
  const drawnOut = vocabulary.frequency(elongationKey(doubled));
  const asDoubled = vocabulary.frequency(doubled) - drawnOut;
  const asSingle = vocabulary.frequency(term) - drawnOut;
  return asDoubled > 0 && asDoubled >= DOUBLED_SHARE * asSingle ? doubled : term;
}

/**
 * The spellings of a query word, as analyzed (`term`) and as typed (`typed`),
 * that weigh as the word itself: its reading (elongationReading), then that
 * reading with its hamza on another seat.
 */
export function spellingsOf(term: string, typed: string, vocabulary: Vocabulary): string[] {
  const reading = elongationReading(term, typed, vocabulary);
  return [reading, ...hamzaSpellings(reading, vocabulary)];
}

/**
 * The stems whose inflections a query word's group takes: each spelling's
 * stem, and that stem with its hamza on another seat where the archive
 * writes it so. A word the archive lacks still meets the other spelling
 * through its stem: «مسوولان», where the archive has «مسئولان» and «مسؤول».
 */
export function spellingStems(spellings: readonly string[], stemOf: (term: string) => string, vocabulary: Vocabulary): string[] {
  const out = new Set<string>();
  for (const spelling of spellings) {
    const base = stemOf(spelling);
    out.add(base);
    for (const other of hamzaSpellings(base, vocabulary)) out.add(other);
  }
  return [...out];
}
