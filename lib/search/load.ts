// Reads a built index directory into a SearchEngine.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../types';
import { createFlexIndex } from './flex';
import { SearchEngine } from './engine';
import { ARTICLES_FILE, FLEX_DIR, INDEX_FORMAT, MANIFEST_FILE, type IndexManifest } from './layout';

export class IndexLoadError extends Error {}

export async function loadEngine(dir: string): Promise<SearchEngine> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as IndexManifest;
  } catch (e) {
    throw new IndexLoadError(
      `no search index at ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): build one with \`npm run index -- --out ${dir}\``,
    );
  }
  if (manifest.format !== INDEX_FORMAT) {
    throw new IndexLoadError(`${manifestPath}: index format ${manifest.format}, this server reads ${INDEX_FORMAT}: rebuild the index`);
  }
  const [articlesText, ...flexTexts] = await Promise.all([
    readFile(path.join(dir, ARTICLES_FILE), 'utf8'),
    ...manifest.flex.map((f) => readFile(path.join(dir, FLEX_DIR, f.file), 'utf8')),
  ]);
  const articles = JSON.parse(articlesText) as Article[];
  if (articles.length !== manifest.articleCount) {
    throw new IndexLoadError(`${dir}: manifest lists ${manifest.articleCount} articles, ${ARTICLES_FILE} holds ${articles.length}`);
  }
  const index = createFlexIndex();
  // FlexSearch's import is synchronous for a plain Index; reg must come before map.
  manifest.flex.forEach((f, i) => index.import(f.key, flexTexts[i]));
  return new SearchEngine(articles, index);
}
