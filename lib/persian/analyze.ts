// The one Persian analyzer: indexing, querying and highlighting all call it, so
// a word is found exactly when it is highlighted.
import {
  CharKind,
  FOLDS_TO_MANY,
  NOT_A_JOINER,
  foldChar,
  foldCode,
  foldJoinerCode,
  isAffixGapCode,
  isDigitCode,
  isIgnorable,
  kindOf,
  keepDoubled,
  undoElongation,
} from './chars';
import { elongationKey, hamzaKey, isSeatHamza, isSeatLetter } from './spelling-keys';

/** A word of the text: its folded form and where it stands in the original. */
export interface Token {
  term: string;
  /** UTF-16 offset of the first character in the original text. */
  start: number;
  /** UTF-16 offset just past the last character (combining marks included). */
  end: number;
  /** A piece of a joined word, emitted beside the whole word (AnalyzeOptions.pieces). */
  piece?: true;
  /**
   * Another spelling of the word at this place, emitted beside it with the
   * pieces (always `piece` too): a key (lib/persian/spelling-keys.ts:
   * «ءمسیءول» for «مسئول», «ءءممکن» for «ممممکن») or an elongated word with
   * its runs kept doubled («ممکن» for «ممممکن»). It is a term of the index but not a term
   * of the text: BM25's lengths leave it out.
   */
  spelling?: true;
}

export interface AnalyzeOptions {
  /**
   * Also emit the pieces of words that were joined across a ZWNJ or a space
   * («همکاری‌های» → همکاریهای, همکاری, های). The index wants them so a query
   * for one piece still finds the compound; a query must not, or an AND over
   * the pieces would miss the same word written solid («همکاریهای»).
   */
  pieces?: boolean;
}

// Affixes that archives write solid, with ZWNJ, with a space or with a no-break
// space. Joining them to their word makes all four spellings one term.
const SUFFIXES = new Set([
  'ها', 'های', 'هایی', 'هایم', 'هایت', 'هایش', 'هایمان', 'هایتان', 'هایشان',
  'ای', 'ام', 'ات', 'اش', 'ایم', 'اید', 'اند',
  'تر', 'ترین', 'تری',
]);
/**
 * The verb prefixes, the one list of them: the analyzer joins them to their
 * verb, the stemmer strips them, the engine looks a stem's forms up after them.
 */
export const VERB_PREFIXES = ['می', 'نمی'] as const;
const PREFIXES = new Set<string>(VERB_PREFIXES);
const MAX_AFFIX = Math.max(...[...SUFFIXES, ...PREFIXES].map((a) => a.length));
export const MAX_TERM_LENGTH = 64;

/** Whether a term is an affix the analyzer joins to its word («ها», «ترین», «می»). */
export function isAffix(term: string): boolean {
  return SUFFIXES.has(term) || PREFIXES.has(term);
}

interface Piece extends Token {
  numeric: boolean;
  /** Places in `term` of letters the text wrote as a hamza seat («ئ», «ؤ», «أ», or «ی»/«و»/«ا» + U+0654). */
  seats: number[] | null;
  /** The term with elongated runs kept doubled, when the text elongated a letter. */
  doubled: string | null;
  /** Joined to the previous piece by ZWNJ/ZWJ, with nothing else between. */
  zwnj: boolean;
}

const COMBINING = (code: number) => (code >= 0x064b && code <= 0x065f) || code === 0x0670;

/**
 * The string of `codes[0 .. n)`: a call with the codes as arguments, which is
 * 10× faster than `apply` over a typed array for the short words text is
 * made of.
 */
function fromCodes(c: Uint16Array, n: number): string {
  switch (n) {
    case 1: return String.fromCharCode(c[0]);
    case 2: return String.fromCharCode(c[0], c[1]);
    case 3: return String.fromCharCode(c[0], c[1], c[2]);
    case 4: return String.fromCharCode(c[0], c[1], c[2], c[3]);
    case 5: return String.fromCharCode(c[0], c[1], c[2], c[3], c[4]);
    case 6: return String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5]);
    case 7: return String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    case 8: return String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    case 9: return String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]);
    case 10: return String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]);
    default: return String.fromCharCode.apply(null, Array.from(c.subarray(0, n)));
  }
}

/**
 * Reads a text's pieces: runs of word characters, folded, split at ZWNJ,
 * separators, and where digits meet letters. One per text, a class and not
 * closures: it runs for every character of an archive.
 */
/** A piece's folded letters as codes, shared by every scan (scans never overlap; grown for long runs). */
let codes = new Uint16Array(64);

