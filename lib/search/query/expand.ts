// Query words into term groups against the vocabulary: each word's spellings
// and inflections (its variants), a prefix's longer words, and the ways a
// compound is written (solid, or as its halves apart).
import type { QueryTerm } from '../../types';
import { isAffix, VERB_PREFIXES } from '../../persian/analyze';
import { mayStemTo, stem, type StemOptions } from '../../persian/stem';
import { spellingStems, spellingsOf, type Vocabulary } from '../spellings';
import type { IndexStore } from '../store/index-store';
import type { ParsedQuery } from './parse';

/** A way a query group may match: a clause as typed, or one the expansion adds for compounds. */
export type Alternative = QueryTerm & {
  /**
   * A solid query word found as its two halves side by side («بینالمللی» as
   * «بین المللی»): it is still one word, so it scores as one, not as a phrase.
   */
  apart?: true;
};

/** A vocabulary term a query word stands for, and how much it weighs against the word itself. */
export interface Variant {
  id: number;
  weight: number;
}

/** What the expansion reads of an index: its sorted terms and their article counts (IndexStore, or Postgres's lexemes: lib/pg/vocabulary.ts). */
export type VocabularyStore = Pick<IndexStore, 'vocabulary' | 'size' | 'termId' | 'termsBeginning' | 'documentFrequency'>;

/** The shortest half a compound split may leave («کتاب|خانه»; not «در|باره»). */
const MIN_SPLIT = 3;
/** A split whose rarer half is in more than this share of articles is not tried. */
const MAX_SPLIT_SHARE = 0.05;
/** Expansions kept between queries: matching, proximity and highlighting each ask, and typing repeats queries. */
const CACHE_SIZE = 5000;

export class TermExpander {
  private readonly cache = new Map<string, Variant[]>();
  private readonly known = (term: string) => this.store.termId(term) >= 0;
  private readonly vocabulary: Vocabulary = {
    known: this.known,
    frequency: (term) => this.store.documentFrequency(this.store.termId(term)),
  };
  private readonly stemOptions: StemOptions = { frequency: this.vocabulary.frequency };

  constructor(
    private readonly store: VocabularyStore,
    /** The weight of an inflected form or a prefix's longer word (RankingWeights.variant). */
    private readonly variantWeight: number,
  ) {}

  /**
   * The vocabulary terms a query word stands for: the word and the inflected
   * forms the archive has of the same stem («دوست» → «دوستان», «دوست‌ها»);
   * a quoted word only itself; a prefix all of those and every word it begins.
   */
  variants(clause: QueryTerm): Variant[] {
    // A word's spellings depend on how it was typed («ممممکن» is the term «مکن»); a quoted word is its term alone.
    const key = clause.exact ? '"' + clause.terms[0] : (clause.prefix ? '*' : '=') + clause.terms[0] + '\u0000' + clause.text;
    let found = this.cache.get(key);
    if (!found) {
      if (this.cache.size > CACHE_SIZE) this.cache.clear();
      found = this.expand(clause);
      this.cache.set(key, found);
    }
    return found;
  }

  private expand(clause: QueryTerm): Variant[] {
    const { store } = this;
    const term = clause.terms[0];
    if (clause.exact) {
      const id = store.termId(term);
      return id >= 0 ? [{ id, weight: 1 }] : [];
    }
    if (clause.prefix) {
      // A prefix finds at least what the whole word finds: «رئیس‌جمهور» while
      // typed keeps «رئیس‌جمهوری» and the forms of its stem.
      const out = this.variants({ ...clause, prefix: false });
      const seen = new Set(out.map((v) => v.id));
      const [from, to] = store.termsBeginning(term);
      const all = [...out];
      for (let id = from; id < to; id++) if (!seen.has(id)) all.push({ id, weight: this.variantWeight });
      return all;
    }
    const out = new Map<number, number>();
    // Spellings of the word («مسئول», «مسؤول») weigh as the word; then each one's inflections.
    const spellings = spellingsOf(term, clause.text, this.vocabulary);
    for (const spelling of spellings) {
      const id = store.termId(spelling);
      if (id >= 0) out.set(id, 1);
    }
    for (const base of spellingStems(spellings, (t) => stem(t, this.known, this.stemOptions), this.vocabulary)) {
      // Inflected forms start with the stem, or with «می»/«نمی» and the stem.
      for (const head of [base, ...VERB_PREFIXES.map((prefix) => prefix + base)]) {
        const [from, to] = store.termsBeginning(head);
        for (let id = from; id < to; id++) {
          const word = store.vocabulary[id];
          // Without frequencies: the rules that need a common stem (StemOptions) lead a query
          // word to its base («کتابی» → «کتاب»), but do not bring every «کتابی» to «کتاب».
          if (!out.has(id) && mayStemTo(word, head) && stem(word, this.known) === base) out.set(id, this.variantWeight);
        }
      }
    }
    return [...out].map(([id, weight]) => ({ id, weight }));
  }

