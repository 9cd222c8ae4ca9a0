// `npm run bench:trends`: the engine time of one trends request at 100,000
// articles: 8 queries of the bench mix (bench/query/queries.json, as submitted
// searches, without their own dates) by month over the whole range, for 30
// different sets of 8 drawn with a fixed seed. The unfiltered totals per month
// are counted on the first request and kept by the engine (that first request
// is reported apart); each set is then asked --rounds times in turn.
//
//   npm run bench:trends [-- --sets 30 --rounds 3 --interval month]
//
// The index is bench/.cache/index-100k (`npm run bench:query` makes it).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEngine } from '../../lib/search/load';
import { parseTrendsParams } from '../../lib/search/params';
import { trends } from '../../lib/search/trends';
import { mulberry32, shuffled } from '../eval/sample';
import { INDEX_DIR } from '../query/paths';
import { readQueryMix } from '../query/queries';
import { msText, percentiles } from '../query/stats';

const { values } = parseArgs({ options: { sets: { type: 'string', default: '30' }, rounds: { type: 'string', default: '3' }, interval: { type: 'string', default: 'month' } } });
const [sets, rounds] = [Number(values.sets), Number(values.rounds)];
if (!Number.isInteger(sets) || sets < 1 || !Number.isInteger(rounds) || rounds < 1) {
  console.error('bench:trends: --sets and --rounds take a whole number ≥ 1');
  process.exit(2);
}
if (!existsSync(path.join(INDEX_DIR, 'manifest.json'))) {
  console.error(`bench:trends: no index at ${INDEX_DIR}: run npm run bench:query once to make it`);
  process.exit(1);
}
const engine = await loadEngine(INDEX_DIR);
const params = (queries: string[]) => parseTrendsParams(new URLSearchParams([...queries.map((q) => ['q', q]), ['interval', values.interval!]]));

// Queries the engine refuses as too costly would make a request a 400, not a trend.
const pool = [...new Set(readQueryMix().queries.map((q) => q.q.trim()))].filter((q) => {
  try {
    engine.count({ ...params([q]).filters, q });
    return true;
  } catch {
    return false;
  }
});
const rng = mulberry32(16);
const chosen = Array.from({ length: sets }, () => shuffled(pool, rng).slice(0, 8));

let started = performance.now();
const first = trends(engine, params(chosen[0]));
const firstMs = performance.now() - started;
const times: number[] = [];
let matched = 0;
const inexact: string[] = [];
for (let r = 0; r < rounds; r++) {
  for (const set of chosen) {
    const request = params(set);
    started = performance.now();
    const answer = trends(engine, request);
    times.push(performance.now() - started);
    if (r > 0) continue;
    matched += answer.series.reduce((s, x) => s + x.matched, 0);
    // Exact, never sampled: every match is in one period or undated.
    for (const x of answer.series) if (x.counts.reduce((a, b) => a + b, 0) + x.undated !== x.matched) inexact.push(x.q);
  }
}
const p = percentiles(times);
console.log(`bench:trends: ${engine.size.toLocaleString('en-US')} articles, ${first.periods.length} ${first.interval} periods (${first.periods[0]?.key}..${first.periods.at(-1)?.key}), ${sets} sets of 8 queries × ${rounds} rounds`);
console.log(`  first request (counts the archive's totals per period too): ${msText(firstMs)} ms`);
console.log(`  one trends request: p50 ${msText(p.p50)} ms, p95 ${msText(p.p95)} ms, max ${msText(p.max)} ms (target ≤ 100 ms p50)`);
const dated = engine.query({ ...params(['x']).filters, q: '' }).hits.length;
const totals = first.periods.reduce((a, p) => a + p.total, 0);
console.log(`  periods' totals: ${totals.toLocaleString('en-US')} articles (the archive's dated ones; ${(dated - totals).toLocaleString('en-US')} undated)`);
if (inexact.length > 0) {
  console.error(`bench:trends: the counts of ${inexact.length} series do not add up to their matches: ${inexact.slice(0, 3).join(' | ')}`);
  process.exitCode = 1;
}
console.log(`  matches counted per request: ${Math.round(matched / sets).toLocaleString('en-US')} on average`);
