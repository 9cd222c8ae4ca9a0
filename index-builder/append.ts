// The index of a rebuild whose only change is articles added at the end: the
// previous articles all unchanged, in their places (an archive that grows by a
// file of new articles). Then every term's postings are its previous ones
// followed by the new articles', so the previous index is extended instead of
// read back article by article and assembled again (the read-back and the
// assembly took about 4 of a 8 s rebuild adding 100 to 100,000 articles).
//
// The result must equal assembleIndexData over all the articles, byte for
// byte: the same sorted vocabulary, postings in docId order with their tf
// bytes, and word codes by frequency (wordCodesOf), which an added word can
// reorder; so the previous positions are translated code by code, on a worker
// thread (index-builder/translate-codes.ts).
import { type ArticleTerms, type IndexData, compareTerms, wordCodesOf } from '../lib/search/index-data';
import { appendPostingParts, encodeRegisteredIds } from '../lib/search/postings-file';
import { sortedIndexOf } from '../lib/search/sorted';
import { translateCodesAside } from './translate-codes';
import type { EncodedIndexData } from './write';

/** What the append starts from: the previous index, its posting parts as stored, its registry and word counts. */
export interface AppendBase {
  data: IndexData;
  /** FLEX_DIR's `1.map` parts, in order. */
  parts: readonly Uint8Array[];
  /** Articles with at least one term, ascending. */
  registered: readonly number[];
  /** How often each term occurs as a word (BuiltIndexData.wordCounts). */
  wordCounts: Uint32Array;
}

const varintLength = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5);

/**
 * The index of the previous articles followed by `added` (in the ids of
 * `terms`, a TermTable's terms): what assembleIndexData gives for all of them.
 */
export function appendIndexData(
  { data: old, parts, registered: oldRegistered, wordCounts: oldCounts }: AppendBase,
  terms: readonly string[],
  added: readonly ArticleTerms[],
): EncodedIndexData {
  const oldCount = old.docLength.length;
  const oldSize = old.vocabulary.length;

  // The vocabulary: the previous one with the added articles' new terms sorted in.
  const addedDf = new Uint32Array(terms.length);
  for (const a of added) for (let k = 0; k < a.terms.length; k++) addedDf[a.terms[k]]++;
  const rank = new Uint32Array(terms.length);
  const fresh: number[] = [];
  const oldIdOf = new Int32Array(terms.length).fill(-1);
  for (let id = 0; id < terms.length; id++) {
    if (addedDf[id] === 0) continue;
    oldIdOf[id] = sortedIndexOf(old.vocabulary, terms[id]);
    if (oldIdOf[id] < 0) fresh.push(id);
  }
  fresh.sort((a, b) => compareTerms(terms[a], terms[b]));
  const size = oldSize + fresh.length;
  const vocabulary = new Array<string>(size);
  const newIdOfOld = new Uint32Array(oldSize);
  for (let v = 0, f = 0, at = 0; at < size; at++) {
    if (f < fresh.length && (v >= oldSize || compareTerms(terms[fresh[f]], old.vocabulary[v]) < 0)) {
      rank[fresh[f]] = at;
      vocabulary[at] = terms[fresh[f++]];
    } else {
      newIdOfOld[v] = at;
      vocabulary[at] = old.vocabulary[v++];
    }
  }
  for (let id = 0; id < terms.length; id++) if (oldIdOf[id] >= 0) rank[id] = newIdOfOld[oldIdOf[id]];

  // Postings: each term's previous ones, then the added articles' (appendPostingParts). Their tf
  // bytes likewise: between two terms that gain postings or a new term, the previous tf only
  // shifts, and is copied as one run.
  const addedOffsets = new Uint32Array(size + 1);
  for (let id = 0; id < terms.length; id++) addedOffsets[rank[id] + 1] += addedDf[id];
  for (let v = 0; v < size; v++) addedOffsets[v + 1] += addedOffsets[v];
  const tfOffsets = new Uint32Array(size + 1);
  const df = new Uint32Array(size);
  for (let v = 0; v < oldSize; v++) df[newIdOfOld[v]] = old.tfOffsets[v + 1] - old.tfOffsets[v];
  for (let v = 0; v < size; v++) tfOffsets[v + 1] = tfOffsets[v] + df[v] + addedOffsets[v + 1] - addedOffsets[v];
  const tf = new Uint8Array(tfOffsets[size]);
  for (let start = 0; start < oldSize; ) {
    const shift = tfOffsets[newIdOfOld[start]] - old.tfOffsets[start];
    let end = start + 1;
    while (end < oldSize && tfOffsets[newIdOfOld[end]] - old.tfOffsets[end] === shift) end++;
    tf.set(old.tf.subarray(old.tfOffsets[start], old.tfOffsets[end]), old.tfOffsets[start] + shift);
    start = end;
  }
  const addedIds = new Uint32Array(addedOffsets[size]);
  const addedAt = addedOffsets.slice(0, size);
  const cursor = new Uint32Array(size);
  for (let v = 0; v < size; v++) cursor[v] = tfOffsets[v] + df[v];
  const registered = [...oldRegistered];
  const docLength = new Uint32Array(oldCount + added.length);
  const titleLength = new Uint32Array(oldCount + added.length);
  docLength.set(old.docLength);
  titleLength.set(old.titleLength);
  added.forEach((a, k) => {
    const docId = oldCount + k;
    for (let i = 0; i < a.terms.length; i++) {
      const v = rank[a.terms[i]];
      addedIds[addedAt[v]++] = docId;
      tf[cursor[v]++] = a.packed[i];
    }
    if (a.terms.length > 0) registered.push(docId);
    docLength[docId] = a.length;
    titleLength[docId] = a.titleLength;
  });

  return {
    flex: { registry: encodeRegisteredIds(registered), postings: appendPostingParts(parts, newIdOfOld, addedIds, addedOffsets) },
    vocabulary,
    tfOffsets,
    tf,
    docLength,
    titleLength,
    ...appendPositions(old, oldCounts, newIdOfOld, rank, size, added),
  };
}

