// Where the engine gets articles. Facets, filters and sorting need a few fields
// of every article (the meta, held in memory); snippets and the article page
// need the whole text of a few. On disk, the text stays in the file and is read
// by offset when asked, so a server loads 100,000 articles without parsing them.
import { closeSync, openSync, readSync } from 'node:fs';
import type { Article } from '../types';
import { jalaliDayNumber } from '../jalali';

/** What the engine keeps of every article, as parallel arrays by docId. */
export interface ArticleMeta {
  ids: string[];
  /** Jalali day key yyyymmdd, 0 when undated. */
  dayKeys: number[];
  publishedAt: (string | null)[];
  sources: (string | null)[];
  tags: string[][];
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

/** Articles in a JSON Lines file, read one by one through their byte offsets. */
export class FileStore implements ArticleStore {
  private readonly fd: number;
  private readonly cache = new Map<number, Article>();

  constructor(
    private readonly file: string,
    /** Byte offset of each article's line, and the file's length last. */
    private readonly offsets: Float64Array,
    readonly meta: ArticleMeta,
  ) {
    this.fd = openSync(file, 'r');
  }

  get size() {
    return this.offsets.length - 1;
  }

  get(docId: number): Article {
    const hit = this.cache.get(docId);
    if (hit) return hit;
    const start = this.offsets[docId];
    const length = this.offsets[docId + 1] - start;
    const buffer = Buffer.allocUnsafe(length);
    // A few kilobytes from the page cache: reading synchronously keeps the
    // search core synchronous, and costs microseconds per result.
    let read = 0;
    while (read < length) read += readSync(this.fd, buffer, read, length - read, start + read);
    const article = JSON.parse(buffer.toString('utf8')) as Article;
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(docId, article);
    return article;
  }

  close(): void {
    closeSync(this.fd);
  }

  toString() {
    return `FileStore(${this.file})`;
  }
}
