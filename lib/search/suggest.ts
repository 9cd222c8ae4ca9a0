// «Did you mean»: a close spelling the archive has far more often than the
// word typed. The archive's own vocabulary is the dictionary, so a suggestion
// is always a word that is there, with its article count. A suggestion is
// only offered, never applied: the user's query is theirs.

/** What the suggester may ask of the vocabulary. */
export interface SuggestVocabulary {
  /** Articles with the term (0 when the archive does not have it). */
  articles(term: string): number;
}

export interface Suggestion {
  term: string;
  articles: number;
}

/** A suggestion needs the typed word absent, or this many times rarer than it. */
export const RARER_BY = 20;
/** Words this short have too many neighbours for one to be meant. */
const MIN_LENGTH = 3;

// The letters of folded Persian terms (ي/ك/ة/أ … are folded away before this).
const LETTERS = [...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی'];

/**
 * Letters Persian writers confuse because they sound alike (ز/ذ/ض/ظ, س/ث/ص,
 * ت/ط, ه/ح, ق/غ, ا/ع): one such swap costs less than another edit, so a
 * second edit is allowed after it.
 */
const HOMOPHONES: string[][] = [[...'زذضظ'], [...'سثص'], [...'تط'], [...'هح'], [...'قغ'], [...'اع']];
const HOMOPHONE_OF = new Map<string, string[]>();
for (const set of HOMOPHONES) for (const letter of set) HOMOPHONE_OF.set(letter, set.filter((l) => l !== letter));

/** Every string one edit away (delete, transpose, substitute, insert). */
function edits1(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail) out.add(head + letter + tail.slice(1));
      out.add(head + letter + tail);
    }
  }
  out.delete(word);
  return out;
}

/** Strings one homophone swap, or one dropped repeated letter, away: the cheap second edit. */
function cheapEdits(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) {
    for (const other of HOMOPHONE_OF.get(word[i]) ?? []) out.push(word.slice(0, i) + other + word.slice(i + 1));
    if (i > 0 && word[i] === word[i - 1]) out.push(word.slice(0, i) + word.slice(i + 1));
  }
  return out;
}

/**
 * The most common archive word within one edit of `term` (or one edit and a
 * homophone swap or dropped repeated letter), when `term` is absent or at
 * least RARER_BY times rarer; null otherwise. `exclude` names words that are
 * not another spelling but forms of the same word (its inflections).
 */
export function suggestFor(term: string, vocabulary: SuggestVocabulary, exclude: ReadonlySet<string> = new Set()): Suggestion | null {
  if (term.length < MIN_LENGTH || /[^\u0600-\u06ff]/.test(term)) return null;
  const typed = vocabulary.articles(term);
  const needed = Math.max(1, typed * RARER_BY);
  let best: Suggestion | null = null;
  const consider = (candidate: string) => {
    if (exclude.has(candidate) || candidate.length < MIN_LENGTH - 1) return;
    const articles = vocabulary.articles(candidate);
    if (articles < needed) return;
    if (!best || articles > best.articles || (articles === best.articles && candidate < best.term)) best = { term: candidate, articles };
  };
  const near = edits1(term);
  near.forEach(consider);
  if (best) return best;
  for (const once of near) for (const twice of cheapEdits(once)) if (twice !== term) consider(twice);
  for (const once of cheapEdits(term)) for (const twice of cheapEdits(once)) if (twice !== term) consider(twice);
  return best;
}

/**
 * Latin keys to the Persian letters on the same keys (the standard Persian
 * layout, ISIRI 9147): «ceg,g]» typed with the wrong layout is «زلزله».
 */
const LAYOUT: Record<string, string> = {
  q: 'ض', w: 'ص', e: 'ث', r: 'ق', t: 'ف', y: 'غ', u: 'ع', i: 'ه', o: 'خ', p: 'ح', '[': 'ج', ']': 'چ',
  a: 'ش', s: 'س', d: 'ی', f: 'ب', g: 'ل', h: 'ا', j: 'ت', k: 'ن', l: 'م', ';': 'ک', "'": 'گ',
  z: 'ظ', x: 'ط', c: 'ز', v: 'ر', b: 'ذ', n: 'د', m: 'پ', ',': 'و', '\\': 'پ', '`': 'پ',
};

/**
 * The text as the same keys give it on the Persian layout, when it is made
 * only of Latin letters and the keys of the Persian letters (and spaces);
 * null otherwise (a Latin word, a URL, digits).
 */
export function fromLatinLayout(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (!/[a-z]/.test(t) || /[^a-z[\];',\\`\s]/.test(t)) return null;
  return [...t].map((ch) => LAYOUT[ch] ?? ch).join('');
}
