// Kavosh's own engine, exactly as the product builds it in memory.
import { SearchEngine } from '../../lib/search/engine';
import { analyze } from '../../lib/persian/analyze';
import type { Ranker, System } from './ranker';

export const kavosh: System = {
  name: 'kavosh',
  describe: 'SearchEngine.fromArticles + engine.rank (match=all: every term; match=any: one is enough)',
  build(articles): Ranker {
    const engine = SearchEngine.fromArticles(articles);
    return {
      rank: (q, { match, limit }) => engine.rank(q, { match, limit }),
      // The engine answers an empty query with every article; for the
      // evaluation a query the analyzer leaves nothing of finds nothing.
      isEmptyQuery: (q) => analyze(q).length === 0,
    };
  },
};
