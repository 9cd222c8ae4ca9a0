// What to mark in titles, snippets and article pages: every term a query
// group stands for, its prefixes and its phrases. Excluded words are never marked.
import type { HighlightPlan } from '../highlight';
import { NOTHING } from '../highlight';
import type { TermExpander } from '../query/expand';
import type { ParsedQuery } from '../query/parse';

export function highlightPlan(query: ParsedQuery, expander: TermExpander, vocabulary: readonly string[]): HighlightPlan {
  if (query.groups.length === 0) return NOTHING;
  const groupOf = new Map<string, number>();
  const prefixes: { prefix: string; group: number }[] = [];
  const phrases: HighlightPlan['phrases'] = [];
  query.groups.forEach((group, g) => {
    for (const clause of group) {
      if (clause.kind === 'phrase') {
        phrases.push({ terms: clause.terms, group: g });
        continue;
      }
      // A prefix's own list holds the forms of its stem, which it need not begin.
      if (clause.prefix) prefixes.push({ prefix: clause.terms[0], group: g });
      groupOf.set(clause.terms[0], g);
      for (const { id } of expander.variants(clause)) groupOf.set(vocabulary[id], g);
    }
  });
  return {
    wordGroup: (term) => {
      const g = groupOf.get(term);
      if (g !== undefined) return g;
      for (const p of prefixes) if (term.startsWith(p.prefix)) return p.group;
      return -1;
    },
    phrases,
    groups: query.groups.length,
  };
}
