// The archive's vocabulary as Postgres holds it (every lexeme of the stored
// tsvectors, with the number of articles having it), in the shape the core's
// TermExpander reads: an unquoted word then stands for the same spellings and
// inflections over Postgres as over the file index, so the totals agree.
import type { VocabularyStore } from '../search/query/expand';
import { prefixRange } from '../search/sorted';
import type { Sql } from './schema';

export class PgVocabulary implements VocabularyStore {
  private readonly ids = new Map<string, number>();

  private constructor(
    /** Sorted as the file index sorts its terms (UTF-16 code units). */
    readonly vocabulary: readonly string[],
    private readonly frequencies: Int32Array,
    readonly size: number,
  ) {
    vocabulary.forEach((term, id) => this.ids.set(term, id));
  }

  /** Reads every lexeme with ts_stat (one pass over the tsvectors): made once per server, again after additions. */
  static async load(db: Sql): Promise<PgVocabulary> {
    const { rows } = await db.query<{ word: string; ndoc: number }>(`SELECT word, ndoc FROM ts_stat('SELECT terms FROM articles')`);
    const { rows: count } = await db.query<{ n: number }>('SELECT count(*)::int n FROM articles');
    return PgVocabulary.of(rows.map((r) => [r.word, Number(r.ndoc)]), count[0].n);
  }

  /** From (term, article count) pairs, in any order. */
  static of(entries: readonly (readonly [string, number])[], size: number): PgVocabulary {
    const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return new PgVocabulary(sorted.map(([t]) => t), Int32Array.from(sorted, ([, n]) => n), size);
  }

  termId(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  termsBeginning(head: string): [from: number, to: number] {
    return prefixRange(this.vocabulary, head);
  }

  documentFrequency(id: number): number {
    return id < 0 ? 0 : this.frequencies[id];
  }
}
