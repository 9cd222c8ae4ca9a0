import { describe, expect, it } from 'vitest';
import { articleWith } from '../article';
import type { Article } from '../types';
import { ARTICLES_PER_BLOCK, decodeArticleBlock, encodeArticleBlocks, inflateArticleBlock, lineOf } from './article-blocks';

const article = (id: string, body: string[]): Article => articleWith({ id, title: `خبر ${id}`, body });

describe('articles in deflated blocks', () => {
  const articles = Array.from({ length: ARTICLES_PER_BLOCK * 2 + 3 }, (_, i) => article(String(i), [`بند اول\nبا سطر دوم ${i}`, 'بند «دوم»']));
  const { blocks, blockOffsets, slots } = encodeArticleBlocks(articles);

  it('read back every article exactly, newlines in paragraphs included', () => {
    const file = Buffer.concat(blocks);
    const got = articles.map((_, d) => {
      const b = Math.floor(slots[d] / ARTICLES_PER_BLOCK);
      const lines = decodeArticleBlock(file.subarray(blockOffsets[b], blockOffsets[b + 1]));
      return JSON.parse(lines[slots[d] % ARTICLES_PER_BLOCK]);
    });
    expect(got).toEqual(articles);
  });

  it('give one article of a block by its line, decoded alone, the same as decoding every line', () => {
    const inflated = inflateArticleBlock(blocks[1]);
    const lines = decodeArticleBlock(blocks[1]);
    for (let line = 0; line < ARTICLES_PER_BLOCK; line++) expect(lineOf(inflated, line)).toBe(lines[line]);
    expect(JSON.parse(lineOf(inflated, ARTICLES_PER_BLOCK - 1))).toEqual(articles[2 * ARTICLES_PER_BLOCK - 1]);
  });

  it('hold a few articles a block, the last block the rest', () => {
    expect(blocks).toHaveLength(3);
    expect(blockOffsets[3]).toBe(blocks.reduce((n, b) => n + b.length, 0));
    expect(decodeArticleBlock(blocks[2])).toHaveLength(3);
  });

  it('take fewer bytes than the JSON lines', () => {
    const raw = articles.reduce((n, a) => n + Buffer.byteLength(JSON.stringify(a)) + 1, 0);
    expect(blockOffsets[3]).toBeLessThan(raw / 2);
  });
});
