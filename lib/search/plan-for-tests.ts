// A highlight plan straight from a query's words, without an index (unit tests of
// highlighting and snippets; the engine adds each word's inflected forms).
import type { HighlightPlan } from './highlight';
import { parseQuery } from './query/parse';

export function planOf(q: string, prefixLast = false): HighlightPlan {
  const query = parseQuery(q, { prefixLast });
  const exact = new Map<string, number>();
  const prefixes: [string, number][] = [];
  const phrases: HighlightPlan['phrases'] = [];
  query.groups.forEach((group, g) => {
    for (const c of group) {
      if (c.kind === 'phrase') phrases.push({ terms: c.terms, group: g });
      else if (c.prefix) prefixes.push([c.terms[0], g]);
      else exact.set(c.terms[0], g);
    }
  });
  return {
    wordGroup: (term) => exact.get(term) ?? prefixes.find(([p]) => term.startsWith(p))?.[1] ?? -1,
    phrases,
    groups: query.groups.length,
  };
}
