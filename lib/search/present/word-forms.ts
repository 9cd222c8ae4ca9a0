// How each query word was matched, for the line beside the total: every form
// the archive has that the word stood for, with its article count, so a
// researcher sees what a total is made of and can leave a form out.
import type { FormCount, WordForms } from '../../types';
import type { PhraseMatcher } from '../match/phrase';
import type { Alternative, TermExpander } from '../query/expand';
import type { IndexStore } from '../store/index-store';

/** Forms listed per query word in the answer; the rest are counted in `more`. */
export const FORMS_LISTED = 20;

export function wordForms(
  alternatives: readonly (readonly Alternative[])[],
  store: IndexStore,
  expander: TermExpander,
  phrases: PhraseMatcher,
): WordForms[] {
  const out: WordForms[] = [];
  const seen = new Set<string>();
  for (const group of alternatives) {
    for (const clause of group) {
      if (clause.kind !== 'word' || clause.apart) continue;
      const key = `${clause.prefix ? '*' : ''}${clause.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A prefix's list holds the whole word's forms first; what it adds are longer words.
      const whole = clause.prefix ? new Set(expander.variants({ ...clause, prefix: false }).map((v) => v.id)) : null;
      const forms: FormCount[] = expander.variants(clause).map(({ id }) => ({
        form: store.vocabulary[id],
        articles: store.documentFrequency(id),
        kind: store.vocabulary[id] === clause.terms[0] ? 'word' : whole && !whole.has(id) ? 'prefix' : 'variant',
      }));
      for (const apart of group) {
        if (!apart.apart || apart.text !== clause.text) continue;
        const articles = phrases.matches(apart.terms, apart.field === 'title', undefined, true).length;
        if (articles > 0) forms.push({ form: apart.terms.join(' '), articles, kind: 'apart' });
      }
      forms.sort((a, b) => b.articles - a.articles || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
      out.push({ text: clause.text, prefix: clause.prefix, forms: forms.slice(0, FORMS_LISTED), more: Math.max(0, forms.length - FORMS_LISTED) });
    }
  }
  return out;
}
