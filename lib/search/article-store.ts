// Where the engine gets articles. Facets, filters and sorting need a few fields
// of every article (the meta, held in memory); snippets and the article page
// need the whole text of a few. On disk, the text stays in the file and is read
// block by block when asked, so a server loads 100,000 articles without parsing them.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Article } from '../types';
import { jalaliDayNumber } from '../jalali';
import { ARTICLES_PER_BLOCK, inflateArticleBlock, lineOf } from './article-blocks';
import { facetKey } from './facet-field';
import { IndexLoadError } from './index-load-error';

/** What the engine keeps of every article, as parallel arrays by docId. */
export interface ArticleMeta {
  ids: string[];
  /** Jalali day key yyyymmdd, 0 when undated. */
  dayKeys: number[];
  publishedAt: (string | null)[];
  sources: (string | null)[];
  tags: string[][];
  /**
   * Each source and tag value with its facet key (lib/search/facet-field.ts),
   * written by the builder: a server would otherwise analyze every distinct
   * value as it starts (6,427 tags took 270 ms of a cold start).
   */
  facetKeys?: [string, string][];
  /**
   * The source names the builder's alias table renamed, each with the source it
   * became («khabaronline.ir» → «خبرآنلاین»): a filter or an old link naming
   * the outlet as the archive wrote it finds the outlet's articles.
   */
  sourceNames?: [asWritten: string, source: string][];
}

export interface ArticleStore {
  readonly size: number;
  readonly meta: ArticleMeta;
  get(docId: number): Article;
}

export function metaOf(articles: readonly Article[]): ArticleMeta {
  return {
    ids: articles.map((a) => a.id),
    dayKeys: articles.map((a) => (a.jalali ? jalaliDayNumber(a.jalali) : 0)),
    publishedAt: articles.map((a) => a.publishedAt),
    sources: articles.map((a) => a.source),
    tags: articles.map((a) => a.tags),
  };
}

/** The meta as the index stores it: with the facet key of every source and tag value. */
export function withFacetKeys(meta: ArticleMeta): ArticleMeta {
  const keys = new Map<string, string>();
  const add = (value: string) => keys.has(value) || keys.set(value, facetKey(value));
  for (const source of meta.sources) if (source !== null) add(source);
  for (const tags of meta.tags) for (const tag of tags) add(tag);
  return { ...meta, facetKeys: [...keys] };
}

export class MemoryStore implements ArticleStore {
  readonly meta: ArticleMeta;
  constructor(private readonly articles: readonly Article[]) {
    this.meta = metaOf(articles);
  }
  get size() {
    return this.articles.length;
  }
  get(docId: number): Article {
    return this.articles[docId];
  }
}

const CACHE_SIZE = 512;
/** Blocks kept inflated: an export walking articles in date order meets each block four times in a row. */
const BLOCK_CACHE_SIZE = 32;

/** Articles in deflated blocks (lib/search/article-blocks.ts), read through their offsets. */
export class FileStore implements ArticleStore {
  private readonly fd: number;
  private readonly cache = new Map<number, Article>();
  private readonly blockCache = new Map<number, Buffer>();

  constructor(
    private readonly file: string,
    /** Byte offset of each block, and the file's length last. */
    private readonly blockOffsets: Float64Array,
    /** Per docId: block × ARTICLES_PER_BLOCK + line. */
    private readonly slots: Uint32Array,
    readonly meta: ArticleMeta,
  ) {
    this.fd = openSync(file, 'r');
  }

  get size() {
    return this.slots.length;
  }

  get(docId: number): Article {
    const hit = this.cache.get(docId);
    if (hit) return hit;
    const slot = this.slots[docId];
    const block = Math.floor(slot / ARTICLES_PER_BLOCK);
    let article: Article;
    try {
      article = JSON.parse(lineOf(this.block(block), slot % ARTICLES_PER_BLOCK)) as Article;
    } catch (e) {
      if (e instanceof IndexLoadError) throw e;
      throw new IndexLoadError(`${this.file}: article ${docId} in block ${block} is not JSON (${(e as Error).message}): rebuild the index`);
    }
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(docId, article);
    return article;
  }

  private block(b: number): Buffer {
    const hit = this.blockCache.get(b);
    if (hit) return hit;
    const start = this.blockOffsets[b];
    const length = this.blockOffsets[b + 1] - start;
    const buffer = Buffer.allocUnsafe(length);
    // A few kilobytes from the page cache: reading synchronously keeps the
    // search core synchronous, and costs microseconds per result.
    let read = 0;
    while (read < length) {
      const n = readSync(this.fd, buffer, read, length - read, start + read);
      if (n === 0) throw new IndexLoadError(`${this.file}: ends inside block ${b} (a partial copy?): rebuild the index`);
      read += n;
    }
    let inflated: Buffer;
    try {
      inflated = inflateArticleBlock(buffer);
    } catch (e) {
      throw new IndexLoadError(`${this.file}: block ${b} does not inflate (${(e as Error).message}): rebuild the index`);
    }
    if (this.blockCache.size >= BLOCK_CACHE_SIZE) this.blockCache.delete(this.blockCache.keys().next().value as number);
    this.blockCache.set(b, inflated);
    return inflated;
  }

  close(): void {
    closeSync(this.fd);
  }

  toString() {
    return `FileStore(${this.file})`;
  }
}
