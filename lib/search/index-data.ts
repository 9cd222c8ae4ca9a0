// Everything the search core keeps about a set of articles, built once by the
// index builder (or in memory for tests) and loaded by the server:
//
// - FlexSearch (strict, integer ids) holds the posting lists: which articles
//   contain a term, one list per term, ids ascending.
// - What FlexSearch cannot keep, we keep beside it, in typed arrays:
//   tf       one byte per posting, in FlexSearch's own order: the term's count
//            in the article (capped at 127) plus 128 when it is in the title,
//            for BM25 and title boosting;
//   docLength  words per article, for BM25's length normalization;
//   positions  each article's words (title first) as varint word codes, to
//            check phrases and proximity without re-reading the text; the
//            most frequent words have the smallest codes, so most words take
//            one byte (lib/search/varint.ts).
import type { Index } from 'flexsearch';
import type { Article } from '../types';
import { analyze } from '../persian/analyze';
import { createFlexIndex } from './flex';
import { VarintWriter } from './varint';

export interface IndexData {
  index: Index;
  /** Every term, sorted by code unit; a term's id is its position here. */
  vocabulary: string[];
  /** tf of vocabulary[v] spans tf[tfOffsets[v] .. tfOffsets[v + 1]). */
  tfOffsets: Uint32Array;
  tf: Uint8Array;
  docLength: Uint32Array;
  /** Words of the title (they open each article's positions). */
  titleLength: Uint32Array;
  /** The code of vocabulary[v] in `positions`. */
  wordCodes: Uint32Array;
  /** Article d's words are the varint codes in the bytes positions[posOffsets[d] .. posOffsets[d + 1]). */
  posOffsets: Uint32Array;
  positions: Uint8Array;
}

/**
 * What a build makes beside the index: how often each vocabulary term occurs
 * as a word, which the word codes rank (the index keeps only the ranks). A
 * rebuild that appends articles ranks the words again from these counts.
 */
export interface BuiltIndexData extends IndexData {
  wordCounts: Uint32Array;
}

export const TF_TITLE = 128;
export const TF_MAX = 127;

/** Code-unit order, the order binary searches over the vocabulary assume. */
export function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Terms met by one build, each with a provisional id in the order met. The
 * final ids are the places in the sorted vocabulary, so nothing that reaches
 * the index depends on the order in which articles were analyzed.
 */
export class TermTable {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }
}

/** What the index keeps of one article, in a TermTable's provisional ids. */
export interface ArticleTerms {
  /** Its distinct terms. */
  terms: Uint32Array;
  /** Per distinct term: how often it occurs (at most TF_MAX), plus TF_TITLE when the title has it. */
  packed: Uint8Array;
  /** Its words in order, title first; the pieces of joined words are terms but not words. */
  words: Uint32Array;
  /** Terms, pieces included: BM25's length. */
  length: number;
  titleLength: number;
}

/** Runs the analyzer over articles, one at a time, into a shared TermTable. */
export class ArticleAnalyzer {
  readonly table = new TermTable();
  // Per provisional id, reset for each article through `mark`: how often the
  // term occurs and whether the title has it (grown with the table).
  private seenIn = new Int32Array(1024);
  private count = new Int32Array(1024);
  private inTitle = new Uint8Array(1024);
  private mark = 0;

  analyze(article: Article): ArticleTerms {
    const mark = ++this.mark;
    const touched: number[] = [];
    const words: number[] = [];
    let length = 0;
    let titleLength = 0;
    [article.title, ...article.body].forEach((text, part) => {
      for (const token of analyze(text, { pieces: true })) {
        const id = this.table.id(token.term);
        while (id >= this.seenIn.length) this.grow();
        if (this.seenIn[id] !== mark) {
          this.seenIn[id] = mark;
          this.count[id] = 0;
          this.inTitle[id] = 0;
          touched.push(id);
        }
        this.count[id]++;
        if (part === 0) this.inTitle[id] = 1;
        if (!token.piece) words.push(id);
        if (!token.spelling) length++;
      }
      if (part === 0) titleLength = words.length;
    });
    const packed = new Uint8Array(touched.length);
    touched.forEach((id, k) => (packed[k] = Math.min(this.count[id], TF_MAX) | (this.inTitle[id] ? TF_TITLE : 0)));
    return { terms: Uint32Array.from(touched), packed, words: Uint32Array.from(words), length, titleLength };
  }

  private grow(): void {
    const grown = <T extends Int32Array | Uint8Array>(a: T, Kind: { new (n: number): T }) => {
      const b = new Kind(a.length * 2);
      b.set(a);
      return b;
    };
    this.seenIn = grown(this.seenIn, Int32Array);
    this.count = grown(this.count, Int32Array);
    this.inTitle = grown(this.inTitle, Uint8Array);
  }
}

export function buildIndexData(articles: readonly Article[]): IndexData {
  const analyzer = new ArticleAnalyzer();
  return assembleIndexData(analyzer.table.terms, articles.map((a) => analyzer.analyze(a)));
}

