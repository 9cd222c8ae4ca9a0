// «Did you mean»: for a query word the archive lacks or has rarely, the most
// common word one edit away (suggest.ts), and for a query typed with the Latin
// layout, the query the same keys give in Persian. Offered, never applied.
import type { QuerySuggestion } from '../../types';
import type { TermExpander } from '../query/expand';
import { NO_TERM, parseQuery, type ParsedQuery } from '../query/parse';
import type { IndexStore } from '../store/index-store';
import { fromLatinLayout, RARER_BY, suggestFor } from '../suggest';
import { fromTransliteration } from '../transliterations';

/** Query words in more articles than this are taken as meant: no «did you mean» is looked for. */
const SUGGEST_MAX_ARTICLES = 5;

export function suggestionsFor(
  query: ParsedQuery,
  q: string,
  total: number,
  store: IndexStore,
  expander: TermExpander,
  /** How many articles another query matches (with the search's match mode). */
  count: (other: ParsedQuery) => number,
): QuerySuggestion[] {
  const out: QuerySuggestion[] = [];
  const known = (other: ParsedQuery) =>
    other.groups.length > 0 && other.groups.every((g) => g.some((c) => c.kind === 'word' && store.termId(c.terms[0]) >= 0));
  // A name written in Latin letters («Ahmadinejad»), before the layout check reads it as keys.
  const named = fromTransliteration(q);
  if (named) {
    const other = parseQuery(named.q);
    if (known(other)) {
      const articles = count(other);
      if (articles >= Math.max(1, total * RARER_BY)) out.push({ kind: 'transliteration', text: named.text, suggestion: named.q.trim(), q: named.q, articles });
    }
    return out;
  }
  const mapped = fromLatinLayout(q);
  if (mapped) {
    const other = parseQuery(mapped);
    if (known(other)) {
      const articles = count(other);
      if (articles >= Math.max(1, total * RARER_BY)) out.push({ kind: 'layout', text: q.trim(), suggestion: mapped, q: mapped, articles });
    }
    return out;
  }
  const vocabulary = { articles: (term: string) => store.documentFrequency(store.termId(term)) };
  for (const group of query.groups) {
    const clause = group[0];
    if (group.length !== 1 || clause.kind !== 'word' || clause.prefix || clause.exact || clause.terms[0] === NO_TERM) continue;
    // Common words are not typos; asking only for the rare keeps this off the hot path.
    if (vocabulary.articles(clause.terms[0]) > SUGGEST_MAX_ARTICLES) continue;
    // The word's own forms («کتابی» for «کتاب») are not another spelling of it.
    const forms = new Set(expander.variants(clause).map(({ id }) => store.vocabulary[id]));
    const found = suggestFor(clause.terms[0], vocabulary, forms);
    if (!found) continue;
    const at = q.indexOf(clause.text);
    const replaced = at < 0 ? q : q.slice(0, at) + found.term + q.slice(at + clause.text.length);
    out.push({ kind: 'spelling', text: clause.text, suggestion: found.term, q: replaced, articles: found.articles });
  }
  return out;
}