  /**
   * How many articles a group can match at most (the sum over its words'
   * variants; a phrase's rarest word): orders the groups and weighs them (idf)
   * the same whichever order they are scored in.
   */
  estimate(group: readonly QueryTerm[]): number {
    const { store } = this;
    let df = 0;
    for (const clause of group) {
      if (clause.kind === 'word') {
        for (const { id } of this.variants(clause)) df += store.documentFrequency(id);
      } else {
        const ids = clause.terms.map((t) => store.termId(t));
        df += ids.some((id) => id < 0) ? 0 : Math.min(...ids.map((id) => store.documentFrequency(id)));
      }
    }
    return Math.min(df, store.size);
  }

  /**
   * Compounds are written solid, half-spaced or apart («بین‌المللی», «بینالمللی»,
   * «بین المللی»; Hamshahri puts a no-break space in them). A solid query word
   * also matches its two halves side by side; two query words also match the
   * solid compound, when the archive has it.
   */
  withCompounds(query: ParsedQuery): Alternative[][] {
    const { store } = this;
    const out: Alternative[][] = query.groups.map((g) => [...g]);
    const groupOf = new Map<QueryTerm, number>();
    query.groups.forEach((g, i) => g.forEach((c) => groupOf.set(c, i)));
    query.groups.forEach((group, g) => {
      // A prefix keeps the word's own compounds: typing must not lose what the whole word finds.
      if (group.length !== 1 || group[0].kind !== 'word' || group[0].exact) return;
      const clause = group[0];
      const term = clause.terms[0];
      for (let cut = MIN_SPLIT; cut <= term.length - MIN_SPLIT && term.length >= 5; cut++) {
        const head = term.slice(0, cut);
        const tail = term.slice(cut);
        // «همکاری|های» needs no split: the analyzer already joins affixes written apart.
        if (isAffix(head) || isAffix(tail)) continue;
        const rarest = Math.min(store.documentFrequency(store.termId(head)), store.documentFrequency(store.termId(tail)));
        // Two very common halves would cost a position check in most of the archive.
        if (rarest > Math.max(2000, store.size * MAX_SPLIT_SHARE)) continue;
        if (store.termId(head) >= 0 && store.termId(tail) >= 0) {
          out[g].push({ ...clause, kind: 'phrase', terms: [head, tail], apart: true });
        }
      }
    });
    // Words typed apart, stop words included («بین المللی»), may be one solid
    // word; while the second is typed («رئیس جمهو»), a solid word it begins.
    query.sequence.forEach((clause, j) => {
      const next = query.sequence[j + 1];
      if (!next || clause.prefix || clause.exact || next.exact || clause.field !== next.field) return;
      const joined = clause.terms[0] + next.terms[0];
      const found = next.prefix ? store.vocabulary[store.termsBeginning(joined)[0]]?.startsWith(joined) : store.termId(joined) >= 0;
      if (!found) return;
      const solid: QueryTerm = { ...clause, text: `${clause.text} ${next.text}`, terms: [joined], prefix: next.prefix };
      for (const c of [clause, next]) {
        const g = groupOf.get(c);
        if (g !== undefined) out[g].push(solid);
      }
    });
    return out;
  }

  /**
   * The runs of two or three archive words a solid query word may be written
   * as: «گفتوگو» as «گفت و گو» (Hamshahri joins such runs with no-break spaces,
   * and the index has the compound as well), «راهاندازی» as «راه اندازی».
   */
  apartRuns(term: string): number[][] {
    const runs: number[][] = [];
    if (/\d/.test(term)) return runs;
    // A piece is a word: «و» is the one word of one letter (other single letters
    // are initials), and the analyzer joins an affix to its word.
    const word = (text: string) => ((text.length < 2 && text !== 'و') || isAffix(text) ? -1 : this.store.termId(text));
    for (let cut = 1; cut < term.length; cut++) {
      const head = word(term.slice(0, cut));
      if (head < 0) continue;
      const rest = term.slice(cut);
      const tail = word(rest);
      if (tail >= 0) runs.push([head, tail]);
      for (let cut2 = 1; cut2 < rest.length; cut2++) {
        const middle = word(rest.slice(0, cut2));
        const last = middle >= 0 ? word(rest.slice(cut2)) : -1;
        if (last >= 0) runs.push([head, middle, last]);
      }
    }
    return runs;
  }
}
