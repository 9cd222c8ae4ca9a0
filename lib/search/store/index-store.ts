// The index behind one interface: terms and their postings, tf bytes, lengths,
// positions, and the articles. Matching, scoring and presenting read the index
// only through this, so a second backend (issue 21) implements it once.
import type { Index } from 'flexsearch';
import type { Article } from '../../types';
import type { ArticleMeta, ArticleStore } from '../article-store';
import { postingsOf, type Postings } from '../flex';
import type { IndexData } from '../index-data';
import { lowerBound, prefixRange } from '../sorted';
import { readVarints, runAt } from '../varint';

const NO_POSTINGS: Postings = [];

export class IndexStore {
  readonly vocabulary: readonly string[];
  /** One byte per posting, in the postings' order (index-data.ts: count, plus TF_TITLE in the title). */
  readonly tf: Uint8Array;
  readonly docLength: Uint32Array;
  readonly titleLength: Uint32Array;
  private readonly tfOffsets: Uint32Array;
  private readonly wordCodes: Uint32Array;
  private readonly posOffsets: Uint32Array;
  private readonly positions: Uint8Array;
  /** `positions` as a Buffer, for its native byte search. */
  private readonly positionBytes: Buffer;
  private readonly index: Index;

  constructor(
    data: IndexData,
    readonly articles: ArticleStore,
  ) {
    this.vocabulary = data.vocabulary;
    this.tf = data.tf;
    this.tfOffsets = data.tfOffsets;
    this.docLength = data.docLength;
    this.titleLength = data.titleLength;
    this.wordCodes = data.wordCodes;
    this.posOffsets = data.posOffsets;
    this.positions = data.positions;
    this.index = data.index;
    this.positionBytes = Buffer.from(data.positions.buffer, data.positions.byteOffset, data.positions.byteLength);
  }

  /** How many articles the index holds; docIds are 0 … size − 1. */
  get size(): number {
    return this.articles.size;
  }

  get meta(): ArticleMeta {
    return this.articles.meta;
  }

  article(docId: number): Article {
    return this.articles.get(docId);
  }

  /** The vocabulary id of `term`, or -1. */
  termId(term: string): number {
    const i = lowerBound(this.vocabulary, term);
    return this.vocabulary[i] === term ? i : -1;
  }

  /** The ids of the vocabulary terms that begin with `head`, as a range [from, to). */
  termsBeginning(head: string): [from: number, to: number] {
    return prefixRange(this.vocabulary, head);
  }

  /** In how many articles term `id` is (0 for -1). */
  documentFrequency(id: number): number {
    if (id < 0) return 0;
    return this.tfOffsets[id + 1] - this.tfOffsets[id];
  }

  /** Term `id`'s posting lists (article ids ascending, by FlexSearch slot), and where its tf bytes start. */
  postings(id: number): Postings {
    return postingsOf(this.index, this.vocabulary[id]) ?? NO_POSTINGS;
  }

  tfStart(id: number): number {
    return this.tfOffsets[id];
  }

  /** The code term `id`'s words have in the positions. */
  wordCode(id: number): number {
    return this.wordCodes[id];
  }

  /** The positions' bytes and where each article's words start in them (article d: [starts[d], starts[d + 1])), for a counting loop that decodes as it counts. */
  get wordBytes(): { bytes: Uint8Array; starts: Uint32Array } {
    return { bytes: this.positions, starts: this.posOffsets };
  }

  /** Article `docId`'s word codes, title first, into `out` (grown when short); returns how many. */
  wordsOf(docId: number, out: { values: Uint32Array }): number {
    return readVarints(this.positions, this.posOffsets[docId], this.posOffsets[docId + 1], out);
  }

  /** Where article `docId`'s words end in the positions, or its title's when asked, in bytes from its first word. */
  wordsEnd(docId: number, titleOnly: boolean): number {
    const start = this.posOffsets[docId];
    if (!titleOnly) return this.posOffsets[docId + 1] - start;
    // A word's code ends at its one byte under 128: count the title's words off.
    const { positions } = this;
    let at = start;
    for (let words = this.titleLength[docId]; words > 0; at++) if (positions[at] < 0x80) words--;
    return at - start;
  }

  /**
   * Where article `docId` first has the words whose codes are `pattern` one
   * after another (within the title if asked), in bytes from its first word;
   * -1 when nowhere.
   */
  sequenceAt(docId: number, pattern: Uint8Array, titleOnly: boolean): number {
    const start = this.posOffsets[docId];
    return runAt(this.positionBytes.subarray(start, start + this.wordsEnd(docId, titleOnly)), pattern);
  }
}
