// Character classes and folding for Persian text as real archives spell it.
// Folding is per character so that every token keeps exact offsets into the
// original text: the index and the highlighter see the same words.

/** What a character does to a word. */
export const enum CharKind {
  /** Part of a word (letters, digits, after folding). */
  Word,
  /** Invisible inside a word: diacritics, tatweel, ZWNJ/ZWJ, direction marks. */
  Ignorable,
  /** Ends a word: spaces (including NBSP and zero-width space), punctuation. */
  Separator,
}

const YEH = 'ی';
const KAF = 'ک';
const HEH = 'ه';

// One-to-one (or to nothing) mappings. Anything not listed keeps its letter.
const FOLD: Record<string, string> = {
  'ي': YEH, // Arabic yeh
  'ى': YEH, // alef maksura
  'ې': YEH,
  'ۍ': YEH,
  'ئ': YEH, // «رئیس» and «رییس», «مسائل» and «مسایل» are both common spellings
  'ك': KAF, // Arabic kaf
  'ڪ': KAF,
  'أ': 'ا',
  'إ': 'ا',
  'ٱ': 'ا',
  'آ': 'ا', // «آمریکا» / «امریکا»
  'ؤ': 'و',
  'ة': HEH, // teh marbuta
  'ۀ': HEH, // heh with yeh above, as in «خانۀ»
  'ہ': HEH, // heh goal
  'ە': HEH,
  'ء': '', // a lone hamza («اجزاء» / «اجزا») carries no meaning for matching
};

export function isIgnorable(code: number): boolean {
  return (
    (code >= 0x064b && code <= 0x065f) || // harakat, tanvin, shadda, sukun, hamza above/below
    code === 0x0670 || // superscript alef
    code === 0x0640 || // tatweel
    code === 0x200c || // ZWNJ: the half-space joins a word and its affix
    code === 0x200d || // ZWJ
    code === 0x200e || // LRM
    code === 0x200f || // RLM
    (code >= 0x202a && code <= 0x202e) || // bidi embeddings
    (code >= 0x2066 && code <= 0x2069) || // bidi isolates
    code === 0xfeff || // BOM / zero-width no-break space
    code === 0x00ad // soft hyphen
  );
}

function isDigit(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x06f0 && code <= 0x06f9) ||
    (code >= 0x0660 && code <= 0x0669)
  );
}

const LETTER = /\p{L}|\p{M}/u;

// Honorific and bismillah ligatures (ﷺ ﷻ ﷽) are decorations, not words.
const isHonorific = (code: number) => code >= 0xfdfa && code <= 0xfdfd;
// Arabic presentation forms (ﻻ, ﺍ, ﻙ …) from old PDFs and fonts fold to their letters.
const isPresentationForm = (code: number) => (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfefc);

// Both functions below run for every character of an archive: their answers
// are cached per UTF-16 code unit (computed on first sight, never different).
const kindCache = new Uint8Array(0x10000); // CharKind + 1; 0 = not computed yet
const foldCache: (string | undefined)[] = new Array(0x10000);

export function charKind(ch: string): CharKind {
  return kindOf(ch.charCodeAt(0));
}

/** `charKind` of a UTF-16 code unit: the analyzer's loop reads codes, not one-character strings. */
export function kindOf(code: number): CharKind {
  const cached = kindCache[code];
  if (cached !== 0) return cached - 1;
  const kind = computeKind(String.fromCharCode(code), code);
  kindCache[code] = kind + 1;
  return kind;
}

function computeKind(ch: string, code: number): CharKind {
  if (isIgnorable(code)) return CharKind.Ignorable;
  if (isHonorific(code)) return CharKind.Separator;
  if (isDigit(code)) return CharKind.Word;
  if (ch === 'ء') return CharKind.Word;
  return LETTER.test(ch) ? CharKind.Word : CharKind.Separator;
}

/** The folded form of one word character: unified letters, ASCII digits, lower case. */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  let folded = foldCache[code];
  if (folded === undefined) folded = foldCache[code] = computeFold(ch, code);
  return folded;
}

/** `foldCode` of a character that folds to nothing («ء»). */
export const FOLDS_AWAY = -1;
/** `foldCode` of a character that folds to several (a presentation-form ligature, «ﻻ»): ask `foldChar`. */
export const FOLDS_TO_MANY = -2;
const UNKNOWN = -3;
const foldCodeCache = new Int32Array(0x10000).fill(UNKNOWN);

/** `foldChar` of a code unit as one code unit, without making one-character strings. */
export function foldCode(code: number): number {
  const cached = foldCodeCache[code];
  if (cached !== UNKNOWN) return cached;
  const folded = foldChar(String.fromCharCode(code));
  return (foldCodeCache[code] = folded.length === 1 ? folded.charCodeAt(0) : folded.length === 0 ? FOLDS_AWAY : FOLDS_TO_MANY);
}

function computeFold(ch: string, code: number): string {
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  const folded = FOLD[ch];
  if (folded !== undefined) return folded;
  if (code < 0x0600) return ch.toLowerCase();
  if (isPresentationForm(code)) {
    return [...ch.normalize('NFKC')].map((c) => (isIgnorable(c.charCodeAt(0)) ? '' : FOLD[c] ?? c)).join('');
  }
  return ch;
}

const ARABIC_LETTER = /[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]/;

/**
 * Undoes elongation by repeated letters («سلاممم», «خیلیییی»): a run of three
 * or more of one letter is one letter, since no Persian word repeats a letter
 * three times. A doubled letter stays: Arabic-origin words end in one
 * («متخصص», «مجدد», «محقق»). Digits and Latin words are left alone.
 */
export function undoElongation(term: string): string {
  if (term.length < 3) return term;
  let runs = false;
  for (let i = 2; i < term.length && !runs; i++) {
    runs = term.charCodeAt(i) === term.charCodeAt(i - 1) && term.charCodeAt(i) === term.charCodeAt(i - 2);
  }
  if (!runs || !ARABIC_LETTER.test(term)) return term;
  return term.replace(/([\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff])\1{2,}/g, '$1');
}

/**
 * The other reading of an elongated word: each run of three or more keeps
 * two letters («ممممکن» → «ممکن», where `undoElongation` gives «مکن»). The
 * index holds both; a query chooses by the archive's vocabulary.
 */
export function keepDoubled(term: string): string {
  return term.replace(/([\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff])\1{2,}/g, '$1$1');
}

export const isDigitCode = isDigit;

/** What `foldJoinerCode` says of a character that ends a number. */
export const NOT_A_JOINER = -4;

/**
 * Separators inside a number, between two digits: the decimal point of «۳٫۵» and «3.5»
 * folds to '.', the thousands separator of «۱٬۲۰۰» and «1,200» folds away (FOLDS_AWAY).
 */
export function foldJoinerCode(code: number): number {
  if (code === 0x066b || code === 0x2e) return 0x2e; // ٫ .
  if (code === 0x066c || code === 0x2c) return FOLDS_AWAY; // ٬ ,
  return NOT_A_JOINER;
}

/** Spaces that may stand between a word and its affix: space, NBSP, zero-width space, narrow NBSP. */
export function isAffixGapCode(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x200b || code === 0x202f || code === 0x200c;
}
