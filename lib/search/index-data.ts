// Everything the search core keeps about a set of articles, built once by the
// index builder (or in memory for tests) and loaded by the server:
//
// - FlexSearch (strict, integer ids) holds the posting lists: which articles
//   contain a term, grouped by where the term first stands (slot 0 = title).
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
import { createFlexIndex, postingsOf } from './flex';
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
  titleLength: Uint16Array;
  /** The code of vocabulary[v] in `positions`. */
  wordCodes: Uint32Array;
  /** Article d's words are the varint codes in the bytes positions[posOffsets[d] .. posOffsets[d + 1]). */
  posOffsets: Uint32Array;
  positions: Uint8Array;
}

export const TF_TITLE = 128;
export const TF_MAX = 127;

/** Code-unit order, the order binary searches over the vocabulary assume. */
export function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Offsets of each term's tf bytes, from the lengths of its FlexSearch postings. */
export function tfOffsetsOf(index: Index, vocabulary: readonly string[]): Uint32Array {
  const offsets = new Uint32Array(vocabulary.length + 1);
  let at = 0;
  vocabulary.forEach((term, v) => {
    offsets[v] = at;
    for (const ids of postingsOf(index, term) ?? []) at += ids ? ids.length : 0;
  });
  offsets[vocabulary.length] = at;
  return offsets;
}

export function buildIndexData(articles: readonly Article[]): IndexData {
  const index = createFlexIndex();
  const idOf = new Map<string, number>(); // term → provisional id, in order met
  const terms: string[] = [];
  // Per provisional id: docId, packed tf, docId, packed tf, … (docIds ascending).
  const postings: number[][] = [];
  const sequences: Uint32Array[] = [];
  const docLength = new Uint32Array(articles.length);
  const titleLength = new Uint16Array(articles.length);

  // Per provisional id, reset for each article: how often the term occurs and
  // whether the title has it (typed arrays, grown as the vocabulary grows).
  let seenIn = new Int32Array(1024);
  let count = new Int32Array(1024);
  let inTitle = new Uint8Array(1024);
  const provisional = (term: string) => {
    let id = idOf.get(term);
    if (id === undefined) {
      id = terms.length;
      idOf.set(term, id);
      terms.push(term);
      postings.push([]);
      if (id >= seenIn.length) {
        const grow = <T extends Int32Array | Uint8Array>(a: T, Kind: { new (n: number): T }) => {
          const b = new Kind(a.length * 2);
          b.set(a);
          return b;
        };
        seenIn = grow(seenIn, Int32Array);
        count = grow(count, Int32Array);
        inTitle = grow(inTitle, Uint8Array);
      }
    }
    return id;
  };

  articles.forEach((article, docId) => {
    const mark = docId + 1;
    const touched: number[] = []; // distinct terms in order of first use
    const words: number[] = [];
    let length = 0;
    [article.title, ...article.body].forEach((text, part) => {
      for (const token of analyze(text, { pieces: true })) {
        const id = provisional(token.term);
        if (seenIn[id] !== mark) {
          seenIn[id] = mark;
          count[id] = 0;
          inTitle[id] = 0;
          touched.push(id);
        }
        count[id]++;
        if (part === 0) inTitle[id] = 1;
        if (!token.piece) words.push(id);
        length++;
      }
      if (part === 0) titleLength[docId] = Math.min(words.length, 0xffff);
    });
    // FlexSearch keeps one posting per term and article: the distinct terms in
    // order of first use say the same in a fraction of the text (long articles
    // repeat their words a lot).
    if (touched.length > 0) index.add(docId, touched.map((id) => terms[id]).join(' '));
    docLength[docId] = length;
    sequences.push(Uint32Array.from(words));
    for (const id of touched) postings[id].push(docId, Math.min(count[id], TF_MAX) | (inTitle[id] ? TF_TITLE : 0));
  });

  const order = terms.map((_, id) => id).sort((a, b) => compareTerms(terms[a], terms[b]));
  const vocabulary = order.map((id) => terms[id]);
  const rank = new Uint32Array(terms.length);
  order.forEach((id, v) => (rank[id] = v));

  const tfOffsets = tfOffsetsOf(index, vocabulary);
  const tf = new Uint8Array(tfOffsets[vocabulary.length]);
  // Spread each term's tf over a per-article scratch array, then read it back in
  // FlexSearch's slot order: linear in the postings.
  const byDoc = new Uint8Array(articles.length);
  let at = 0;
  order.forEach((id) => {
    const list = postings[id];
    for (let i = 0; i < list.length; i += 2) byDoc[list[i]] = list[i + 1];
    for (const ids of postingsOf(index, terms[id]) ?? []) {
      for (const docId of ids ?? []) tf[at++] = byDoc[docId];
    }
  });
  if (at !== tf.length) throw new Error(`index inconsistency: ${at} tf values for ${tf.length} postings`);

  const { wordCodes, posOffsets, positions } = encodePositions(sequences, rank, vocabulary.length);
  return { index, vocabulary, tfOffsets, tf, docLength, titleLength, wordCodes, posOffsets, positions };
}

/**
 * Codes words by frequency (the most frequent gets 0; ties in vocabulary
 * order, so the bytes are deterministic) and writes each article's sequence.
 * `sequences` hold provisional ids, `rank` maps them to vocabulary ids.
 */
function encodePositions(sequences: readonly Uint32Array[], rank: Uint32Array, vocabularySize: number) {
  const frequency = new Uint32Array(vocabularySize);
  for (const seq of sequences) for (let i = 0; i < seq.length; i++) frequency[rank[seq[i]]]++;
  const byFrequency = Array.from({ length: vocabularySize }, (_, v) => v).sort((a, b) => frequency[b] - frequency[a] || a - b);
  const wordCodes = new Uint32Array(vocabularySize);
  byFrequency.forEach((v, code) => (wordCodes[v] = code));
  const posOffsets = new Uint32Array(sequences.length + 1);
  const out = new VarintWriter(1 << 16);
  sequences.forEach((seq, d) => {
    posOffsets[d] = out.length;
    for (let i = 0; i < seq.length; i++) out.write(wordCodes[rank[seq[i]]]);
  });
  posOffsets[sequences.length] = out.length;
  return { wordCodes, posOffsets, positions: out.bytes() };
}
