// `npm run eval`: search quality of Kavosh against a FlexSearch baseline on
// the shared corpora. Prints a report and writes bench/eval/out/latest.json.
//
//   tsx bench/eval/run.ts [--shared <dir>] [--seed 42] [--sample 300] [--out <dir>] [--only stories]
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from '../../lib/types';
import { flexsearchDefault } from './baseline';
import { HAMSHAHRI_FILE, corpusFiles, loadFile, resolveShared, type LoadedFile } from './corpus';
import { identicalRuns, readQrels, readQueries, runHamshahri, type HamshahriRun } from './hamshahri';
import { runKnownItem, type KnownItemResult } from './known-item';
import { kavosh, kavoshWith, parseWeights } from './ours';
import { PERTURBATIONS } from './perturb';
import type { MatchMode, Ranker, System } from './ranker';
import { fixed, ms, pct, table, visible } from './report';
import { sampleKnownItems } from './sample';
import { readVariantPairs, runVariants, type VariantPair, type VariantResult } from './variants';
import { runStories } from './stories/run';

const USAGE = `usage: npm run eval -- [--shared <dir>] [--seed <n>] [--sample <n>] [--out <dir>] [--only stories]
  --shared  the folder holding corpus/ and eval/ (default: KAVOSH_SHARED, else ../shared)
  --seed    known-item sampling seed (default 42)
  --sample  known-item sample size (default 300)
  --out     where latest.json and the failure lists go (default bench/eval/out)
  --weights ranking weights over the defaults, e.g. k1=1.4,title=0.5 (lib/search/score/weights.ts)
  --only    stories: run the wire-stories section alone (writes out/stories.json)`;

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
/** Ours (with `--weights` if given) and the baseline; set in main. */
let SYSTEMS: System[] = [kavosh, flexsearchDefault];
const MODES: MatchMode[] = ['all', 'any'];
/** The project's own pairs, read beside the shared ones: the spellings and inflections Kavosh joins. */
const OWN_PAIRS = path.join(projectRoot, 'bench', 'eval', 'variant-pairs-kavosh.json');
/** Corpus pairs labelled copy / distinct by reading them (bench/eval/stories/README.md). */
const STORY_LABELS = path.join(projectRoot, 'bench', 'eval', 'stories', 'labels.json');

