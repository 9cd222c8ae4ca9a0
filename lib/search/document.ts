// How an article becomes indexed text. Title and body are one text (a query's
// words may be split between them); the title comes first so its words land in
// FlexSearch's first slot and rank higher.
import type { Index } from 'flexsearch';
import type { Article } from '../types';
import { analyze } from '../persian/analyze';

export function indexTermsOf(article: Pick<Article, 'title' | 'body'>): string[] {
  const terms: string[] = [];
  for (const text of [article.title, ...article.body]) {
    for (const token of analyze(text, { pieces: true })) terms.push(token.term);
  }
  return terms;
}

export function addArticle(index: Index, docId: number, article: Article): void {
  const terms = indexTermsOf(article);
  if (terms.length > 0) index.add(docId, terms.join(' '));
}
