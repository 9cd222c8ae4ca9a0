// The FlexSearch index every stage shares. The builder and the server must
// create it with identical options, or an imported index answers wrongly.
import { Encoder, Index } from 'flexsearch';

/**
 * Posting lists of one term, as FlexSearch keeps them: arrays of article ids
 * by slot (one slot at resolution 1; ranking uses our own tf, not slots).
 * Read-only: these are FlexSearch's own arrays (typed arrays once loaded from
 * disk, lib/search/postings-file.ts), and tf.u8 follows their order.
 */
export type Postings = ReadonlyArray<(ArrayLike<number> & Iterable<number>) | undefined>;

export const RESOLUTION = 1;

export function createFlexIndex(): Index {
  // Text reaches FlexSearch already analyzed (lib/persian/analyze.ts) and
  // joined by single spaces, so its encoder must only split: its default
  // normalization breaks Persian words at ZWNJ and diacritics.
  const encoder = new Encoder({
    normalize: false,
    split: ' ',
    numeric: false,
    dedupe: false,
    cache: false,
  });
  return new Index({ tokenize: 'strict', resolution: RESOLUTION, encoder });
}

/** Indexes whose postings are imported part by part as terms are asked for (lib/search/load.ts). */
const loaders = new WeakMap<Index, (term: string) => void>();

/** Has `load(term)` import the part holding `term` when a term is first asked for. */
export function importOnDemand(index: Index, load: (term: string) => void): void {
  loaders.set(index, load);
}

/** The postings of one analyzed term, or undefined when no article has it. */
export function postingsOf(index: Index, term: string): Postings | undefined {
  // FlexSearch 0.8 keeps strict postings in `map`, keyed by the encoded term;
  // reading it directly avoids a search() that would merge and copy the slots.
  const map = (index as unknown as { map: Map<string, Postings> }).map;
  const slots = map.get(term);
  if (slots !== undefined) return slots;
  const load = loaders.get(index);
  if (!load) return undefined;
  load(term);
  return map.get(term);
}