function args() {
  try {
    const { values } = parseArgs({
      options: {
        shared: { type: 'string' },
        seed: { type: 'string', default: '42' },
        sample: { type: 'string', default: '300' },
        out: { type: 'string', default: path.join(projectRoot, 'bench', 'eval', 'out') },
        help: { type: 'boolean', short: 'h', default: false },
        weights: { type: 'string' },
        only: { type: 'string' },
      },
      strict: true,
    });
    const seed = Number(values.seed);
    const sample = Number(values.sample);
    if (!Number.isInteger(seed) || !Number.isInteger(sample) || sample < 1) throw new Error('--seed and --sample take integers');
    if (values.only !== undefined && values.only !== 'stories') throw new Error(`--only takes "stories", got "${values.only}"`);
    return { ...values, seed, sample, weights: parseWeights(values.weights) };
  } catch (err) {
    console.error(`eval: ${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

/** Runs the pairs for every system and prints the share passed, overall and by kind, and our failures. */
function reportVariants(pairs: VariantPair[]): Record<string, VariantResult> {
  const variants: Record<string, VariantResult> = {};
  for (const system of SYSTEMS) variants[system.name] = runVariants(system, pairs);
  const kinds = [...new Set(pairs.map((p) => p.kind))].sort();
  console.log(
    table(
      ['system', 'all', ...kinds],
      SYSTEMS.map((s) => {
        const v = variants[s.name];
        const cell = (passed: number, n: number) => `${pct(passed / n)} (${passed}/${n})`;
        return [s.name, cell(v.passed, v.pairs), ...kinds.map((k) => cell(v.byKind[k]?.passed ?? 0, v.byKind[k]?.pairs ?? 0))];
      }),
    ),
  );
  const ourFailures = variants[kavosh.name].failures;
  console.log(`\n${kavosh.name} fails ${ourFailures.length} pair(s)${ourFailures.length ? ' (a → b: the query a finds the doc of b):' : '.'}`);
  for (const f of ourFailures.slice(0, 40)) {
    console.log(`  ${f.kind.padEnd(9)} a=${visible(f.a)}  b=${visible(f.b)}  a→b ${f.aFindsB ? 'ok' : 'MISS'}, b→a ${f.bFindsA ? 'ok' : f.oneWay ? 'not asked' : 'MISS'}`);
  }
  if (ourFailures.length > 40) console.log(`  … ${ourFailures.length - 40} more in out/variant-failures.json`);
  return variants;
}

function timed<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

const heading = (title: string) => console.log(`\n== ${title} ${'='.repeat(Math.max(0, 76 - title.length))}`);

async function main() {
  const opts = args();
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  SYSTEMS = [kavoshWith(opts.weights), flexsearchDefault];
  const shared = resolveShared(projectRoot, opts.shared);
  if (!shared) {
    console.error('eval: ../shared not found; pass --shared <dir> (the folder holding corpus/ and eval/)');
    process.exit(1);
  }
  const started = performance.now();
  const evalDir = path.join(shared, 'eval');
  console.log(`Kavosh evaluation · shared data: ${shared} · node ${process.version} · ${os.cpus().length} CPUs`);
  for (const s of SYSTEMS) console.log(`  ${s.name}: ${s.describe}`);

  // --- corpora --------------------------------------------------------------
  heading('Corpora (read with index-builder/read/jsonl.ts)');
  const loaded: LoadedFile[] = [];
  for (const file of corpusFiles(shared)) loaded.push(await loadFile(file));
  const total = loaded.reduce((n, f) => n + f.articles.length, 0);
  console.log(
    table(
      ['file', 'articles', 'rejected', 'read'],
      [
        ...loaded.map((f) => [path.basename(f.file), f.articles.length, f.rejects.length, ms(f.readMs)]),
        ['all', total, loaded.reduce((n, f) => n + f.rejects.length, 0), ms(loaded.reduce((n, f) => n + f.readMs, 0))],
      ],
    ),
  );
  const hamshahriFile = loaded.find((f) => path.basename(f.file) === HAMSHAHRI_FILE);
  if (!hamshahriFile) throw new Error(`${HAMSHAHRI_FILE} is missing from ${path.join(shared, 'corpus')}`);
  const allArticles: Article[] = loaded.flatMap((f) => f.articles);
  if (opts.only === 'stories') {
    heading('4. Wire stories (lib/stories/detect.ts)');
    const stories = runStories(allArticles, STORY_LABELS);
    mkdirSync(opts.out, { recursive: true });
    writeFileSync(path.join(opts.out, 'stories.json'), JSON.stringify({ generatedAt: new Date().toISOString(), shared, ...stories }, null, 2) + '\n');
    console.log(`\nWrote ${path.relative(process.cwd(), path.join(opts.out, 'stories.json'))}`);
    return;
  }
  const buildMs: Record<string, Record<string, number>> = {};
  const recordBuild = (system: string, corpus: string, t: number) => ((buildMs[system] ??= {})[corpus] = t);

  // --- 1. Hamshahri ------------------------------------------------------------
  heading(`1. Hamshahri dev queries (${hamshahriFile.articles.length} docs, top 1,000, binary qrels)`);
  const hamDir = path.join(evalDir, 'hamshahri-dev');
  const qrels = readQrels(path.join(hamDir, 'qrels.txt'));
  const queryFiles = { arabic: 'queries.tsv', persian: 'queries.persian-chars.tsv' } as const;
  const queries = {
    arabic: readQueries(path.join(hamDir, queryFiles.arabic)),
    persian: readQueries(path.join(hamDir, queryFiles.persian)),
  };
  const hamRuns: Record<string, Record<string, HamshahriRun>> = {};
  const hamRows: (string | number)[][] = [];
  for (const system of SYSTEMS) {
    const [ranker, t] = timed(() => system.build(hamshahriFile.articles));
    recordBuild(system.name, 'hamshahri', t);
    for (const match of MODES) {
      for (const form of ['arabic', 'persian'] as const) {
        const run = runHamshahri(ranker, queries[form], qrels, match);
        (hamRuns[system.name] ??= {})[`${form}/${match}`] = run;
        const mode = system === flexsearchDefault && match === 'any' ? 'any (suggest)' : match;
        hamRows.push([system.name, mode, queryFiles[form], run.queries, fixed(run.map), fixed(run.p10), fixed(run.ndcg10), ms(run.ms)]);
      }
    }
  }
  console.log(table(['system', 'match', 'queries file', 'queries', 'MAP', 'P@10', 'nDCG@10', 'time'], hamRows));
  const letterForms: Record<string, Record<string, { equal: boolean; identicalRankings: number; queries: number }>> = {};
  for (const system of SYSTEMS) {
    const parts = MODES.map((match) => {
      const a = hamRuns[system.name][`arabic/${match}`];
      const p = hamRuns[system.name][`persian/${match}`];
      const same = identicalRuns(a, p);
      const equal = a.map === p.map && a.p10 === p.p10 && a.ndcg10 === p.ndcg10;
      (letterForms[system.name] ??= {})[match] = { equal, identicalRankings: same, queries: a.queries };
      return { match, equal, same, queries: a.queries };
    });
    const verdict = parts.every((x) => x.equal) ? 'EQUAL' : 'NOT EQUAL';
    const detail = parts.map((x) => `match=${x.match}: ${x.equal ? 'same scores' : 'scores differ'}, identical rankings ${x.same}/${x.queries}`).join('; ');
    console.log(`${system.name}: the two letter forms (ي/ك vs ی/ک) are ${verdict} (${detail})`);
  }

  // --- 2. Variant pairs --------------------------------------------------------
  const pairs = readVariantPairs(path.join(evalDir, 'variant-pairs.json'));
  heading(`2. Variant pairs (${pairs.length} pairs, match=all, both directions)`);
  const variants = reportVariants(pairs);
  const ownPairs = readVariantPairs(OWN_PAIRS);
  heading(`2b. Kavosh's own variant pairs (${ownPairs.length} pairs, ${path.relative(projectRoot, OWN_PAIRS)}, by class)`);
  console.log(`One index of their own; a pair marked oneWay (${ownPairs.filter((p) => p.oneWay).length} of them) needs only a → b.`);
  const ownVariants = reportVariants(ownPairs);

  // --- 3. Known-item search -----------------------------------------------------
  const { items, stats } = sampleKnownItems(allArticles, { size: opts.sample, seed: opts.seed, minHalfSpace: Math.round(opts.sample / 3) });
  heading(`3. Known-item search (${allArticles.length} docs, ${items.length} titles, seed ${opts.seed}, match=all)`);
  console.log(
    `Sample: ${items.length} of ${stats.candidates} articles with a unique title of >= 3 words ` +
      `(${stats.duplicateTitlesExcluded} with a duplicated title excluded); ${stats.halfSpace} queries hold a half-space ` +
      `(ZWNJ, NBSP between letters, or a spaced affix: the "zwnj" perturbations rewrite all three).`,
  );
  const knownItem: Record<string, KnownItemResult> = {};
  for (const system of SYSTEMS) {
    const [ranker, t]: [Ranker, number] = timed(() => system.build(allArticles));
    recordBuild(system.name, 'all', t);
    knownItem[system.name] = runKnownItem(ranker, items, PERTURBATIONS, 'all');
  }
  const kiRows: (string | number)[][] = [];
  for (const p of PERTURBATIONS) {
    const row: (string | number)[] = [p.name, knownItem[kavosh.name].scores.find((s) => s.name === p.name)!.changed];
    for (const system of SYSTEMS) {
      const s = knownItem[system.name].scores.find((x) => x.name === p.name)!;
      row.push(pct(s.successAt10), fixed(s.mrr, 3), pct(s.changedSuccessAt10));
    }
    kiRows.push(row);
  }
  const kiHeader = ['perturbation', 'changed', ...SYSTEMS.flatMap((s) => [`${s.name} S@10`, 'MRR', 'S@10 changed'])];
  console.log(table(kiHeader, kiRows));
  console.log('(S@10 changed: success@10 over the queries the perturbation changed only.)');
  const halfSpaceRows: (string | number)[][] = [];
  for (const p of PERTURBATIONS.filter((x) => x.name.startsWith('zwnj'))) {
    for (const kind of ['zwnj', 'nbsp', 'spaced affix']) {
      const row: (string | number)[] = [p.name, kind];
      for (const system of SYSTEMS) {
        const g = knownItem[system.name].scores.find((x) => x.name === p.name)!.changedByHalfSpace[kind];
        if (system === SYSTEMS[0]) row.push(g?.changed ?? 0);
        row.push(g ? pct(g.successAt10) : 'n/a', g ? fixed(g.mrr, 3) : 'n/a');
      }
      halfSpaceRows.push(row);
    }
  }
  console.log('\nThe half-space perturbations over the changed queries, by the half-space the title words hold:');
  console.log(table(['perturbation', 'half-space as written', 'changed', ...SYSTEMS.flatMap((s) => [`${s.name} S@10`, 'MRR'])], halfSpaceRows));
  for (const system of SYSTEMS) {
    const r = knownItem[system.name];
    console.log(`${system.name}: ${r.regressions.length} (item, perturbation) cases found in the top 10 as written but not once perturbed.`);
  }
  const ourRegressions = knownItem[kavosh.name].regressions;
  for (const m of ourRegressions.slice(0, 15)) {
    console.log(`  ${m.perturbation.padEnd(16)} ${m.id}  q=${visible(m.query)}  rank ${m.originalRank} → ${m.rank || 'absent'}`);
  }
  if (ourRegressions.length > 15) console.log(`  … ${ourRegressions.length - 15} more in out/known-item-regressions.json`);

  // --- 4. Wire stories --------------------------------------------------------------
  heading('4. Wire stories (lib/stories/detect.ts)');
  const stories = runStories(allArticles, STORY_LABELS);

  // --- 5. Timing ------------------------------------------------------------------
  const totalMs = performance.now() - started;
  heading('5. Timing');
  console.log(
    table(
      ['system', `build hamshahri (${hamshahriFile.articles.length})`, `build all six (${allArticles.length})`, 'hamshahri queries', 'variant pairs', 'known-item queries'],
      SYSTEMS.map((s) => [
        s.name,
        ms(buildMs[s.name].hamshahri),
        ms(buildMs[s.name].all),
        ms(Object.values(hamRuns[s.name]).reduce((n, r) => n + r.ms, 0)),
        ms(variants[s.name].ms),
        ms(knownItem[s.name].ms),
      ]),
    ),
  );
  console.log(`Reading the corpora: ${ms(loaded.reduce((n, f) => n + f.readMs, 0))}. Total eval time: ${(totalMs / 1000).toFixed(1)} s.`);

  // --- JSON -----------------------------------------------------------------------
  mkdirSync(opts.out, { recursive: true });
  const strip = (run: HamshahriRun) => ({ ...run, perQuery: run.perQuery.map(({ run: _ids, ...rest }) => rest) });
  const latest = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    shared,
    systems: SYSTEMS.map((s) => ({ name: s.name, describe: s.describe })),
    corpora: loaded.map((f) => ({ file: path.basename(f.file), articles: f.articles.length, rejected: f.rejects.length, readMs: f.readMs })),
    hamshahri: {
      docs: hamshahriFile.articles.length,
      runs: Object.fromEntries(
        Object.entries(hamRuns).map(([name, runs]) => [name, Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, strip(r)]))]),
      ),
      letterForms,
    },
    variants: Object.fromEntries(
      Object.entries(variants).map(([name, v]) => [name, { pairs: v.pairs, passed: v.passed, share: v.passed / v.pairs, byKind: v.byKind, failures: v.failures.length, ms: v.ms }]),
    ),
    ownVariants: Object.fromEntries(
      Object.entries(ownVariants).map(([name, v]) => [name, { pairs: v.pairs, passed: v.passed, share: v.passed / v.pairs, byKind: v.byKind, failures: v.failures.length, ms: v.ms }]),
    ),
    knownItem: {
      seed: opts.seed,
      docs: allArticles.length,
      sample: stats,
      items: items.map((i) => ({ id: i.id, query: i.query, halfSpace: i.halfSpace })),
      perturbations: PERTURBATIONS.map((p) => ({ name: p.name, describe: p.describe })),
      results: Object.fromEntries(Object.entries(knownItem).map(([name, r]) => [name, { scores: r.scores, regressions: r.regressions.length, ms: r.ms }])),
    },
    stories,
    timing: { buildMs, readMs: loaded.reduce((n, f) => n + f.readMs, 0), totalMs },
  };
  writeFileSync(path.join(opts.out, 'latest.json'), JSON.stringify(latest, null, 2) + '\n');
  writeFileSync(
    path.join(opts.out, 'variant-failures.json'),
    JSON.stringify(
      Object.fromEntries(Object.entries(variants).map(([name, v]) => [name, [...v.failures, ...ownVariants[name].failures]])),
      null,
      2,
    ) + '\n',
  );
  writeFileSync(
    path.join(opts.out, 'known-item-regressions.json'),
    JSON.stringify(Object.fromEntries(Object.entries(knownItem).map(([name, r]) => [name, r.regressions])), null, 2) + '\n',
  );
  console.log(`\nWrote ${path.relative(process.cwd(), path.join(opts.out, 'latest.json'))}, variant-failures.json, known-item-regressions.json`);
}

await main();
