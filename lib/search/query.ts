// What a query asks for, after analysis. The full query language (phrases,
// exclusion, OR, title:) extends this shape; the page and API only see it
// through the engine.
import type { MatchMode, QueryView } from '../types';
import { analyze } from '../persian/analyze';
import { CharKind, charKind } from '../persian/chars';

export interface ParsedQuery {
  /** Distinct analyzed terms, in the order typed; every one must match. */
  terms: string[];
  /**
   * The last term also matches longer words («کتاب» finds «کتابخانه»): the
   * user is still typing it. False once the query ends in a space or mark.
   */
  lastIsPrefix: boolean;
}

export function parseQuery(q: string): ParsedQuery {
  const terms = [...new Set(analyze(q).map((t) => t.term))];
  const trimmed = q.replace(/[\s\u200c\u200f\u200e]+$/u, '');
  const endsInWord = trimmed.length === q.length && q.length > 0 && charKind(q[q.length - 1]) === CharKind.Word;
  // A one-letter prefix would match most of the archive and tell the user nothing.
  const last = terms[terms.length - 1];
  return { terms, lastIsPrefix: endsInWord && last !== undefined && last.length >= 2 };
}

/**
 * Which query term an analyzed word satisfies: its index in `terms`, or -1.
 * The same test decides matching and highlighting.
 */
export type TermMatcher = (term: string) => number;

export function matcherFor(query: ParsedQuery): TermMatcher {
  const exact = new Map(query.terms.map((t, i) => [t, i]));
  const lastIndex = query.terms.length - 1;
  const prefix = query.lastIsPrefix ? query.terms[lastIndex] : null;
  return (term) => {
    const i = exact.get(term);
    if (i !== undefined) return i;
    return prefix !== null && term.startsWith(prefix) ? lastIndex : -1;
  };
}

/** The query as the response reports it. */
export function queryView(query: ParsedQuery, match: MatchMode): QueryView {
  const last = query.terms.length - 1;
  return {
    groups: query.terms.map((term, i) => [
      { kind: 'word', text: term, terms: [term], field: 'any', prefix: i === last && query.lastIsPrefix },
    ]),
    excluded: [],
    ignored: [],
    match,
    hasOperators: false,
  };
}
