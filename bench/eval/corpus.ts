// The shared evaluation data, read with the product's own reader so that each
// record becomes the Article the index builder would index.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { readJsonl } from '../../index-builder/read/jsonl';
import type { Article } from '../../lib/types';

export const HAMSHAHRI_FILE = 'hamshahri2-ir-subset.jsonl.gz';

/**
 * The folder holding corpus/ and eval/: the flag, else KAVOSH_SHARED, else
 * ../shared beside the project. Null when it does not hold both.
 */
export function resolveShared(projectRoot: string, flag?: string, env = process.env.KAVOSH_SHARED): string | null {
  const dir = path.resolve(flag ?? env ?? path.resolve(projectRoot, '..', 'shared'));
  const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
  return isDir(path.join(dir, 'corpus')) && isDir(path.join(dir, 'eval')) ? dir : null;
}

/** The corpus files (*.jsonl.gz) of shared/corpus, sorted by name. */
export function corpusFiles(shared: string): string[] {
  const dir = path.join(shared, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl.gz'))
    .sort()
    .map((f) => path.join(dir, f));
}

export interface LoadedFile {
  file: string;
  articles: Article[];
  rejects: { line?: number; reason: string }[];
  readMs: number;
}

/** Every article of one JSON Lines file, in file order, with the records the reader rejected. */
export async function loadFile(file: string): Promise<LoadedFile> {
  const started = performance.now();
  const articles: Article[] = [];
  const rejects: LoadedFile['rejects'] = [];
  for await (const outcome of readJsonl(file)) {
    if (outcome.ok) articles.push(outcome.article);
    else rejects.push({ line: outcome.line, reason: outcome.reason });
  }
  return { file, articles, rejects, readMs: performance.now() - started };
}