class PieceScanner {
  readonly pieces: Piece[] = [];
  private length = 0;
  /** The folded piece is text.slice(start, end). */
  private same = true;
  /** The folded piece as a string, once a letter folded to several (presentation forms). */
  private wide: string | null = null;
  start = -1;
  end = -1;
  numeric = true;
  zwnj = false;
  private seats: number[] | null = null;

  constructor(private readonly text: string) {}

  flush(): void {
    if (this.start >= 0) {
      const raw = this.wide ?? (this.same ? this.text.slice(this.start, this.end) : fromCodes(codes, this.length));
      if (raw) {
        const term = undoElongation(raw);
        // Letters counted before a collapsed run no longer point at their seat.
        const elongated = term !== raw;
        this.pieces.push({
          term,
          start: this.start,
          end: this.end,
          numeric: this.numeric,
          zwnj: this.zwnj,
          seats: elongated || this.wide !== null ? null : this.seats,
          doubled: elongated ? keepDoubled(raw) : null,
        });
      }
    }
    this.seats = null;
    this.length = 0;
    this.same = true;
    this.wide = null;
    this.start = -1;
    this.numeric = true;
    this.zwnj = false;
  }

  /** A word character at `i`, folded. */
  letter(code: number, i: number): void {
    if (isSeatHamza(code) && this.length > 0) (this.seats ??= []).push(this.length);
    const folded = foldCode(code);
    if (folded === code) return this.push(code);
    this.same = false;
    if (folded >= 0) this.push(folded);
    else if (folded === FOLDS_TO_MANY) {
      this.wide ??= fromCodes(codes, this.length);
      this.wide += foldChar(this.text[i]);
    }
  }

  /** A character the piece's term leaves out (a diacritic inside the word). */
  skip(code = 0): void {
    this.same = false;
    // A hamza above or below written as a mark on its seat («مسئول»); on heh it is the ezafe («خانهٔ»).
    if ((code === 0x0654 || code === 0x0655) && this.length > 1 && this.wide === null && isSeatLetter(codes[this.length - 1])) {
      if (this.seats?.[this.seats.length - 1] !== this.length - 1) (this.seats ??= []).push(this.length - 1);
    }
  }

  push(code: number): void {
    if (this.wide !== null) {
      this.wide += String.fromCharCode(code);
      return;
    }
    if (this.length === codes.length) {
      const grown = new Uint16Array(codes.length * 2);
      grown.set(codes);
      codes = grown;
    }
    codes[this.length++] = code;
  }
}

function scanPieces(text: string): Piece[] {
  const s = new PieceScanner(text);
  let pendingZwnj = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = kindOf(code);
    if (kind === CharKind.Word) {
      const digit = isDigitCode(code);
      // «مسافت۹» is two words: a number glued to a word is a typing slip.
      if (s.start >= 0 && s.numeric !== digit && s.end === i) s.flush();
      if (s.start < 0) {
        s.start = i;
        s.zwnj = pendingZwnj;
      }
      pendingZwnj = false;
      s.letter(code, i);
      s.numeric &&= digit;
      s.end = i + 1;
      continue;
    }
    if (kind === CharKind.Ignorable) {
      if (code === 0x200c || code === 0x200d) {
        // A half-space ends this piece; the next piece is glued to it.
        if (s.start >= 0) {
          s.flush();
          pendingZwnj = true;
        }
        continue;
      }
      if (s.start < 0) continue;
      s.skip(code);
      if (COMBINING(code) && s.end === i) s.end = i + 1; // keep a word's last diacritic inside its highlight
      continue;
    }
    // «۳٫۵», «1,200»: a joiner between two digits stays inside the number.
    const joined = s.start >= 0 && s.numeric ? foldJoinerCode(code) : NOT_A_JOINER;
    if (joined !== NOT_A_JOINER && i + 1 < text.length && isDigitCode(text.charCodeAt(i + 1)) && s.end === i) {
      s.skip();
      if (joined >= 0) s.push(joined);
      continue;
    }
    s.flush();
    pendingZwnj = false;
  }
  s.flush();
  return s.pieces;
}

function onlyAffixGap(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (!isAffixGapCode(code) && !isIgnorable(code)) return false;
  }
  return true;
}

/** «خانه‌ی» and «خانه ی» are «خانۀ»: the ezafe yeh after heh is not part of the word. */
function isEzafe(prev: Piece, next: Piece): boolean {
  return next.term === 'ی' && prev.term.endsWith('ه');
}

