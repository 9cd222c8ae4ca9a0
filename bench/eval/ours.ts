// Kavosh's own engine, exactly as the product builds it in memory.
import { SearchEngine } from '../../lib/search/engine';
import { analyze } from '../../lib/persian/analyze';
import { rankingWeights, type RankingWeights } from '../../lib/search/score/weights';
import type { Ranker, System } from './ranker';

/**
 * `--weights k1=1.4,title=0.5`: ranking weights over the defaults, so a sweep
 * runs the evaluation once per setting. A bad name or value names the flag.
 */
export function parseWeights(text: string | undefined): Partial<RankingWeights> {
  if (!text) return {};
  const out: Partial<RankingWeights> = {};
  for (const pair of text.split(',')) {
    const [name, value] = pair.split('=');
    if (!(name in rankingWeights()) || value === undefined || value.trim() === '' || !Number.isFinite(Number(value))) {
      throw new Error(`--weights: expected name=number pairs (${Object.keys(rankingWeights()).join(', ')}), got "${pair}"`);
    }
    out[name as keyof RankingWeights] = Number(value);
  }
  rankingWeights(out);
  return out;
}

export const kavosh: System = kavoshWith({});

export function kavoshWith(weights: Partial<RankingWeights>): System {
  const changed = Object.entries(weights).map(([k, v]) => `${k}=${v}`).join(', ');
  return {
  name: 'kavosh',
  describe: `SearchEngine.fromArticles + engine.rank (match=all: every term; match=any: one is enough)${changed ? `; weights ${changed}` : ''}`,
  build(articles): Ranker {
    const engine = SearchEngine.fromArticles(articles, { weights });
    return {
      rank: (q, { match, limit }) => engine.rank(q, { match, limit }),
      // The engine answers an empty query with every article; for the
      // evaluation a query the analyzer leaves nothing of finds nothing.
      isEmptyQuery: (q) => analyze(q).length === 0,
    };
  },
};
}
