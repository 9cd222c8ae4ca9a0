// A trend: several queries counted over the same Jalali periods under the same
// filters, beside the archive's own count per period (the share's
// denominator). Every count comes from the engine's one path (`query` with a
// period histogram); the totals are counted once per request.
import type { TrendsResponse } from '../types';
import { formatJalaliKey } from '../jalali';
import type { SearchEngine } from './engine';
import { ParamError, type TrendsParams } from './params';
import { QueryTooCostlyError } from './query/cost';

export function trends(engine: SearchEngine, { queries, interval, filters }: TrendsParams): TrendsResponse {
  const { timeline, totals } = engine.periodTotals(filters, interval);
  const periods = (timeline?.periods ?? []).map((p, i) => ({
    key: p.key,
    label: p.label,
    start: formatJalaliKey(p.start),
    end: formatJalaliKey(p.end),
    startIso: p.startIso,
    endIso: p.endIso,
    total: totals[i],
  }));
  const series = queries.map((q, i) => {
    const { hits, periods: counted } = queryNamed(i, () => engine.query({ ...filters, q }, timeline ? { periods: timeline } : {}));
    return { q, counts: counted ? Array.from(counted.counts) : [], matched: hits.length, undated: counted?.undated ?? hits.length };
  });
  return { interval: timeline?.interval ?? interval ?? 'year', periods, series };
}

/** A query refused as too costly, said with its place among the trend's queries. */
function queryNamed<T>(i: number, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof QueryTooCostlyError) throw new ParamError('q', `q: query ${i + 1}: ${e.message.replace(/^q: /, '')}`);
    throw e;
  }
}
