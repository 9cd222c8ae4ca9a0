// The query language, parsed forgivingly: a researcher's query never fails.
//   words            all must match, each as a whole word with its spellings and inflections
//   word*            also every longer word it begins (a prefix of two letters or more)
//   "…" or «…»       an exact phrase; one quoted word is that spelling only, no inflections
//   -word -"…"       leave out articles with it
//   a OR b, a یا b   either
//   title:word, عنوان:word   in the title only
import type { MatchMode, QueryNotice, QueryTerm, QueryView, WordForms } from '../types';
import { analyze } from '../persian/analyze';
import { CharKind, charKind } from '../persian/chars';
import { isStopword } from '../persian/stopwords';

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
  items.forEach((it, i) => {
    if (i > 0) text += ' ';
    text += it.text;
    if (it.star) starEnds.add(text.length);
  });
  return analyze(text).map((t) => {
    const clause = term('word', text.slice(t.start, t.end), [t.term], items[0].title);
    if (starEnds.has(t.end)) {
      if (t.term.length >= MIN_PREFIX) clause.prefix = true;
      else notices.push({ code: 'prefix_too_short', text: clause.text, message: `«${clause.text}*»: پیشوند باید دست‌کم دو حرف باشد؛ خودِ واژه جستجو شد.` });
    }
    return clause;
  });
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
            const terms = analyze(item.text).map((t) => t.term);
            if (terms.length === 0) return [];
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
    sequence: groups.filter((g) => g.length === 1 && g[0].kind === 'word').map((g) => g[0]),
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
