// The build stage: read every input, index what is valid, report the rest.
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../lib/types';
import { buildIndexData } from '../lib/search/index-data';
import { readArticles } from './read/files';
import type { ReadReject } from './read/types';
import { writeIndexDir } from './write';

export interface BuildOptions {
  inputs: string[];
  out: string;
}

export interface BuildSummary {
  files: number;
  records: number;
  indexed: number;
  rejected: number;
  /** Ids met more than once; the later record replaced the earlier one. */
  replaced: { id: string; file: string; line?: number }[];
  rejects: ReadReject[];
  ms: number;
}

/** A problem that stops the build; the previous index is left as it was. */
export class BuildError extends Error {}

export async function buildIndex({ inputs, out }: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const outParent = path.dirname(path.resolve(out));
  try {
    await mkdir(outParent, { recursive: true });
    await access(outParent, 2 /* W_OK */);
  } catch (e) {
    throw new BuildError(`cannot write the index to ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }

  const byId = new Map<string, Article>();
  const files = new Set<string>();
  const rejects: ReadReject[] = [];
  const replaced: BuildSummary['replaced'] = [];
  let records = 0;
  try {
    for await (const outcome of readArticles(inputs)) {
      files.add(outcome.file);
      records++;
      if (!outcome.ok) {
        const { ok: _ok, ...reject } = outcome;
        rejects.push(reject);
        continue;
      }
      const { article } = outcome;
      if (byId.has(article.id)) {
        replaced.push({ id: article.id, file: outcome.file, line: outcome.line });
        byId.delete(article.id); // the later record takes the later position too
      }
      byId.set(article.id, article);
    }
  } catch (e) {
    throw new BuildError((e as Error).message);
  }
  if (byId.size === 0) {
    throw new BuildError(
      `no articles to index in ${inputs.join(', ')} (${records} records read, ${rejects.length} rejected): the existing index was left untouched`,
    );
  }

  const articles = [...byId.values()];
  await writeIndexDir(out, { articles, data: buildIndexData(articles), rejects });

  return {
    files: files.size,
    records,
    indexed: articles.length,
    rejected: rejects.length,
    replaced,
    rejects,
    ms: Math.round(performance.now() - started),
  };
}
