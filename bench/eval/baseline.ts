// The baseline: FlexSearch 0.8 as a newcomer would use it, with its default
// encoder and tokenizer ('strict'), title and body as two fields of a Document.
//
// Ranking: `search(q, { limit, merge: true })` answers each field's ids in
// FlexSearch's own order (limit per field), and `merge` concatenates them
// title field first, dropping ids already listed. The first `limit` ids of
// that list are the run.
// match=all is FlexSearch's default (every query word must match in one
// field); match=any has no exact FlexSearch equivalent: `suggest: true`, its
// relaxed mode that also returns partial matches, stands in for it.
import { Document, Encoder } from 'flexsearch';
import type { Ranker, System } from './ranker';

interface Doc {
  id: string;
  title: string;
  body: string;
  [key: string]: string;
}

export const flexsearchDefault: System = {
  name: 'flexsearch-default',
  describe: "Document{title, body}, default Encoder, tokenize 'strict'; merge:true (title hits first); any = suggest:true",
  build(articles): Ranker {
    const index = new Document<Doc>({ document: { id: 'id', index: ['title', 'body'] } });
    for (const a of articles) index.add({ id: a.id, title: a.title, body: a.body.join('\n') });
    // The encoder a Document field gets when none is given.
    const encoder = new Encoder();
    return {
      rank(q, { match, limit }) {
        const merged = index.search(q, { limit, merge: true, suggest: match === 'any' }) as unknown as { id: string | number }[];
        return merged.slice(0, limit).map((r) => String(r.id));
      },
      isEmptyQuery: (q) => (encoder.encode(q) as string[]).length === 0,
    };
  },
};
