// The query language, parsed forgivingly: a researcher's query never fails.
//   words            all must match, each as a whole word with its spellings and inflections
//   word*            also every longer word it begins (a prefix of two letters or more)
//   "…" or «…»       an exact phrase; one quoted word is that spelling only, no inflections
//   -word -"…"       leave out articles with it
//   a OR b, a یا b   either
//   title:word, عنوان:word   in the title only
import type { MatchMode, QueryNotice, QueryTerm, QueryView, WordForms } from '../../types';
import { analyze, MAX_TERM_LENGTH } from '../../persian/analyze';
import { CharKind, charKind } from '../../persian/chars';
import { isStopword } from '../../persian/stopwords';

export interface ParsedQuery {
  /** Each group must match; a group matches when one of its terms does. */
  groups: QueryTerm[][];
  excluded: QueryTerm[];
  /** Stop words typed as plain words, not required (shown as typed). */
  ignored: string[];
  /** The ignored stop words as groups: they add to the score where present, never filter. */
  optional: QueryTerm[][];
  /** Every plain word, in the order typed (stop words included), for proximity. */
  sequence: QueryTerm[];
  hasOperators: boolean;
  /** Every analyzed term the query requires or offers, for highlighting and reports. */
  terms: string[];
  /** What the parser did not do as typed (a refused `*`), shown in the parsed-query line. */
  notices: QueryNotice[];
}

export interface ParseOptions {
  /**
   * The last plain word is still being typed: it matches every word it begins
   * as well (search-as-you-type). A submitted search, a link, the API without
   * `prefix=last` and every export match whole words only.
   */
  prefixLast?: boolean;
}

/** The shortest word `*` (or typing) may expand: one letter begins a tenth of the vocabulary. */
export const MIN_PREFIX = 2;

/**
 * The term of a word longer than any the index holds (the analyzer drops runs
 * over MAX_TERM_LENGTH as hashes and glued URLs): no vocabulary term equals
 * it, so the word matches nothing instead of vanishing from the query, which
 * left an empty query that listed every article.
 */
export const NO_TERM = '\u0000';

/** Words of the query whose neighbours are checked for proximity: a long paste is not 500 pairs of checks. */
const MAX_SEQUENCE = 32;

/** A word of the query over MAX_TERM_LENGTH letters, if any (as typed, shortened for the message). */
function overlong(text: string): string | null {
  for (const word of text.split(/[\s\u00a0]+/u)) {
    if ([...word.matchAll(/[\p{L}\p{N}]/gu)].length > MAX_TERM_LENGTH) return word;
  }
  return null;
}

function overlongNotice(word: string): QueryNotice {
  const shown = word.length > 24 ? `${word.slice(0, 24)}…` : word;
  return {
    code: 'word_too_long',
    text: word,
    message: `«${shown}» بیش از ${MAX_TERM_LENGTH.toLocaleString('fa-IR')} حرف دارد؛ چنین واژه‌ای در نمایه نیست و هیچ خبری با آن پیدا نمی‌شود.`,
  };
}

const OR_WORDS = new Set(['OR', 'or', 'یا', '|']);
const FIELD = /^(title|عنوان):/i;
const OPEN_QUOTES = '"«“”„';
const CLOSE_FOR: Record<string, string> = { '"': '"', '«': '»', '“': '”', '”': '”', '„': '“' };

interface RawItem {
  text: string;
  /** Written with a trailing `*`: the word is a prefix. */
  star: boolean;
  phrase: boolean;
  exclude: boolean;
  title: boolean;
  or: boolean;
}

/** Splits the query into words and quoted phrases with their operators. */
function scan(q: string): RawItem[] {
  const items: RawItem[] = [];
  let i = 0;
  while (i < q.length) {
    while (i < q.length && /\s/u.test(q[i])) i++;
    if (i >= q.length) break;
    let exclude = false;
    let title = false;
    if ((q[i] === '-' || q[i] === '−') && i + 1 < q.length && !/\s/u.test(q[i + 1])) {
      exclude = true;
      i++;
    }
    const field = FIELD.exec(q.slice(i));
    if (field && i + field[0].length < q.length && !/\s/u.test(q[i + field[0].length])) {
      title = true;
      i += field[0].length;
    }
    if (OPEN_QUOTES.includes(q[i])) {
      const close = q.indexOf(CLOSE_FOR[q[i]] ?? '"', i + 1);
      // An unbalanced quote runs to the end of the query.
      const end = close < 0 ? q.length : close;
      items.push({ text: q.slice(i + 1, end), star: false, phrase: true, exclude, title, or: false });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < q.length && !/\s/u.test(q[end])) end++;
    const raw = q.slice(i, end);
    // «جنگ*»: the star asks for a prefix; a lone «*» is nothing.
    const star = raw.length > 1 && raw.endsWith('*');
    const text = star ? raw.replace(/\*+$/, '') : raw;
    items.push({ text, star, phrase: false, exclude, title, or: !exclude && !title && OR_WORDS.has(text) });
    i = end;
  }
  return items;
}

function term(kind: QueryTerm['kind'], text: string, terms: string[], title: boolean): QueryTerm {
  return { kind, text, terms, field: title ? 'title' : 'any', prefix: false };
}

/**
 * Plain words are analyzed together, so «همکاری های» stays one word as in the
 * index; a word is a prefix when its text ends where a starred item does.
 */