/**
 * The previous positions with each code translated to the new word codes,
 * and the added articles' words after them: what encodePositions writes for
 * all the articles, without decoding them into per-article arrays.
 */
function appendPositions(old: IndexData, oldCounts: Uint32Array, newIdOfOld: Uint32Array, rank: Uint32Array, size: number, added: readonly ArticleTerms[]) {
  const { positions, posOffsets: oldOffsets, wordCodes: oldCodes } = old;
  const oldCount = oldOffsets.length - 1;
  const wordCounts = new Uint32Array(size);
  for (let v = 0; v < oldCodes.length; v++) wordCounts[newIdOfOld[v]] = oldCounts[v];
  for (const a of added) for (let i = 0; i < a.words.length; i++) wordCounts[rank[a.words[i]]]++;
  const wordCodes = wordCodesOf(wordCounts);
  const codeOfOld = new Uint32Array(oldCodes.length);
  let length = positions.length;
  for (let v = 0; v < oldCodes.length; v++) {
    const from = oldCodes[v];
    const to = (codeOfOld[from] = wordCodes[newIdOfOld[v]]);
    length += oldCounts[v] * (varintLength(to) - varintLength(from));
  }
  for (const a of added) for (let i = 0; i < a.words.length; i++) length += varintLength(wordCodes[rank[a.words[i]]]);

  // Shared, for the worker that translates the previous words to write into.
  const out = new Uint8Array(new SharedArrayBuffer(length));
  const posOffsets = new Uint32Array(new SharedArrayBuffer(4 * (oldCount + added.length + 1)));
  const words = translateCodesAside(positions, oldOffsets, codeOfOld, out, posOffsets).then((written) => {
    let o = written;
    added.forEach((a, k) => {
      posOffsets[oldCount + k] = o;
      for (let i = 0; i < a.words.length; i++) {
        let code = wordCodes[rank[a.words[i]]];
        while (code >= 0x80) {
          out[o++] = (code & 0x7f) | 0x80;
          code >>>= 7;
        }
        out[o++] = code;
      }
    });
    posOffsets[oldCount + added.length] = o;
    // The size came from the stored word counts: words that do not add up to it were not counted by them.
    if (o !== length) throw new Error(`${o} bytes of positions where the word counts make ${length}: rebuild with --full`);
    return { posOffsets, positions: out };
  });
  // Handled: the writer awaits it and reports a failure; a build that fails before then must not leave it unhandled.
  words.catch(() => {});
  return { wordCounts, wordCodes, words };
}
