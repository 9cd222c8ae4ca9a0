// `npm run bench:ab`: this checkout's engine against another checkout's (an
// older commit) in one process, on the 100k bench index, query by query in
// turn and in alternating order, so both see the same machine at the same
// moment: steadier on a shared 2-core machine than two runs of bench:query.
//
//   git worktree add ../kavosh-base <commit> && ln -s "$PWD/node_modules" ../kavosh-base/
//   npm run bench:ab -- --base ../kavosh-base [--types word-common,typing] [--rounds 5]
//
// The index (bench/.cache/index-100k, made by `npm run bench:query`) must be
// one both engines read: the index format must not differ between them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadEngine } from '../../lib/search/load';
import { parseSearchParams } from '../../lib/search/params';
import { INDEX_DIR } from './paths';
import { benchParams, readQueryMix } from './queries';
import { percentiles } from './stats';

const { values } = parseArgs({ options: { base: { type: 'string' }, types: { type: 'string' }, rounds: { type: 'string', default: '5' } } });
if (!values.base || !existsSync(path.join(values.base, 'lib', 'search', 'load.ts'))) {
  console.error('bench:ab: --base <dir> must be another checkout of Kavosh (a git worktree of the commit to compare with)');
  process.exit(2);
}
if (!existsSync(path.join(INDEX_DIR, 'manifest.json'))) {
  console.error(`bench:ab: no index at ${INDEX_DIR}: run npm run bench:query once to make it`);
  process.exit(1);
}
type Engine = { search(params: unknown): unknown };
const base = (await import(pathToFileURL(path.resolve(values.base, 'lib', 'search', 'load.ts')).href)) as { loadEngine(dir: string): Promise<Engine> };
const engines: [string, Engine][] = [
  ['base', await base.loadEngine(INDEX_DIR)],
  ['this', (await loadEngine(INDEX_DIR)) as Engine],
];
const types = values.types?.split(',');
const queries = readQueryMix().queries.filter((q) => !types || types.includes(q.type));
const times = new Map<string, number[]>(engines.map(([name]) => [name, []]));
const rounds = Number(values.rounds);
for (let r = 0; r < rounds; r++) {
  for (const q of queries) {
    const params = parseSearchParams(benchParams(q));
    for (const [name, engine] of r % 2 ? [...engines].reverse() : engines) {
      const started = performance.now();
      try {
        engine.search(params);
      } catch {
        // a refused query costs both the same
      }
      times.get(name)!.push(performance.now() - started);
    }
  }
}
const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
const [b, t] = [percentiles(times.get('base')!), percentiles(times.get('this')!)];
console.log(`bench:ab: ${queries.length} queries${types ? ` (${types.join(', ')})` : ''} × ${rounds} rounds, each sent to both engines in turn`);
console.log(`  base ${values.base}: p50 ${b.p50.toFixed(2)} ms, p95 ${b.p95.toFixed(2)} ms, total ${(sum(times.get('base')!) / 1000).toFixed(2)} s`);
console.log(`  this checkout:  p50 ${t.p50.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms, total ${(sum(times.get('this')!) / 1000).toFixed(2)} s`);
console.log(`  this / base: p50 ${(t.p50 / b.p50).toFixed(3)}×, p95 ${(t.p95 / b.p95).toFixed(3)}×, total ${(sum(times.get('this')!) / sum(times.get('base')!)).toFixed(3)}×`);
