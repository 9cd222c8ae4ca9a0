// The query language, parsed forgivingly: a researcher's query never fails.
//   words            all must match (the last also as a prefix while typing)
//   "…" or «…»       an exact phrase
//   -word -"…"       leave out articles with it
//   a OR b, a یا b   either
//   title:word, عنوان:word   in the title only
import type { MatchMode, QueryTerm, QueryView } from '../types';
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
}

const OR_WORDS = new Set(['OR', 'or', 'یا', '|']);
const FIELD = /^(title|عنوان):/i;
const OPEN_QUOTES = '"«“”„';
const CLOSE_FOR: Record<string, string> = { '"': '"', '«': '»', '“': '”', '”': '”', '„': '“' };

interface RawItem {
  text: string;
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
      items.push({ text: q.slice(i + 1, end), phrase: true, exclude, title, or: false });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < q.length && !/\s/u.test(q[end])) end++;
    const text = q.slice(i, end);
    items.push({ text, phrase: false, exclude, title, or: !exclude && !title && OR_WORDS.has(text) });
    i = end;
  }
  return items;
}

function term(kind: QueryTerm['kind'], text: string, terms: string[], title: boolean): QueryTerm {
  return { kind, text, terms, field: title ? 'title' : 'any', prefix: false };
}

/** Plain words are analyzed together, so «همکاری های» stays one word as in the index. */
function wordsOf(items: RawItem[]): QueryTerm[] {
  const text = items.map((it) => it.text).join(' ');
  return analyze(text).map((t) => term('word', text.slice(t.start, t.end), [t.term], items[0].title));
}

export function parseQuery(q: string): ParsedQuery {
  const items = scan(q);
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
    if (run.length) add(wordsOf(run));
    run = [];
  };

  items.forEach((item, index) => {
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
            return terms.length ? [term(terms.length > 1 ? 'phrase' : 'word', item.text, terms, item.title)] : [];
          })()
        : wordsOf([item]);
      if (item.exclude) excluded.push(...clauses);
      else add(clauses);
      return;
    }
    if (joinNext) {
      add(wordsOf([item]));
      return;
    }
    run.push(item);
  });
  flushRun();

  // The word being typed: the last plain word, when nothing follows it.
  const last = groups[groups.length - 1];
  const lastTerm = last?.[last.length - 1];
  const endsInWord = q.length > 0 && charKind(q[q.length - 1]) === CharKind.Word;
  if (lastTerm && lastTerm.kind === 'word' && endsInWord && lastTerm.terms[0].length >= 2) lastTerm.prefix = true;

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
  };
}

export function queryView(query: ParsedQuery, match: MatchMode): QueryView {
  return { groups: query.groups, excluded: query.excluded, ignored: query.ignored, match, hasOperators: query.hasOperators };
}
