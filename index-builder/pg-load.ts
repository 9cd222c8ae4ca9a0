// What `npm run db:load` reads: the builder's readers and rejects, and the
// builder's source names (the built-in table of Iranian outlets, plus
// `--source-aliases`), so that the database's sources, and so its source
// facet, are the file index's for the same input files.
import type { Article } from '../lib/types';
import { readArticles } from './read/files';
import type { ReadReject } from './read/types';
import { SourceAliases } from './source-aliases';

export async function* loadableArticles(
  inputs: readonly string[],
  { aliases = new SourceAliases(), onReject }: { aliases?: SourceAliases; onReject: (reject: ReadReject) => void },
): AsyncGenerator<Article> {
  for await (const r of readArticles(inputs)) {
    if (r.ok) yield aliases.apply(r.article);
    else onReject(r);
  }
}
