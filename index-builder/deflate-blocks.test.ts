import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { articleWith } from '../lib/article';
import type { Article } from '../lib/types';
import { ARTICLES_PER_BLOCK, decodeArticleBlock, encodeArticleBlocks } from '../lib/search/article-blocks';
import { encodeArticleBlocksAside } from './deflate-blocks';

const article = (i: number): Article =>
  articleWith({
    id: `a${i}`,
    title: `گزارش شماره ${i}`,
    body: [`بند نخست خبر ${i} درباره همکاری‌های دو کشور.`, 'بند دوم'.repeat(1 + (i % 7))],
    jalali: { year: 1402, month: 1 + (i % 12), day: 1 + (i % 28) },
    source: 'ایرنا',
  });

// 1,501 articles: several batches of blocks for the workers, and a last block of one article.
const articles = Array.from({ length: 1501 }, (_, i) => article(i));
const lineOf = (d: number) => JSON.stringify(articles[d]);

describe('deflating the article blocks on worker threads', () => {
  it('gives the bytes, offsets and slots of deflating on this thread', async () => {
    const here = encodeArticleBlocks(articles);
    const aside = await encodeArticleBlocksAside(articles.length, lineOf, undefined, 2);
    expect(Buffer.concat(aside.blocks).equals(Buffer.concat(here.blocks))).toBe(true);
    expect(aside.blockOffsets).toEqual(here.blockOffsets);
    expect(aside.slots).toEqual(here.slots);
  });

  it('keeps a block the earlier index gives as it is, and compresses the others', async () => {
    // Compressed otherwise than the builder would: only kept bytes come out like this.
    const lines = [12, 13, 14, 15].map(lineOf).join('\n');
    const earlier = deflateRawSync(Buffer.from(lines), { level: 9 });
    expect(earlier.equals(encodeArticleBlocks(articles).blocks[3])).toBe(false);
    const aside = await encodeArticleBlocksAside(articles.length, lineOf, (first) => (first === 3 * ARTICLES_PER_BLOCK ? earlier : null), 2);
    expect(Buffer.from(aside.blocks[3]).equals(earlier)).toBe(true);
    expect(aside.blockOffsets[4] - aside.blockOffsets[3]).toBe(earlier.length);
    expect(decodeArticleBlock(aside.blocks[4]).map((line) => JSON.parse(line).id)).toEqual(['a16', 'a17', 'a18', 'a19']);
  });

  it('deflates on this thread when asked for no threads, to the same bytes', async () => {
    const here = encodeArticleBlocks(articles.slice(0, 40));
    const noThreads = await encodeArticleBlocksAside(40, lineOf, undefined, 0);
    expect(Buffer.concat(noThreads.blocks).equals(Buffer.concat(here.blocks))).toBe(true);
  });
});