function wordsOf(items: RawItem[], notices: QueryNotice[]): QueryTerm[] {
  let text = '';
  const starEnds = new Set<number>();
  const longRanges: [number, number][] = [];
  items.forEach((it, i) => {
    if (i > 0) text += ' ';
    const start = text.length;
    text += it.text;
    if (it.star) starEnds.add(text.length);
    const word = overlong(it.text);
    if (word) {
      longRanges.push([start, text.length]);
      notices.push(overlongNotice(word));
    }
  });
  const inLong = (t: { start: number; end: number }) => longRanges.some(([s, e]) => t.start < e && t.end > s);
  const clauses = analyze(text).filter((t) => !inLong(t)).map((t) => {
    const clause = term('word', text.slice(t.start, t.end), [t.term], items[0].title);
    if (starEnds.has(t.end)) {
      if (t.term.length >= MIN_PREFIX) clause.prefix = true;
      else notices.push({ code: 'prefix_too_short', text: clause.text, message: `«${clause.text}*»: پیشوند باید دست‌کم دو حرف باشد؛ خودِ واژه جستجو شد.` });
    }
    return clause;
  });
  // Each overlong word stays in the query as a word that matches nothing.
  for (const [s, e] of longRanges) clauses.push({ ...term('word', text.slice(s, e), [NO_TERM], items[0].title), exact: true });
  return clauses;
}

export function parseQuery(q: string, options: ParseOptions = {}): ParsedQuery {
  const items = scan(q);
  const notices: QueryNotice[] = [];
  const groups: QueryTerm[][] = [];
  const excluded: QueryTerm[] = [];
  let hasOperators = false;
  let joinNext = false;
  let run: RawItem[] = [];

  const add = (clauses: QueryTerm[]) => {
    for (const clause of clauses) {
      if (joinNext && groups.length > 0) groups[groups.length - 1].push(clause);
      else groups.push([clause]);
      joinNext = false;
    }
  };
  const flushRun = () => {
    if (run.length) add(wordsOf(run, notices));
    run = [];
  };

  items.forEach((item, index) => {
    if (item.star) hasOperators = true;
    if (item.or) {
      // «a یا b»: only between two things; a stray OR is an ordinary word.
      if (groups.length + run.length > 0 && index < items.length - 1) {
        flushRun();
        joinNext = true;
        hasOperators = true;
        return;
      }
    }
    if (item.phrase || item.exclude || item.title) {
      hasOperators = true;
      flushRun();
      const clauses = item.phrase
        ? (() => {
            const long = overlong(item.text);
            const terms = long ? [NO_TERM] : analyze(item.text).map((t) => t.term);
            if (long) notices.push(overlongNotice(long));
            if (terms.length === 0) {
              // «""» (or quotes round punctuation only) asks nothing: say so instead of searching for nothing.
              if (!long) notices.push({ code: 'empty_phrase', text: `"${item.text}"`, message: 'گیومهٔ خالی («""») نادیده گرفته شد: در آن واژه‌ای برای جستجو نیست.' });
              return [];
            }
            const clause = term(terms.length > 1 ? 'phrase' : 'word', item.text, terms, item.title);
            // One quoted word is that spelling only: «-"کتاب‌ها"» leaves out one form, not every inflection.
            if (terms.length === 1) clause.exact = true;
            return [clause];
          })()
        : wordsOf([item], notices);
      if (item.exclude) excluded.push(...clauses);
      else add(clauses);
      return;
    }
    if (joinNext) {
      add(wordsOf([item], notices));
      return;
    }
    run.push(item);
  });
  flushRun();

  // The word being typed: the last plain word, while the box is being typed in
  // and nothing follows the word yet (after a space the word is complete).
  if (options.prefixLast) {
    const last = groups[groups.length - 1];
    const lastTerm = last?.[last.length - 1];
    const endsInWord = q.length > 0 && charKind(q[q.length - 1]) === CharKind.Word;
    if (lastTerm && lastTerm.kind === 'word' && !lastTerm.exact && endsInWord && lastTerm.terms[0].length >= MIN_PREFIX) {
      lastTerm.prefix = true;
    }
  }

  // Plain words in the order typed, repeats kept («در … در …» stand beside other words twice).
  const sequence = groups.filter((g) => g.length === 1 && g[0].kind === 'word').map((g) => g[0]);
  // A word or phrase typed twice asks nothing more: «"در این"» × 110 would be checked 110 times.
  const distinct = new Set<string>();
  const unique = groups.filter((g) => {
    const key = JSON.stringify(g.map((c) => [c.kind, c.terms, c.field, c.prefix, c.exact ?? false]));
    if (distinct.has(key)) return false;
    distinct.add(key);
    return true;
  });
  groups.splice(0, groups.length, ...unique);

  // Stop words are not required, unless the query is nothing but stop words.
  const ignored: string[] = [];
  const optional: QueryTerm[][] = [];
  const isIgnorable = (g: QueryTerm[]) =>
    g.length === 1 && g[0].kind === 'word' && g[0].field === 'any' && !g[0].prefix && isStopword(g[0].terms[0]);
  const required = groups.filter((g) => !isIgnorable(g));
  if (required.length > 0 && required.length < groups.length) {
    for (const g of groups) {
      if (!isIgnorable(g)) continue;
      ignored.push(g[0].text);
      optional.push(g);
    }
  }
  const kept = required.length > 0 ? required : groups;

  return {
    groups: kept,
    excluded,
    ignored,
    optional,
    sequence: sequence.slice(0, MAX_SEQUENCE),
    hasOperators,
    terms: [...new Set(kept.flatMap((g) => g.flatMap((c) => c.terms)))],
    notices,
  };
}

export function queryView(query: ParsedQuery, match: MatchMode, words: WordForms[] = []): QueryView {
  return {
    groups: query.groups,
    excluded: query.excluded,
    ignored: query.ignored,
    match,
    hasOperators: query.hasOperators,
    notices: query.notices,
    words,
  };
}
