// Diagnostic, not part of `npm run bench:query`: where engine.search spends its
// time, per query type, by wrapping the engine's (private) methods with timers.
// It depends on the names of SearchEngine's internals at the time of writing
// (match, scoreGroup, select, ordered, plan, …); methods that no longer exist
// are reported and skipped. Time is exclusive (a method's own time, its
// wrapped callees' time excluded); "search (rest)" is parsing, highlighting,
// snippets and building the response.
//   node --import tsx bench/query/breakdown.ts [--types natural,phrase] [--repeat 1]
import { parseArgs } from 'node:util';
import { loadEngine } from '../../lib/search/load';
import { SearchEngine } from '../../lib/search/engine';
import { parseSearchParams } from '../../lib/search/params';
import type { ParsedQuery } from '../../lib/search/query';
import { INDEX_DIR } from './paths';
import { benchParams as paramsOf, readQueryMix, type BenchQuery } from './queries';

const METHODS = [
  'search',
  'select',
  'match',
  'withCompounds',
  'scoreGroup',
  'phraseMatches',
  'variants',
  'addProximity',
  'withoutExcluded',
  'ordered',
  'plan',
] as const;

const { values } = parseArgs({ options: { types: { type: 'string' }, repeat: { type: 'string', default: '1' } } });
const types = values.types?.split(',');

type Proto = Record<string, (...args: unknown[]) => unknown>;
const proto = SearchEngine.prototype as unknown as Proto;
const missing = METHODS.filter((m) => typeof proto[m] !== 'function');

// Exclusive timers with a call stack.
let table = new Map<string, { ms: number; calls: number }>();
const everything = new Map<string, { ms: number; calls: number }>();
const stack: { name: string; started: number; child: number }[] = [];
let currentQuery: ParsedQuery | null = null;

function account(name: string, ms: number) {
  for (const t of [table, everything]) {
    const row = t.get(name) ?? { ms: 0, calls: 0 };
    row.ms += ms;
    row.calls++;
    t.set(name, row);
  }
}

for (const name of METHODS) {
  const original = proto[name];
  if (typeof original !== 'function') continue;
  proto[name] = function (this: unknown, ...args: unknown[]) {
    let label: string = name;
    if (name === 'match') currentQuery = args[0] as ParsedQuery;
    if (name === 'scoreGroup' && currentQuery) {
      const group = args[0] as unknown[];
      if (currentQuery.excluded.includes(group[0] as never)) label = 'scoreGroup (excluded)';
      else if ((currentQuery as unknown as { optional?: unknown[][] }).optional?.includes(group as never)) label = 'scoreGroup (stop words)';
      else label = 'scoreGroup (required)';
    }
    const frame = { name: label, started: performance.now(), child: 0 };
    stack.push(frame);
    try {
      return original.apply(this, args);
    } finally {
      stack.pop();
      const total = performance.now() - frame.started;
      account(label, total - frame.child);
      if (stack.length > 0) stack[stack.length - 1].child += total;
    }
  };
}

// Calls only (timing each would cost more than the call): how many articles a phrase check reads.
let sequenceChecks = 0;
const hasSequence = proto.hasSequence;
if (typeof hasSequence === 'function') {
  proto.hasSequence = function (this: unknown, ...args: unknown[]) {
    sequenceChecks++;
    return hasSequence.apply(this, args);
  };
}
const checksByType = new Map<string, number>();

console.log(`loading ${INDEX_DIR} …`);
const engine = await loadEngine(INDEX_DIR);
const mix = readQueryMix();
const queries = mix.queries.filter((q) => !types || types.includes(q.type));
const byType = new Map<string, Map<string, { ms: number; calls: number }>>();
for (let r = 0; r < Number(values.repeat); r++) {
  for (const q of queries) {
    table = byType.get(q.type) ?? new Map();
    byType.set(q.type, table);
    const before = sequenceChecks;
    engine.search(parseSearchParams(paramsOf(q)));
    checksByType.set(q.type, (checksByType.get(q.type) ?? 0) + sequenceChecks - before);
  }
}
if (missing.length) console.log(`not found in SearchEngine (renamed?): ${missing.join(', ')}`);
for (const [type, rows] of [...byType, ['ALL', everything] as const]) {
  const all = [...rows].map(([name, r]) => ({ name: name === 'search' ? 'search (rest)' : name, ...r }));
  const sum = all.reduce((s, r) => s + r.ms, 0);
  const n = type === 'ALL' ? queries.length : queries.filter((q) => q.type === type).length;
  const checks = type === 'ALL' ? sequenceChecks : (checksByType.get(type) ?? 0);
  console.log(`\n${type}: ${n} queries × ${values.repeat}, ${sum.toFixed(0)} ms in search, ${checks.toLocaleString('en-US')} phrase checks (hasSequence)`);
  for (const r of all.sort((a, b) => b.ms - a.ms)) {
    console.log(`  ${((r.ms / sum) * 100).toFixed(1).padStart(5)}%  ${r.ms.toFixed(0).padStart(6)} ms  ${String(r.calls).padStart(6)} calls  ${r.name}`);
  }
}
