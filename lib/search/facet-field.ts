// A text facet (source, tags): each article's values as small integer codes,
// so counting over 100,000 matches touches typed arrays, not strings.
import type { ValueCount } from '../types';
import { normalizeValue } from './facet-value';
import { topK } from './top';

/** A value's key in a facet: its normalized form (facet-value.ts). */
export const facetKey = normalizeValue;

export class FacetField {
  /** Display spelling per code: the first spelling met. */
  private readonly labels: string[] = [];
  private readonly codeByKey = new Map<string, number>();
  /** Each code's place in label order: ties in counts list alphabetically. */
  private readonly labelRank: Int32Array;
  /** Codes of article i are codes[offsets[i] .. offsets[i+1]). */
  private readonly offsets: Int32Array;
  private readonly codes: Int32Array;

  /** `knownKeys`: facet keys computed before (by the index builder), to spare analyzing every value again. */
  constructor(valuesPerArticle: readonly (readonly string[])[], knownKeys?: ReadonlyMap<string, string>) {
    this.offsets = new Int32Array(valuesPerArticle.length + 1);
    const codes: number[] = [];
    const keyOf = new Map<string, string>(); // archives repeat a few thousand values
    valuesPerArticle.forEach((values, i) => {
      const start = (this.offsets[i] = codes.length);
      for (const value of values) {
        let key = keyOf.get(value);
        if (key === undefined) keyOf.set(value, (key = knownKeys?.get(value) ?? facetKey(value)));
        if (!key) continue;
        let code = this.codeByKey.get(key);
        if (code === undefined) {
          code = this.labels.length;
          this.codeByKey.set(key, code);
          this.labels.push(value.trim());
        }
        // An article has a few values: a scan beats a Set per article (100,000 of them at load).
        if (codes.indexOf(code, start) < 0) codes.push(code);
      }
    });
    this.offsets[valuesPerArticle.length] = codes.length;
    this.codes = Int32Array.from(codes);
    this.labelRank = new Int32Array(this.labels.length);
    this.labels
      .map((label, code) => ({ label, code }))
      .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.code - b.code))
      .forEach(({ code }, rank) => (this.labelRank[code] = rank));
  }

  /**
   * Makes `name` another name of `value`'s code, so a filter naming it finds
   * `value`'s articles; a name that is a value of its own keeps its own code.
   */
  alias(name: string, value: string): void {
    const code = this.codeByKey.get(facetKey(value));
    const key = facetKey(name);
    if (code !== undefined && key && !this.codeByKey.has(key)) this.codeByKey.set(key, code);
  }

  /** Codes for the values a filter names; values no article has are dropped. */
  codesFor(values: readonly string[]): Set<number> {
    const wanted = new Set<number>();
    for (const v of values) {
      const code = this.codeByKey.get(facetKey(v));
      if (code !== undefined) wanted.add(code);
    }
    return wanted;
  }

  /** Whether article `docId` has any of `wanted` (OR within one field). */
  hasAny(docId: number, wanted: ReadonlySet<number>): boolean {
    for (let i = this.offsets[docId]; i < this.offsets[docId + 1]; i++) {
      if (wanted.has(this.codes[i])) return true;
    }
    return false;
  }

  /** Article `docId`'s codes (a view, not a copy): a story's outlets are its copies' codes. */
  codesOf(docId: number): Int32Array {
    return this.codes.subarray(this.offsets[docId], this.offsets[docId + 1]);
  }

  /** Adds article `docId`'s values to `counts` (indexed by code). */
  countInto(docId: number, counts: Int32Array): void {
    for (let i = this.offsets[docId]; i < this.offsets[docId + 1]; i++) counts[this.codes[i]]++;
  }

  /** `countInto` for every article of `docIds`. */
  countAll(docIds: readonly number[], counts: Int32Array): void {
    const { offsets, codes } = this;
    for (let k = 0; k < docIds.length; k++) {
      const docId = docIds[k];
      for (let i = offsets[docId], end = offsets[docId + 1]; i < end; i++) counts[codes[i]]++;
    }
  }

  newCounts(): Int32Array {
    return new Int32Array(this.labels.length);
  }

  /** How many values have a count: what a full list (`top` without a limit) would show. */
  withMatches(counts: Int32Array): number {
    let n = 0;
    for (let code = 0; code < counts.length; code++) if (counts[code] > 0) n++;
    return n;
  }

  /** The `limit` most frequent values (every one with a count when `limit` is Infinity), ties by label, plus every selected value. */
  top(counts: Int32Array, limit: number, selected: ReadonlySet<number> = new Set()): ValueCount[] {
    const codes: number[] = [];
    for (let code = 0; code < counts.length; code++) if (counts[code] > 0) codes.push(code);
    const head = topK(codes, limit, counts, (a, b) => this.labelRank[a] - this.labelRank[b]);
    for (const code of selected) if (!head.includes(code)) head.push(code);
    return head.map((code) => ({ value: this.labels[code], count: counts[code] }));
  }
}
