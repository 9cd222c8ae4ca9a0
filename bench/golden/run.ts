// `npm run bench:golden`: every answer of the search core, recorded over the
// real corpus, so a refactoring of the core can show it changed none of them.
//
//   npm run bench:golden -- [--shared <dir>] --record <file.jsonl>
//   npm run bench:golden -- [--shared <dir>] --compare <file.jsonl>
//
// The index of shared/corpus (13,790 articles) is built once with the
// product's builder into bench/.cache/index-real. The questions are the bench
// query mix (bench/query/queries.json), each as a submitted search, and every
// fifth again with another match mode, order, page, filter or facet list; the
// article page of a top result; the export's order; and the evaluation's
// ranking. Each answer is written whole, as JSON, without `tookMs`. Record with
// the old code, compare with the new: the comparison prints how many answers
// are identical and the first differences, and exits 1 if any differ.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadEngine } from '../../lib/search/load';
import { parseSearchParams } from '../../lib/search/params';
import type { SearchEngine } from '../../lib/search/engine';
import { CACHE_DIR, PROJECT_ROOT, QUERIES_FILE, requireShared } from '../query/paths';
import { benchParams, readQueryMix } from '../query/queries';

const USAGE = 'usage: npm run bench:golden -- [--shared <dir>] (--record <file.jsonl> | --compare <file.jsonl>) [--rebuild]';
const INDEX = path.join(CACHE_DIR, 'index-real');

/** Questions beside the mix: typos, the Latin layout, an empty phrase, exclusions, fields. */
const EXTRA = [
  'پرسپولیسس',
  'احمدی نژاذ',
  'ceg,g]',
  'cgcgi',
  '""',
  'تهران -"تهران"',
  'title:"وزیر امور خارجه"',
  'رئیس جمهو',
  'بین المللی',
  'بینالمللی',
  'گفتوگو وزیران',
  'مسئول',
  'مسوول',
  'کتابی',
  'جنگ*',
  'ب*',
  'q'.repeat(100),
  'در '.repeat(400),
  'ایران OR عراق -سوریه',
  '"در این" "از این"',
];

interface Question {
  kind: 'search' | 'article' | 'export' | 'rank';
  params: Record<string, string>;
}

function questions(engine: SearchEngine): Question[] {
  const out: Question[] = [];
  const mix = readQueryMix(QUERIES_FILE).queries;
  const variations: Record<string, string>[] = [
    { match: 'any' },
    { sort: 'newest' },
    { sort: 'oldest', page: '2' },
    { more: 'source', size: '50' },
    { from: '1385', to: '1388-06', undated: 'include' },
  ];
  mix.forEach((q, i) => {
    const params = benchParams(q);
    out.push({ kind: 'search', params });
    if (i % 5 === 0) out.push({ kind: 'search', params: { ...params, ...variations[(i / 5) % variations.length] } });
    if (i % 10 === 0) out.push({ kind: 'rank', params: { q: q.q, match: i % 20 === 0 ? 'all' : 'any' } });
    if (i % 20 === 0) out.push({ kind: 'export', params: { q: q.q, sort: i % 40 === 0 ? 'relevance' : 'oldest' } });
  });
  for (const q of EXTRA) {
    out.push({ kind: 'search', params: { q } });
    out.push({ kind: 'search', params: { q, prefix: 'last', match: 'any' } });
  }
  // Filters by the values the archive has: the first page's source and tag of some searches.
  for (const q of mix.filter((_, i) => i % 25 === 3)) {
    const answer = engine.search(parseSearchParams(benchParams(q)));
    const source = answer.facets.sources[0]?.value;
    const tag = answer.facets.tags[0]?.value;
    if (source) out.push({ kind: 'search', params: { ...benchParams(q), source } });
    if (tag) out.push({ kind: 'search', params: { ...benchParams(q), tag, from: '1386' } });
    const top = answer.results[0]?.id;
    if (top) out.push({ kind: 'article', params: { id: top, q: q.q } });
  }
  return out;
}

function answer(engine: SearchEngine, question: Question): unknown {
  const { params } = question;
  try {
    switch (question.kind) {
      case 'search': {
        const { tookMs: _took, ...rest } = engine.search(parseSearchParams(params));
        return rest;
      }
      case 'article':
        return engine.article(params.id, params.q);
      case 'export': {
        const { total, rows } = engine.exportable(parseSearchParams(params));
        const ids: string[] = [];
        for (const row of rows) ids.push(row.id);
        return { total, ids };
      }
      case 'rank':
        return engine.rank(params.q, { match: params.match as 'all' | 'any', limit: 100 });
    }
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** The first key path where two JSON values differ. */
function firstDifference(a: unknown, b: unknown, at = ''): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${at || '.'}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
    if (found) return found;
  }
  return `${at}: key order`;
}

async function main() {
  const { values } = parseArgs({
    options: { shared: { type: 'string' }, record: { type: 'string' }, compare: { type: 'string' }, rebuild: { type: 'boolean', default: false } },
  });
  if (!values.record === !values.compare) {
    console.error(USAGE);
    process.exit(2);
  }
  const shared = requireShared(values.shared, 'bench:golden');
  if (values.rebuild || !existsSync(path.join(INDEX, 'manifest.json'))) {
    console.log(`bench:golden: building the index of ${path.join(shared, 'corpus')} into ${INDEX}`);
    const built = spawnSync(process.execPath, ['--import', 'tsx', 'index-builder/cli.ts', '--input', path.join(shared, 'corpus'), '--out', INDEX, '--quiet'], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
    if (built.status !== 0) process.exit(1);
  }
  const engine = await loadEngine(INDEX);
  const asked = questions(engine);
  const started = performance.now();
  const lines = asked.map((question) => JSON.stringify({ ...question, answer: answer(engine, question) }));
  const ms = performance.now() - started;
  if (values.record) {
    writeFileSync(values.record, lines.join('\n') + '\n');
    console.log(`bench:golden: ${lines.length} answers of ${engine.size} articles recorded in ${values.record} (${(ms / 1000).toFixed(1)} s)`);
    return;
  }
  const recorded: string[] = [];
  for await (const line of createInterface({ input: createReadStream(values.compare!) })) if (line) recorded.push(line);
  let same = 0;
  const differences: string[] = [];
  const n = Math.max(recorded.length, lines.length);
  for (let i = 0; i < n; i++) {
    if (recorded[i] === lines[i]) {
      same++;
      continue;
    }
    if (differences.length < 10) {
      const was = recorded[i] ? JSON.parse(recorded[i]) : null;
      const now = lines[i] ? JSON.parse(lines[i]) : null;
      differences.push(`  #${i} ${JSON.stringify(now?.params ?? was?.params)} ${now?.kind ?? was?.kind}: ${firstDifference(was?.answer, now?.answer)}`);
    }
  }
  console.log(`bench:golden: ${same} of ${n} answers identical to ${values.compare} (${(ms / 1000).toFixed(1)} s)`);
  for (const d of differences) console.log(d);
  if (same !== n) process.exit(1);
}

await main();
