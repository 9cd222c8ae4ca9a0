// What a build changes in the index it replaces: articles added, updated
// (same id, different content), removed (no longer in the input) and
// unchanged, compared by id and by a hash of each article's content. The
// incremental rebuild reads the same hashes to decide what to re-analyze.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../lib/types';
import { HASHES_FILE, MANIFEST_FILE } from '../lib/search/layout';

export interface ArticleDiff {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/** JSON with the keys of every object sorted, so equal articles hash equally whatever order their keys were written in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A hash of everything an article holds: equal hashes, equal articles. */
export function articleHash(article: Article): string {
  return createHash('sha256').update(canonicalJson(article)).digest('hex');
}

/** id → content hash of the articles of an index. */
export type ArticleHashes = ReadonlyMap<string, string>;

export function hashArticles(articles: readonly Article[]): Map<string, string> {
  return new Map(articles.map((a) => [a.id, articleHash(a)]));
}

/** Compares the articles about to be written with the previous index's (none: every article is added). */
export function diffArticles(previous: ArticleHashes | null, next: ArticleHashes): ArticleDiff {
  const diff: ArticleDiff = { added: 0, updated: 0, removed: 0, unchanged: 0 };
  for (const [id, hash] of next) {
    const before = previous?.get(id);
    if (before === undefined) diff.added++;
    else if (before === hash) diff.unchanged++;
    else diff.updated++;
  }
  for (const id of previous?.keys() ?? []) if (!next.has(id)) diff.removed++;
  return diff;
}

/**
 * The content hashes of the index in `dir`, or null when there is none: no
 * manifest (not an index), or articles that cannot be read (then the build
 * counts every article as added, which is what replacing it amounts to).
 */
export async function readPreviousHashes(dir: string): Promise<Map<string, string> | null> {
  try {
    JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8'));
    const hashes: unknown = JSON.parse(await readFile(path.join(dir, HASHES_FILE), 'utf8'));
    if (typeof hashes !== 'object' || hashes === null || Array.isArray(hashes)) return null;
    return new Map(Object.entries(hashes as Record<string, string>));
  } catch {
    return null;
  }
}
