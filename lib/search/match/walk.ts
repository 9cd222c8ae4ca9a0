// The one walk over a term's postings. Given the articles a step still cares
// about, it either reads the posting list through and tests each article, or,
// when those articles are few and the list long, looks each one up in the list:
// «مهار خشم» confirms its few «مهار» articles against «خشم» without reading
// «خشم»'s.
import { TF_TITLE } from '../index-data';
import { sortedIndexOf } from '../sorted';
import type { IndexStore } from '../store/index-store';

/** The articles a step still cares about: a list, and a quick test for it. */
export interface Within {
  readonly docs: readonly number[];
  has(docId: number): boolean;
}

/** A lookup's cost in steps of a posting-list scan, per halving of the list. */
const LOOKUP_COST = 2;

/** Whether to look `lookups` articles up in a sorted list of `length` ids rather than read the list through. */
export function lookUp(lookups: number, length: number): boolean {
  return lookups * LOOKUP_COST * Math.log2(length + 2) < length;
}

/** Visits term `id`'s postings of the articles `within` (every posting when absent), with each one's tf byte. */
export function walkPostings(store: IndexStore, id: number, within: Within | undefined, visit: (docId: number, packed: number) => void): void {
  const { tf } = store;
  let at = store.tfStart(id);
  for (const ids of store.postings(id)) {
    if (!ids) continue;
    if (within && lookUp(within.docs.length, ids.length)) {
      for (const docId of within.docs) {
        const i = sortedIndexOf(ids, docId);
        if (i >= 0) visit(docId, tf[at + i]);
      }
    } else {
      for (let i = 0; i < ids.length; i++) if (!within || within.has(ids[i])) visit(ids[i], tf[at + i]);
    }
    at += ids.length;
  }
}

/** Where a group keeps each article's best score so far (match/matcher.ts). */
export interface BestScores {
  /** The articles the group has reached, in the order reached. */
  docs: number[];
  /** An article is reached when `marks[docId] === mark` (match/doc-marks.ts). */
  marks: Int32Array;
  mark: number;
  score: Float64Array;
}

/**
 * walkPostings for the hot loop of every query, a word's variant scored into
 * its group: the same scan-or-seek walk with the visit written out, because a
 * call per posting cost 7 % of a common word's search (bench/query A/B, both
 * engines in one process). Each article of the term's postings (of `within`,
 * and in the title when asked) gets `weight · part(docId, tf byte)`, kept when
 * higher than what the group gave it before.
 */
export function scorePostings(
  store: IndexStore,
  id: number,
  within: Within | undefined,
  titleOnly: boolean,
  weight: number,
  part: { tfPart(docId: number, packed: number): number },
  best: BestScores,
): void {
  const { tf } = store;
  const { score, marks, mark, docs } = best;
  let at = store.tfStart(id);
  for (const ids of store.postings(id)) {
    if (!ids) continue;
    if (within && lookUp(within.docs.length, ids.length)) {
      for (const docId of within.docs) {
        const i = sortedIndexOf(ids, docId);
        if (i < 0) continue;
        const packed = tf[at + i];
        if (titleOnly && !(packed & TF_TITLE)) continue;
        const value = weight * part.tfPart(docId, packed);
        if (marks[docId] !== mark) {
          marks[docId] = mark;
          docs.push(docId);
          score[docId] = value;
        } else if (value > score[docId]) score[docId] = value;
      }
    } else {
      for (let i = 0; i < ids.length; i++) {
        const docId = ids[i];
        const packed = tf[at + i];
        if ((titleOnly && !(packed & TF_TITLE)) || (within && !within.has(docId))) continue;
        const value = weight * part.tfPart(docId, packed);
        if (marks[docId] !== mark) {
          marks[docId] = mark;
          docs.push(docId);
          score[docId] = value;
        } else if (value > score[docId]) score[docId] = value;
      }
    }
    at += ids.length;
  }
}
