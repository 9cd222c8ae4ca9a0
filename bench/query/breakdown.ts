// Diagnostic, not part of `npm run bench:query`: where a search spends its
// time, per query type, by module. The core's public module methods (matching,
// phrases, expansion, proximity) are wrapped with timers while `engine.query`
// runs (the matches, facets and first page, no text); presenting (highlighting,
// snippets, forms, suggestions) is `engine.search`'s time beyond that. Time is
// exclusive: a method's own time, its wrapped callees' excluded; "collect" is
// what `engine.query` spends outside them (filters, facets, order).
//   node --import tsx bench/query/breakdown.ts [--types natural,phrase] [--repeat 1]
import { parseArgs } from 'node:util';
import { loadEngine } from '../../lib/search/load';
import { Matcher } from '../../lib/search/match/matcher';
import { PhraseMatcher } from '../../lib/search/match/phrase';
import { parseSearchParams } from '../../lib/search/params';
import { TermExpander } from '../../lib/search/query/expand';
import { ProximityBonus } from '../../lib/search/score/side-by-side';
import { IndexStore } from '../../lib/search/store/index-store';
import { INDEX_DIR } from './paths';
import { benchParams as paramsOf, readQueryMix } from './queries';

type Proto = Record<string, (...args: unknown[]) => unknown>;
const TIMED: [label: string, proto: object, method: string][] = [
  ['match', Matcher.prototype, 'match'],
  ['phrases', PhraseMatcher.prototype, 'matches'],
  ['expand: variants', TermExpander.prototype, 'variants'],
  ['expand: compounds', TermExpander.prototype, 'withCompounds'],
  ['expand: estimate', TermExpander.prototype, 'estimate'],
  ['proximity', ProximityBonus.prototype, 'add'],
];

const { values } = parseArgs({ options: { types: { type: 'string' }, repeat: { type: 'string', default: '1' } } });
const types = values.types?.split(',');

type Row = { ms: number; calls: number };
let table = new Map<string, Row>();
const everything = new Map<string, Row>();
const stack: { started: number; child: number }[] = [];

/** Off while the whole search runs again: only its presenting part is counted, by difference. */
let counting = true;

function account(name: string, ms: number, calls = 1) {
  if (!counting) return;
  for (const t of [table, everything]) {
    const row = t.get(name) ?? { ms: 0, calls: 0 };
    row.ms += ms;
    row.calls += calls;
    t.set(name, row);
  }
}

for (const [label, target, method] of TIMED) {
  const proto = target as Proto;
  const original = proto[method];
  if (typeof original !== 'function') throw new Error(`${label}: no method ${method} (renamed?)`);
  proto[method] = function (this: unknown, ...args: unknown[]) {
    const frame = { started: performance.now(), child: 0 };
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

// Counted, not timed (timing each would cost more than the call): how many articles a phrase check reads.
let sequenceChecks = 0;
const store = IndexStore.prototype as unknown as Proto;
const sequenceAt = store.sequenceAt;
store.sequenceAt = function (this: unknown, ...args: unknown[]) {
  sequenceChecks++;
  return sequenceAt.apply(this, args);
};

console.log(`loading ${INDEX_DIR} …`);
const engine = await loadEngine(INDEX_DIR);
const queries = readQueryMix().queries.filter((q) => !types || types.includes(q.type));
const byType = new Map<string, Map<string, Row>>();
const checksByType = new Map<string, number>();
for (let r = 0; r < Number(values.repeat); r++) {
  for (const q of queries) {
    table = byType.get(q.type) ?? new Map();
    byType.set(q.type, table);
    const before = sequenceChecks;
    const params = parseSearchParams(paramsOf(q));
    const frame = { started: performance.now(), child: 0 };
    stack.push(frame);
    try {
      engine.query(params, { facets: true, top: params.page * params.size });
    } catch {
      // A refused query (too costly) costs its expansion only.
    }
    stack.pop();
    const collected = performance.now() - frame.started;
    account('collect', collected - frame.child);
    checksByType.set(q.type, (checksByType.get(q.type) ?? 0) + sequenceChecks - before);
    const checked = sequenceChecks;
    // The same search whole; the rest of its time is presenting.
    counting = false;
    const started = performance.now();
    try {
      engine.search(params);
    } catch {
      // as above
    }
    const whole = performance.now() - started;
    counting = true;
    sequenceChecks = checked;
    account('present', Math.max(0, whole - collected));
  }
}
for (const [type, rows] of [...byType, ['ALL', everything] as const]) {
  const all = [...rows].map(([name, r]) => ({ name, ...r }));
  const sum = all.reduce((s, r) => s + r.ms, 0);
  const n = type === 'ALL' ? queries.length : queries.filter((q) => q.type === type).length;
  const checks = type === 'ALL' ? sequenceChecks : (checksByType.get(type) ?? 0);
  console.log(`\n${type}: ${n} queries × ${values.repeat}, ${sum.toFixed(0)} ms a search, ${checks.toLocaleString('en-US')} phrase checks`);
  for (const r of all.sort((a, b) => b.ms - a.ms)) {
    console.log(`  ${((r.ms / sum) * 100).toFixed(1).padStart(5)}%  ${r.ms.toFixed(0).padStart(6)} ms  ${String(r.calls).padStart(6)} calls  ${r.name}`);
  }
}
