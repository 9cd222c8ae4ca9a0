// Writes an index directory so that readers never see half of one: everything
// goes to a fresh sibling directory that is swapped in only when complete.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Index } from 'flexsearch';
import type { Article } from '../lib/types';
import type { IndexData } from '../lib/search/index-data';
import {
  ARTICLES_FILE,
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
    await writeFile(path.join(staging, ARTICLES_FILE), JSON.stringify(contents.articles));
    await writeFile(path.join(staging, VOCABULARY_FILE), JSON.stringify(data.vocabulary));
    for (const [name, file] of Object.entries(BINARY_FILES)) {
      const array = data[name as keyof typeof BINARY_FILES];
      await writeFile(path.join(staging, file), new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
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
