// For the Postgres tests: the bundled sample articles read as db:load reads
// them (the builder's readers and source names), and the file backend over the
// same articles, so both backends hold the same archive.
import type { Article } from '../types';
import { loadableArticles } from '../../index-builder/pg-load';
import { SearchEngine } from '../search/engine';

export async function bundledSample(): Promise<{ articles: Article[]; engine: SearchEngine }> {
  const articles: Article[] = [];
  for await (const a of loadableArticles(['data/articles'], { onReject: (r) => { throw new Error(`the bundled sample has a bad record: ${r.reason}`); } })) articles.push(a);
  return { articles, engine: SearchEngine.fromArticles(articles) };
}
