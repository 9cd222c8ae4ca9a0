// Writes an index directory so that readers never see half of one: everything
// goes to a fresh sibling directory that is swapped in only when complete.
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Index } from 'flexsearch';
import type { Article } from '../lib/types';
import type { IndexData } from '../lib/search/index-data';
import { metaOf } from '../lib/search/article-store';
import type { ArticleHashes } from './diff';
import {
  ARTICLE_OFFSETS_FILE,
  ARTICLES_FILE,
  HASHES_FILE,
  META_FILE,
  BINARY_FILES,
  FLEX_DIR,
  INDEX_FORMAT,
  MANIFEST_FILE,
  VOCABULARY_FILE,
  type IndexManifest,
} from '../lib/search/layout';
import type { ReadReject } from './read/types';

export const REJECTS_FILE = 'rejects.jsonl';

export interface IndexContents {
  articles: readonly Article[];
  data: IndexData;
  /** Content hash per article id, computed once by the build (it also diffs with them). */
  hashes: ArticleHashes;
  rejects: readonly ReadReject[];
}

function flexExport(index: Index): { key: string; data: string }[] {
  const parts: { key: string; data: string }[] = [];
  // With a callback that returns nothing, a plain Index exports synchronously.
  index.export((key: string, data: string) => {
    parts.push({ key, data });
  });
  return parts;
}

function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** Articles as JSON Lines with the byte offset of each line, their meta and their content hashes. */
async function writeArticles(dir: string, articles: readonly Article[], hashes: ArticleHashes): Promise<void> {
  const offsets = new Float64Array(articles.length + 1);
  const handle = await open(path.join(dir, ARTICLES_FILE), 'w');
  try {
    let at = 0;
    let batch: Buffer[] = [];
    let batchBytes = 0;
    for (const [docId, article] of articles.entries()) {
      const line = Buffer.from(JSON.stringify(article) + '\n');
      offsets[docId] = at;
      at += line.length;
      batch.push(line);
      batchBytes += line.length;
      if (batchBytes > 1 << 22) {
        await handle.write(Buffer.concat(batch));
        batch = [];
        batchBytes = 0;
      }
    }
    if (batch.length) await handle.write(Buffer.concat(batch));
    offsets[articles.length] = at;
  } finally {
    await handle.close();
  }
  await writeFile(path.join(dir, ARTICLE_OFFSETS_FILE), bytesOf(offsets));
  await writeFile(path.join(dir, META_FILE), JSON.stringify(metaOf(articles)));
  await writeFile(path.join(dir, HASHES_FILE), JSON.stringify(Object.fromEntries(hashes)));
}

export async function writeIndexDir(out: string, contents: IndexContents): Promise<void> {
  const target = path.resolve(out);
  const staging = `${target}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await mkdir(path.join(staging, FLEX_DIR), { recursive: true });
    const { data } = contents;
    const parts = flexExport(data.index);
    const manifest: IndexManifest = {
      format: INDEX_FORMAT,
      articleCount: contents.articles.length,
      vocabularySize: data.vocabulary.length,
      flex: parts.map((p, i) => ({ key: p.key, file: `${String(i).padStart(3, '0')}-${p.key}.json` })),
    };
    for (const [i, part] of parts.entries()) {
      await writeFile(path.join(staging, FLEX_DIR, manifest.flex[i].file), part.data);
    }
    await writeArticles(staging, contents.articles, contents.hashes);
    await writeFile(path.join(staging, VOCABULARY_FILE), JSON.stringify(data.vocabulary));
    for (const [name, file] of Object.entries(BINARY_FILES)) {
      await writeFile(path.join(staging, file), bytesOf(data[name as keyof typeof BINARY_FILES]));
    }
    await writeFile(path.join(staging, REJECTS_FILE), contents.rejects.map((r) => JSON.stringify(r) + '\n').join(''));
    // The manifest last: a directory without one is not an index.
    await writeFile(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  const retired = `${target}.old-${process.pid}`;
  let hadPrevious = true;
  try {
    await rename(target, retired);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    hadPrevious = false;
  }
  await rename(staging, target);
  if (hadPrevious) await rm(retired, { recursive: true, force: true });
}