function shouldJoin(text: string, prev: Piece, next: Piece): boolean {
  if (next.zwnj) return true;
  if (prev.numeric || next.numeric) return false;
  if (!onlyAffixGap(text, prev.end, next.start)) return false;
  // Affixes are short: a length test spares hashing every new word for the sets.
  return (next.term.length <= MAX_AFFIX && SUFFIXES.has(next.term)) || (prev.term.length <= MAX_AFFIX && PREFIXES.has(prev.term)) || isEzafe(prev, next);
}

/** Turns runs of joined pieces into tokens (a class, not closures: this runs for every word of an archive). */
class TokenWriter {
  readonly tokens: Token[] = [];
  private previous: Token | null = null; // the last whole word emitted
  private chain: Token[] = []; // words joined by single no-break spaces, up to `previous`

  constructor(
    private readonly text: string,
    private readonly pieces: boolean,
  ) {}

  /** One word from `group[from .. to)`, pieces joined. */
  emit(group: readonly Piece[], from: number, to: number): void {
    const first = group[from];
    const last = group[to - 1];
    let term = first.term;
    let seats = first.seats;
    let doubled = first.doubled;
    for (let i = from + 1; i < to; i++) {
      if (isEzafe(group[i - 1], group[i])) continue;
      const p = group[i];
      if (p.seats) seats = [...(seats ?? []), ...p.seats.map((at) => at + term.length)];
      if (p.doubled !== null || doubled !== null) doubled = (doubled ?? term) + (p.doubled ?? p.term);
      term += p.term;
    }
    // An elongated run moves the places of the seats after it.
    if (doubled !== null) seats = null;
    // Longer runs are base64, hashes or URLs glued together, not words.
    if (term && term.length <= MAX_TERM_LENGTH) {
      const token: Token = { term, start: first.start, end: last.end };
      // Older archives (Hamshahri) put a no-break space where others write a
      // half-space («بين\u00a0المللي»). For the index, two words joined by one
      // no-break space also stand as the compound they may be.
      // «گفت\u00a0و\u00a0گو» is «گفتوگو» too: a chain of up to three words.
      if (this.pieces && this.previous && isNbspCompound(this.text, this.previous, token)) {
        const chain = this.chain;
        chain.push(token);
        for (const from of chain.length >= 3 ? [chain.length - 2, chain.length - 3] : [chain.length - 2]) {
          const joined = chain.slice(from).map((t) => t.term).join('');
          if (joined.length <= MAX_TERM_LENGTH) this.tokens.push({ term: joined, start: chain[from].start, end: token.end, piece: true });
        }
      } else {
        this.chain = [token];
      }
      this.tokens.push(token);
      this.previous = token;
      if (this.pieces) this.spellings(term, seats, doubled, token.start, token.end);
    }
    if (this.pieces && to - from > 1) {
      for (let i = from; i < to; i++) {
        const p = group[i];
        if (p.term.length <= MAX_TERM_LENGTH) {
          this.tokens.push({ term: p.term, start: p.start, end: p.end, piece: true });
          this.spellings(p.term, p.seats, p.doubled, p.start, p.end);
        }
      }
    }
  }

  /** The other spellings a word stands for in the index (Token.spelling). */
  private spellings(term: string, seats: readonly number[] | null, doubled: string | null, start: number, end: number): void {
    if (seats) for (const at of seats) this.tokens.push({ term: hamzaKey(term, at), start, end, piece: true, spelling: true });
    if (doubled !== null && doubled !== term && doubled.length <= MAX_TERM_LENGTH) {
      this.tokens.push({ term: doubled, start, end, piece: true, spelling: true });
      this.tokens.push({ term: elongationKey(doubled), start, end, piece: true, spelling: true });
    }
  }
}

/**
 * Splits text into folded terms with their offsets in the original text.
 * Spelling variants (ي/ی, ك/ک, diacritics, tatweel, digit scripts) fold to one
 * term; a word and its affix written with ZWNJ, a space, a no-break space or
 * nothing between them become one term.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Token[] {
  const pieces = scanPieces(text);
  const out = new TokenWriter(text, options.pieces === true);
  let from = 0;
  for (let k = 1; k <= pieces.length; k++) {
    if (k < pieces.length && shouldJoin(text, pieces[k - 1], pieces[k])) continue;
    out.emit(pieces, from, k);
    from = k;
  }
  return out.tokens;
}

const LETTERS_ONLY = /^[^\d]+$/;

function isNbspCompound(text: string, prev: Token, next: Token): boolean {
  return next.start === prev.end + 1 && text.charCodeAt(prev.end) === 0xa0 && LETTERS_ONLY.test(prev.term) && LETTERS_ONLY.test(next.term);
}
