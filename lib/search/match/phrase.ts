// Articles with the words of a phrase one after another. The rarest word's
// articles are the candidates, the other words confirm them from their
// postings, and the candidates left are checked against the positions by a
// native byte search.
import { TF_MAX, TF_TITLE } from '../index-data';
import type { Bm25 } from '../score/bm25';
import type { IndexStore } from '../store/index-store';
import { varintBytes } from '../varint';
import { DocMarks } from './doc-marks';
import { walkPostings, type Within } from './walk';

export class PhraseMatcher {
  private readonly candidate: DocMarks;
  /** Per candidate: its summed score so far (or, apart, its smallest count), and how many words confirmed it. */
  private readonly partial: Float64Array;
  private readonly confirmed: Uint16Array;

  constructor(
    private readonly store: IndexStore,
    private readonly bm25: Bm25,
    /** How much an exact phrase weighs against its words scattered (RankingWeights.phrase). */
    private readonly boost: number,
  ) {
    this.candidate = new DocMarks(store.size);
    this.partial = new Float64Array(store.size);
    this.confirmed = new Uint16Array(store.size);
  }

  /**
   * The articles (of `within`, when given) that have `terms` one after another,
   * each with its score: the words' summed score, boosted. For a query word
   * written apart in the article (`apart`), the score of that one word: as often
   * as its rarer half, in the title if its halves first stand together there.
   */
  matches(terms: readonly string[], titleOnly: boolean, within?: Within, apart = false): [number, number][] {
    const { store, bm25 } = this;
    const ids = terms.map((t) => store.termId(t));
    if (ids.some((id) => id < 0)) return [];
    const { candidate, partial, confirmed } = this;
    const distinct = [...new Set(ids)].sort((a, b) => store.documentFrequency(a) - store.documentFrequency(b));
    const mark = candidate.fresh();
    const candidates: number[] = [];
    // The rarest word's articles are the only ones the other words need to confirm.
    const proposed: Within = { docs: candidates, has: (docId) => candidate.has(docId, mark) };
    distinct.forEach((id, k) => {
      walkPostings(store, id, k === 0 ? within : proposed, (docId, packed) => {
        if (k === 0) {
          candidate.add(docId, mark);
          partial[docId] = apart ? packed & TF_MAX : bm25.tfPart(docId, packed);
          confirmed[docId] = 1;
          candidates.push(docId);
        } else if (candidate.has(docId, mark) && confirmed[docId] === k) {
          partial[docId] = apart ? Math.min(partial[docId], packed & TF_MAX) : partial[docId] + bm25.tfPart(docId, packed);
          confirmed[docId]++;
        }
      });
    });
    const out: [number, number][] = [];
    const pattern = varintBytes(ids.map((id) => store.wordCode(id)));
    for (const docId of candidates) {
      if (confirmed[docId] !== distinct.length) continue;
      const at = store.sequenceAt(docId, pattern, titleOnly);
      if (at < 0) continue;
      if (!apart) {
        out.push([docId, partial[docId] * this.boost]);
        continue;
      }
      // The title comes first in the positions, so the first place the halves
      // stand together says whether the word is in the title.
      const inTitle = at + pattern.length <= store.wordsEnd(docId, true);
      out.push([docId, bm25.tfPart(docId, partial[docId] | (inTitle ? TF_TITLE : 0))]);
    }
    return out;
  }
}
