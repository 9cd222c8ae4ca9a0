// The one Persian analyzer: indexing, querying and highlighting all call it, so
// a word is found exactly when it is highlighted.
import {
  CharKind,
  charKind,
  foldChar,
  foldNumberJoiner,
  isAffixGap,
  isDigitChar,
  isIgnorable,
  undoElongation,
} from './chars';

/** A word of the text: its folded form and where it stands in the original. */
export interface Token {
  term: string;
  /** UTF-16 offset of the first character in the original text. */
  start: number;
  /** UTF-16 offset just past the last character (combining marks included). */
  end: number;
  /** A piece of a joined word, emitted beside the whole word (AnalyzeOptions.pieces). */
  piece?: true;
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
const PREFIXES = new Set(['می', 'نمی']);
export const MAX_TERM_LENGTH = 64;

/** Whether a term is an affix the analyzer joins to its word («ها», «ترین», «می»). */
export function isAffix(term: string): boolean {
  return SUFFIXES.has(term) || PREFIXES.has(term);
}

interface Piece extends Token {
  numeric: boolean;
  /** Joined to the previous piece by ZWNJ/ZWJ, with nothing else between. */
  zwnj: boolean;
}

const COMBINING = (code: number) => (code >= 0x064b && code <= 0x065f) || code === 0x0670;

function scanPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let term = '';
  let start = -1;
  let end = -1;
  let numeric = true;
  let zwnj = false;
  let pendingZwnj = false;

  const flush = () => {
    if (term) pieces.push({ term: undoElongation(term), start, end, numeric, zwnj });
    term = '';
    start = -1;
    numeric = true;
    zwnj = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const kind = charKind(ch);
    if (kind === CharKind.Word) {
      // «مسافت۹» is two words: a number glued to a word is a typing slip.
      if (start >= 0 && numeric !== isDigitChar(ch) && end === i) flush();
      if (start < 0) {
        start = i;
        zwnj = pendingZwnj;
      }
      pendingZwnj = false;
      term += foldChar(ch);
      numeric &&= isDigitChar(ch);
      end = i + 1;
      continue;
    }
    if (kind === CharKind.Ignorable) {
      const code = ch.charCodeAt(0);
      if (code === 0x200c || code === 0x200d) {
        // A half-space ends this piece; the next piece is glued to it.
        if (start >= 0) {
          flush();
          pendingZwnj = true;
        }
      } else if (start >= 0 && COMBINING(code) && end === i) {
        end = i + 1; // keep a word's last diacritic inside its highlight
      }
      continue;
    }
    // «۳٫۵», «1,200»: a joiner between two digits stays inside the number.
    const joined = start >= 0 && numeric ? foldNumberJoiner(ch) : undefined;
    if (joined !== undefined && i + 1 < text.length && isDigitChar(text[i + 1]) && end === i) {
      term += joined;
      continue;
    }
    flush();
    pendingZwnj = false;
  }
  flush();
  return pieces;
}

function onlyAffixGap(text: string, from: number, to: number): boolean {
  if (from >= to) return true;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (!isAffixGap(ch) && !isIgnorable(ch.charCodeAt(0))) return false;
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
  return SUFFIXES.has(next.term) || PREFIXES.has(prev.term) || isEzafe(prev, next);
}

/**
 * Splits text into folded terms with their offsets in the original text.
 * Spelling variants (ي/ی, ك/ک, diacritics, tatweel, digit scripts) fold to one
 * term; a word and its affix written with ZWNJ, a space, a no-break space or
 * nothing between them become one term.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Token[] {
  const pieces = scanPieces(text);
  const tokens: Token[] = [];
  let group: Piece[] = [];
  let previous: Token | null = null; // the last whole word emitted
  let chain: Token[] = []; // words joined by single no-break spaces, up to `previous`

  const emit = () => {
    if (group.length === 0) return;
    const first = group[0];
    const last = group[group.length - 1];
    const term = group.map((p, i) => (i > 0 && isEzafe(group[i - 1], p) ? '' : p.term)).join('');
    // Longer runs are base64, hashes or URLs glued together, not words.
    if (term && term.length <= MAX_TERM_LENGTH) {
      const token: Token = { term, start: first.start, end: last.end };
      // Older archives (Hamshahri) put a no-break space where others write a
      // half-space («بين\u00a0المللي»). For the index, two words joined by one
      // no-break space also stand as the compound they may be.
      // «گفت\u00a0و\u00a0گو» is «گفتوگو» too: a chain of up to three words.
      if (options.pieces && previous && isNbspCompound(text, previous, token)) {
        chain.push(token);
        for (const from of chain.length >= 3 ? [chain.length - 2, chain.length - 3] : [chain.length - 2]) {
          const joined = chain.slice(from).map((t) => t.term).join('');
          if (joined.length <= MAX_TERM_LENGTH) tokens.push({ term: joined, start: chain[from].start, end: token.end, piece: true });
        }
      } else {
        chain = [token];
      }
      tokens.push(token);
      previous = token;
    }
    if (options.pieces && group.length > 1) {
      for (const p of group) if (p.term.length <= MAX_TERM_LENGTH) tokens.push({ term: p.term, start: p.start, end: p.end, piece: true });
    }
    group = [];
  };

  for (const piece of pieces) {
    const prev = group[group.length - 1];
    if (prev && shouldJoin(text, prev, piece)) {
      group.push(piece);
    } else {
      emit();
      group.push(piece);
    }
  }
  emit();
  return tokens;
}

const LETTERS_ONLY = /^[^\d]+$/;

function isNbspCompound(text: string, prev: Token, next: Token): boolean {
  return next.start === prev.end + 1 && text[prev.end] === '\u00a0' && LETTERS_ONLY.test(prev.term) && LETTERS_ONLY.test(next.term);
}
