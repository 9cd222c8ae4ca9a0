// Articles made in code rather than read from files: tests, and the
// evaluation's made-up documents.
import type { Article } from './types';

/** An article with the fields given and every other field empty. */
export function articleWith(fields: Pick<Article, 'id' | 'title' | 'body'> & Partial<Article>): Article {
  return { publishedAt: null, jalali: null, source: null, tags: [], url: null, dateline: null, agency: null, category: null, ...fields };
}