/**
 * The index of articles already analyzed; `perArticle[d]` is article d's.
 * FlexSearch is filled through its import, as the server loads it: postings
 * are one array per term, of ids ascending, which is what `add()` in docId
 * order makes, without tokenizing 100,000 texts a second time (half the build
 * time at 100,000 articles).
 */
export function assembleIndexData(terms: readonly string[], perArticle: readonly ArticleTerms[]): BuiltIndexData {
  const n = perArticle.length;
  const df = new Uint32Array(terms.length);
  for (const a of perArticle) {
    const ids = a.terms;
    for (let k = 0; k < ids.length; k++) df[ids[k]]++;
  }
  const order = terms.map((_, id) => id).filter((id) => df[id] > 0);
  order.sort((a, b) => compareTerms(terms[a], terms[b]));
  const vocabulary = order.map((id) => terms[id]);
  const rank = new Uint32Array(terms.length);
  order.forEach((id, v) => (rank[id] = v));

  const tfOffsets = new Uint32Array(vocabulary.length + 1);
  order.forEach((id, v) => (tfOffsets[v + 1] = tfOffsets[v] + df[id]));
  const docs = new Uint32Array(tfOffsets[vocabulary.length]);
  const tf = new Uint8Array(docs.length);
  const cursor = tfOffsets.slice(0, vocabulary.length);
  const docLength = new Uint32Array(n);
  const titleLength = new Uint32Array(n);
  const registered: number[] = [];
  perArticle.forEach((a, docId) => {
    const { terms: ids, packed } = a;
    for (let k = 0; k < ids.length; k++) {
      const at = cursor[rank[ids[k]]]++;
      docs[at] = docId;
      tf[at] = packed[k];
    }
    if (a.terms.length > 0) registered.push(docId);
    docLength[docId] = a.length;
    titleLength[docId] = a.titleLength;
  });

  const index = flexIndexOf(vocabulary, tfOffsets, docs, registered);
  const { wordCounts, wordCodes, posOffsets, positions } = encodePositions(
    perArticle.map((a) => a.words),
    rank,
    vocabulary.length,
  );
  return { index, vocabulary, tfOffsets, tf, docLength, titleLength, wordCodes, posOffsets, positions, wordCounts };
}

/**
 * FlexSearch holding `docs[tfOffsets[v] .. tfOffsets[v + 1])` (ascending) as
 * the postings of vocabulary[v], and `registered` (the articles with a term,
 * ascending) as its registry.
 */
export function flexIndexOf(vocabulary: readonly string[], tfOffsets: Uint32Array, docs: Uint32Array, registered: number[]): Index {
  const index = createFlexIndex();
  // FlexSearch's import takes parsed JSON as well as strings (its types say only strings).
  index.import('1.reg', registered as unknown as string);
  const entries = vocabulary.map((term, v) => [term, [docs.subarray(tfOffsets[v], tfOffsets[v + 1])]]);
  index.import('1.map', entries as unknown as string);
  return index;
}

/**
 * Each vocabulary id's word code: the most frequent word gets 0, ties go in
 * vocabulary order, so the bytes are deterministic. Sorted as one number per
 * word (rarity, then id) in a Float64Array: a numeric sort, about 15 ms for
 * the 102,000 terms of 100,000 articles against 45 ms with a comparator (a
 * rebuild that appends articles ranks them all again).
 */
export function wordCodesOf(frequency: Uint32Array): Uint32Array {
  const size = frequency.length;
  let most = 0;
  for (let v = 0; v < size; v++) if (frequency[v] > most) most = frequency[v];
  const wordCodes = new Uint32Array(size);
  if ((most + 1) * size >= 2 ** 53) {
    const byFrequency = Array.from({ length: size }, (_, v) => v).sort((a, b) => frequency[b] - frequency[a] || a - b);
    byFrequency.forEach((v, code) => (wordCodes[v] = code));
    return wordCodes;
  }
  const keys = new Float64Array(size);
  for (let v = 0; v < size; v++) keys[v] = (most - frequency[v]) * size + v;
  keys.sort();
  for (let code = 0; code < size; code++) wordCodes[keys[code] % size] = code;
  return wordCodes;
}

/**
 * Codes words by frequency (wordCodesOf) and writes each article's sequence.
 * `sequences` hold provisional ids, `rank` maps them to vocabulary ids.
 */
function encodePositions(sequences: readonly Uint32Array[], rank: Uint32Array, vocabularySize: number) {
  const wordCounts = new Uint32Array(vocabularySize);
  for (const seq of sequences) for (let i = 0; i < seq.length; i++) wordCounts[rank[seq[i]]]++;
  const wordCodes = wordCodesOf(wordCounts);
  const posOffsets = new Uint32Array(sequences.length + 1);
  const out = new VarintWriter(1 << 16);
  sequences.forEach((seq, d) => {
    posOffsets[d] = out.length;
    for (let i = 0; i < seq.length; i++) out.write(wordCodes[rank[seq[i]]]);
  });
  posOffsets[sequences.length] = out.length;
  return { wordCounts, wordCodes, posOffsets, positions: out.bytes() };
}
