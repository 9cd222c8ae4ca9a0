// Articles on disk: JSON lines deflated in blocks of a few. Persian text in
// UTF-8 takes two bytes a letter and compresses about 3.1× this way (one line
// at a time only 2.55×: too little context), which is what lets 100,000
// articles fit a serverless function. Every search result inflates its block,
// and zlib's cost is mostly per call: blocks of 4 rather than 8 took a result
// from 162 to 114 µs here (read, inflate, decode, parse) for 5 % more bytes.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Article } from '../types';

export const ARTICLES_PER_BLOCK = 4;
/** zlib level 3: 3.27× at 6 s per 100,000 articles; level 6 gains 10 % for twice the time. */
const LEVEL = 3;

export interface ArticleBlocks {
  /** Deflated blocks, back to back. */
  blocks: Buffer[];
  /** Byte offset of each block, the total length last. */
  blockOffsets: Float64Array;
  /** Per docId: its block × ARTICLES_PER_BLOCK + its line in the block. */
  slots: Uint32Array;
}

/**
 * The compressed bytes of a block from an earlier index, when that block held
 * exactly these articles (`count` of them from docId `first`), or null.
 * Deflate is deterministic, so a reused block equals a recompressed one.
 */
export type BlockReuse = (first: number, count: number) => Uint8Array | null;

/** zlib's level for the blocks: the builder's worker threads deflate with it too. */
export const BLOCK_LEVEL = LEVEL;

/** One block's bytes as the earlier index kept them, or its lines joined, to deflate. */
export type BlockSource = { kept: Buffer } | { raw: Buffer };

/**
 * The blocks of `articleCount` articles in docId order. `lineOf` gives an
 * article's JSON line where the article itself is not at hand (the builder
 * keeps some articles only as lines of an earlier index); it must be what
 * JSON.stringify would write.
 */
export function* blockSources(articleCount: number, lineOf: (docId: number) => string, reuse?: BlockReuse): Generator<BlockSource> {
  for (let first = 0; first < articleCount; first += ARTICLES_PER_BLOCK) {
    const count = Math.min(ARTICLES_PER_BLOCK, articleCount - first);
    const old = reuse?.(first, count);
    if (old) {
      yield { kept: Buffer.from(old.buffer, old.byteOffset, old.byteLength) };
      continue;
    }
    const lines: string[] = [];
    for (let d = first; d < first + count; d++) lines.push(lineOf(d));
    yield { raw: Buffer.from(lines.join('\n')) };
  }
}

export function deflateBlock(raw: Uint8Array): Buffer {
  return deflateRawSync(raw, { level: LEVEL });
}

/** The blocks of `articleCount` articles, compressed, with where each starts and each article's slot. */
export function blocksOf(blocks: Buffer[], articleCount: number): ArticleBlocks {
  const blockOffsets = new Float64Array(blocks.length + 1);
  for (let b = 0; b < blocks.length; b++) blockOffsets[b + 1] = blockOffsets[b] + blocks[b].length;
  // Articles fill the blocks in docId order: block × ARTICLES_PER_BLOCK + line is the docId.
  const slots = new Uint32Array(articleCount);
  for (let d = 0; d < articleCount; d++) slots[d] = d;
  return { blocks, blockOffsets, slots };
}

export function encodeArticleBlocks(
  articles: readonly Article[],
  reuse?: BlockReuse,
  lineOf = (docId: number) => JSON.stringify(articles[docId]),
): ArticleBlocks {
  const blocks: Buffer[] = [];
  for (const source of blockSources(articles.length, lineOf, reuse)) blocks.push('kept' in source ? source.kept : deflateBlock(source.raw));
  return blocksOf(blocks, articles.length);
}

/** The JSON lines of one block (JSON.stringify escapes newlines, so a line is an article). */
export function decodeArticleBlock(block: Uint8Array): string[] {
  return inflateRawSync(block).toString('utf8').split('\n');
}

/** A block's bytes inflated, from which `lineOf` takes one article. */
export function inflateArticleBlock(block: Uint8Array): Buffer {
  return inflateRawSync(block);
}

/**
 * Line `line` of an inflated block, decoded alone: decoding all the lines
 * of Persian UTF-8 cost more than inflating them (0.17 of 0.27 ms a block).
 * A newline byte never occurs inside a UTF-8 character, so lines split by bytes.
 */
export function lineOf(inflated: Buffer, line: number): string {
  let start = 0;
  for (let k = 0; k < line; k++) start = inflated.indexOf(0x0a, start) + 1;
  const end = inflated.indexOf(0x0a, start);
  return inflated.toString('utf8', start, end < 0 ? inflated.length : end);
}
