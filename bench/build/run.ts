// `npm run bench:build`: how long the index CLI takes, and how much memory and
// disk it uses, on the 100,000-article bench corpus (issue 5, "Benchmark").
//
//   tsx bench/build/run.ts [--shared <dir>] [--repeat N] [--keep]
//
// 1. a full build of the corpus into a fresh folder (--full when the CLI has it);
// 2. 100 articles added in a second file, rebuilt into the same folder;
// 3. 100 articles of the corpus edited in place, rebuilt into the same folder;
// each as a child process of the real CLI under /usr/bin/time -v; then the
// index's size on disk, raw and gzipped, against the corpus, and the targets.
import { createReadStream, createWriteStream, cpSync, existsSync, linkSync, copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip, createGzip } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { table } from '../eval/report';
import { heading, sourceFingerprint } from '../console';
import { describeCorpus, makeBenchCorpus, type CorpusInfo } from '../query/corpus';
import { CORPUS_FILE as BENCH_CORPUS, PROJECT_ROOT, requireShared } from '../query/paths';
import { median } from '../query/stats';
import { cliHelp, runBuild, timeVAvailable, type BuildRun } from './measure';
import {
  ADDED_COUNT,
  ADDED_FILE,
  ADDED_SEED,
  CHANGED_COUNT,
  CHANGED_SEED,
  INDEX_DIR,
  INPUT_CORPUS,
  INPUT_DIR,
  OUT_DIR,
  SNAPSHOT_DIR,
  WORK_DIR,
} from './paths';
import { addedRecord, changedRecord, spreadSample, type RawRecord } from './records';
import { LUCENE, V8_STRING_LIMIT, bytesText, checks, mibText, ratioText, secondsText, verdict } from './report';
import { gunzipSize, indexSize, isTextFile, listFiles } from './sizes';
import { countMismatches, type BuildCounts } from './summary';

const USAGE = `usage: npm run bench:build -- [--shared <dir>] [--repeat N] [--keep] [--corpus <file.jsonl.gz>]
  --shared    the folder holding corpus/ and eval/, needed only when bench/.cache/corpus-100k.jsonl.gz
              is missing (default: KAVOSH_SHARED, else ../shared)
  --corpus    another gzipped JSON Lines corpus instead of the bench corpus (a quick trial on a small one;
              the targets are for 100,000 articles)
  --repeat N  run each step N times and report the medians (default 1: a full build takes minutes)
  --keep      keep bench/.cache/build-bench/ (inputs and index) afterwards`;

function args() {
  try {
    const { values } = parseArgs({
      options: {
        shared: { type: 'string' },
        repeat: { type: 'string', default: '1' },
        keep: { type: 'boolean', default: false },
        corpus: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    const repeat = Number(values.repeat);
    if (!Number.isInteger(repeat) || repeat < 1) throw new Error('--repeat takes a whole number ≥ 1');
    return { ...values, repeat };
  } catch (e) {
    console.error(`bench:build: ${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const rel = (p: string) => path.relative(PROJECT_ROOT, p);
const count = (n: number | undefined) => (n === undefined ? '?' : n.toLocaleString('en-US'));
const loadText = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** A hash of the builder's sources (index-builder/ and lib/), so a figure can be tied to the code it measured. */
function fingerprint(): string {
  return sourceFingerprint(['index-builder', 'lib'].map((d) => path.join(PROJECT_ROOT, d)));
}

function gitHead(): string {
  const r = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '?';
}

async function* corpusLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield line;
}

/** The records at `indices` (ascending) of the corpus. */
async function recordsAt(file: string, indices: number[]): Promise<RawRecord[]> {
  const wanted = new Set(indices);
  const out: RawRecord[] = [];
  let i = 0;
  for await (const line of corpusLines(file)) {
    if (wanted.has(i)) out.push(JSON.parse(line) as RawRecord);
    if (++i > indices[indices.length - 1]) break;
  }
  return out;
}

/**
 * The corpus with the records at `indices` edited, gzipped like the original,
 * written over `target` by a rename. Every other line is copied byte for byte
 * and each edited record keeps its line, so the builder sees the same order
 * and only these contents changed, as when a user edits articles in the file.
 */
async function writeEditedCorpus(source: string, target: string, indices: number[]): Promise<void> {
  const edit = new Map(indices.map((idx, n) => [idx, n + 1]));
  const tmp = `${target}.tmp-${process.pid}`;
  const gz = createGzip({ level: 6 });
  const sink = createWriteStream(tmp);
  gz.pipe(sink);
  let i = 0;
  for await (const line of corpusLines(source)) {
    const n = edit.get(i++);
    const text = n === undefined ? line : JSON.stringify(changedRecord(JSON.parse(line) as RawRecord, n));
    if (!gz.write(text + '\n')) await once(gz, 'drain');
  }
  gz.end();
  await once(sink, 'close');
  renameSync(tmp, target);
}

/** The index folder, and anything a killed build left beside it, gone. */
function clearIndex(): void {
  rmSync(INDEX_DIR, { recursive: true, force: true });
  for (const name of existsSync(WORK_DIR) ? readdirSync(WORK_DIR) : []) {
    if (name.startsWith('index.tmp-') || name.startsWith('.index.')) rmSync(path.join(WORK_DIR, name), { recursive: true, force: true });
  }
}

function restore(): void {
  clearIndex();
  cpSync(SNAPSHOT_DIR, INDEX_DIR, { recursive: true, preserveTimestamps: true });
}

function snapshot(): void {
  rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  cpSync(INDEX_DIR, SNAPSHOT_DIR, { recursive: true, preserveTimestamps: true });
}

interface Step {
  name: string;
  what: string;
  runs: BuildRun[];
  /** The builder's fingerprint at the start of each run: others edit this checkout while a run takes minutes. */
  builders: string[];
  expected: Partial<BuildCounts>;
  mismatches: string[];
  wallS: number;
  indexBytesAfter: number;
}

const useTime = timeVAvailable();

function describeRun(r: BuildRun): string {
  return (
    `wall ${secondsText(r.wallS)}` +
    (r.counts.builderS !== undefined ? ` (builder's own ${secondsText(r.counts.builderS)})` : '') +
    ` · CPU ${r.cpuS === null ? 'n/a' : secondsText(r.cpuS)}` +
    ` · peak RSS ${r.peakRssBytes === null ? 'n/a' : bytesText(r.peakRssBytes)}` +
    ` · load ${r.loadAverage.toFixed(2)} at start`
  );
}

/** Runs one step `repeat` times (each from the same starting index when `before` restores it) and reports it. */
async function step(name: string, what: string, cliArgs: string[], repeat: number, expected: Partial<BuildCounts>, before: (run: number) => void): Promise<Step> {
  heading(name);
  console.log(what);
  console.log(`$ node --import tsx index-builder/cli.ts ${cliArgs.join(' ')}${useTime ? '   (under /usr/bin/time -v)' : ''}`);
  const runs: BuildRun[] = [];
  const builders: string[] = [];
  for (let i = 0; i < repeat; i++) {
    before(i);
    builders.push(fingerprint());
    const r = await runBuild(cliArgs, { useTime });
    if (r.exitCode !== 0) {
      console.error(`bench:build: the build exited with ${r.exitCode} after ${secondsText(r.wallS)}; its last lines:`);
      for (const line of r.stderrTail.slice(-20)) console.error(`  ${line}`);
      process.exit(1);
    }
    runs.push(r);
    console.log(`  run ${i + 1}/${repeat}: ${describeRun(r)} · builder ${builders[i]}`);
    console.log(`    ${r.summaryLine ?? '(no summary line printed)'}`);
  }
  const last = runs[runs.length - 1];
  const mismatches = countMismatches(last.counts, expected);
  if (last.counts.fullBecause !== undefined) console.log(`  every article analyzed afresh: ${last.counts.fullBecause}`);
  if (mismatches.length > 0) console.log(`  WARNING: the summary differs from what this step should give: ${mismatches.join(', ')}`);
  const wallS = median(runs.map((r) => r.wallS));
  if (repeat > 1) console.log(`  median wall ${secondsText(wallS)} (${runs.map((r) => secondsText(r.wallS)).join(', ')})`);
  const indexBytesAfter = listFiles(INDEX_DIR).reduce((s, f) => s + f.bytes, 0);
  return { name, what, runs, builders, expected, mismatches, wallS, indexBytesAfter };
}

async function main() {
  const opts = args();
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  console.log(
    `Kavosh build benchmark · node ${process.version} · ${os.cpus().length} CPUs · load average ${loadText()} · ` +
      `git ${gitHead()} · builder ${fingerprint()} · --repeat ${opts.repeat}`,
  );

  // --- corpus -------------------------------------------------------------------
  heading('Bench corpus');
  let corpus: CorpusInfo | null = null;
  const corpusFile = opts.corpus ? path.resolve(opts.corpus) : BENCH_CORPUS;
  if (opts.corpus && !existsSync(corpusFile)) {
    console.error(`bench:build: no corpus at ${opts.corpus}`);
    process.exit(2);
  }
  if (!existsSync(corpusFile)) {
    const shared = requireShared(opts.shared, 'bench:build');
    console.log(`making ${rel(corpusFile)} (as bench:query does) …`);
    corpus = await makeBenchCorpus(shared);
  } else if (existsSync(`${corpusFile}.json`)) {
    corpus = JSON.parse(readFileSync(`${corpusFile}.json`, 'utf8')) as CorpusInfo;
  }
  const corpusGzipBytes = statSync(corpusFile).size;
  let corpusBytes = corpus?.bytesUncompressed;
  let records = corpus?.records;
  if (corpusBytes === undefined || records === undefined) {
    // The summary beside the corpus is gone: count what it would have said.
    corpusBytes = await gunzipSize(corpusFile);
    records = 0;
    for await (const _ of corpusLines(corpusFile)) records++;
  }
  if (corpus) console.log(describeCorpus(corpus));
  console.log(`${rel(corpusFile)}: ${count(records)} records, ${bytesText(corpusBytes)} of JSON Lines, ${bytesText(corpusGzipBytes)} gzipped`);

  // --- set-up -------------------------------------------------------------------
  heading('Set-up');
  const help = cliHelp();
  const hasFull = /--full\b/.test(help);
  console.log(`peak RSS from: ${useTime ? '/usr/bin/time -v (Maximum resident set size)' : '/proc/<pid>/status VmHWM, sampled every 200 ms (no GNU time here)'}`);
  console.log(`index CLI --full: ${hasFull ? 'supported, passed to the full build' : 'not in --help yet (every build below is a full build, whatever the step)'}`);
  rmSync(WORK_DIR, { recursive: true, force: true });
  mkdirSync(INPUT_DIR, { recursive: true });
  try {
    linkSync(corpusFile, INPUT_CORPUS);
  } catch {
    copyFileSync(corpusFile, INPUT_CORPUS);
  }
  let t = performance.now();
  const addedFrom = spreadSample(records, ADDED_COUNT, ADDED_SEED);
  const added = (await recordsAt(corpusFile, addedFrom)).map((r, i) => addedRecord(r, i + 1));
  writeFileSync(ADDED_FILE, added.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(
    `${rel(ADDED_FILE)}: ${added.length} new articles (copies of corpus records spread over the file, id <id>~add<n>, one paragraph more) in ${secondsText((performance.now() - t) / 1000)}`,
  );

  const corpusArgs = ['--input', rel(INPUT_CORPUS)];
  const withAdded = [...corpusArgs, '--input', rel(ADDED_FILE), '--out', rel(INDEX_DIR)];
  const steps: Step[] = [];

  // --- 0. full build without stories (issue 17: the stories' cost is the difference) ---
  const hasNoStories = /--no-stories\b/.test(help);
  const bare = hasNoStories
    ? await step(
        'Step 0: full build without stories',
        `${count(records)} articles into a fresh ${rel(INDEX_DIR)}, --no-stories (what step 1 costs without the stories)`,
        [...corpusArgs, '--out', rel(INDEX_DIR), ...(hasFull ? ['--full'] : []), '--no-stories'],
        opts.repeat,
        { indexed: records, added: records, updated: 0, removed: 0, unchanged: 0, rejected: 0 },
        () => clearIndex(),
      )
    : null;
  if (bare) steps.push(bare);

  // --- 1. full build --------------------------------------------------------------
  const full = await step(
    'Step 1: full build',
    `${count(records)} articles into a fresh ${rel(INDEX_DIR)}`,
    [...corpusArgs, '--out', rel(INDEX_DIR), ...(hasFull ? ['--full'] : [])],
    opts.repeat,
    { indexed: records, added: records, updated: 0, removed: 0, unchanged: 0, rejected: 0 },
    () => clearIndex(),
  );
  steps.push(full);

  heading('Index on disk after the full build');
  t = performance.now();
  const size = await indexSize(INDEX_DIR);
  const largest = size.files[0];
  const largestText = size.files.find((f) => isTextFile(f.name));
  console.log(
    table(
      ['file', 'bytes', 'MiB', 'gzipped MiB', 'gzip ratio'],
      [
        ...size.files.slice(0, 10).map((f) => [f.name, count(f.bytes), mibText(f.bytes), mibText(f.gzipBytes ?? 0), ratioText(f.gzipBytes ?? 0, f.bytes)]),
        ...(size.files.length > 10 ? [[`… ${size.files.length - 10} more`, count(size.files.slice(10).reduce((s, f) => s + f.bytes, 0)), '', '', '']] : []),
        ['ALL', count(size.bytes), mibText(size.bytes), mibText(size.gzipBytes), ratioText(size.gzipBytes, size.bytes)],
      ],
    ),
  );
  console.log(
    `index ${mibText(size.bytes)} raw vs corpus ${mibText(corpusBytes)} of JSONL (${ratioText(size.bytes, corpusBytes)}); ` +
      `gzipped file by file ${mibText(size.gzipBytes)} vs corpus gzipped ${mibText(corpusGzipBytes)} (${ratioText(size.gzipBytes, corpusGzipBytes)}) · gzipped in ${secondsText((performance.now() - t) / 1000)}`,
  );
  console.log(
    `largest file: ${largest.name} ${mibText(largest.bytes)}; largest text file (read as a string): ${largestText ? `${largestText.name} ${mibText(largestText.bytes)}` : 'none'}; ` +
      `V8's string limit ${count(V8_STRING_LIMIT)} code units`,
  );

  // --- 2. add 100 -------------------------------------------------------------------
  if (opts.repeat > 1) snapshot();
  const add = await step(
    `Step 2: add ${ADDED_COUNT}`,
    `the corpus and ${rel(ADDED_FILE)} (${ADDED_COUNT} new ids), into the index of step 1`,
    withAdded,
    opts.repeat,
    { indexed: records + ADDED_COUNT, added: ADDED_COUNT, updated: 0, removed: 0, unchanged: records, rejected: 0 },
    (i) => i > 0 && restore(),
  );
  steps.push(add);

  // --- 3. change 100 ------------------------------------------------------------------
  heading(`Preparing step 3 (not timed)`);
  t = performance.now();
  const changedAt = spreadSample(records, CHANGED_COUNT, CHANGED_SEED);
  await writeEditedCorpus(corpusFile, INPUT_CORPUS, changedAt);
  console.log(
    `${rel(INPUT_CORPUS)} rewritten with ${CHANGED_COUNT} articles spread over it edited in place (same id, same line, one paragraph more) in ${secondsText((performance.now() - t) / 1000)}`,
  );
  if (opts.repeat > 1) snapshot();
  const change = await step(
    `Step 3: change ${CHANGED_COUNT}`,
    `the edited corpus and ${rel(ADDED_FILE)}, into the index of step 2`,
    withAdded,
    opts.repeat,
    { indexed: records + ADDED_COUNT, added: 0, updated: CHANGED_COUNT, removed: 0, unchanged: records + ADDED_COUNT - CHANGED_COUNT, rejected: 0 },
    (i) => i > 0 && restore(),
  );
  steps.push(change);

  // --- report -------------------------------------------------------------------------
  heading('Builds');
  const allRuns = steps.flatMap((s) => s.runs);
  const peakRss = Math.max(...allRuns.map((r) => r.peakRssBytes ?? 0));
  const med = (runs: BuildRun[], pick: (r: BuildRun) => number | null | undefined) => {
    const values = runs.map(pick).filter((v): v is number => typeof v === 'number');
    return values.length ? median(values) : NaN;
  };
  console.log(
    table(
      ['step', 'runs', 'wall', "builder's own", 'CPU', 'peak RSS', 'load', 'added', 'updated', 'removed', 'unchanged', 'analyzed', 'index after'],
      steps.map((s) => {
        const c = s.runs[s.runs.length - 1].counts;
        return [
          s.name.replace(/^Step \d: /, ''),
          s.runs.length,
          secondsText(s.wallS),
          secondsText(med(s.runs, (r) => r.counts.builderS)),
          secondsText(med(s.runs, (r) => r.cpuS)),
          mibText(med(s.runs, (r) => r.peakRssBytes)),
          med(s.runs, (r) => r.loadAverage).toFixed(2),
          count(c.added),
          count(c.updated),
          count(c.removed),
          count(c.unchanged),
          count(c.analyzed),
          mibText(s.indexBytesAfter),
        ];
      }),
    ),
  );
  console.log(
    `wall: the CLI process, start to exit, median of the runs; builder's own: the time its summary line prints; CPU: user + system (${useTime ? 'time -v' : 'n/a without GNU time'}); ` +
      `load: 1-minute load average at the start (2 cores, shared); analyzed: articles analyzed afresh, the rest read back from the previous index`,
  );

  if (bare) {
    heading('Stories (issue 17: at most 20 % longer, peak memory within a build without them)');
    const rssBare = med(bare.runs, (r) => r.peakRssBytes);
    const rssFull = med(full.runs, (r) => r.peakRssBytes);
    console.log(
      table(
        ['full build', 'wall', 'CPU', 'peak RSS'],
        [
          ['without stories (step 0)', secondsText(bare.wallS), secondsText(med(bare.runs, (r) => r.cpuS)), bytesText(rssBare)],
          ['with stories (step 1)', secondsText(full.wallS), secondsText(med(full.runs, (r) => r.cpuS)), bytesText(rssFull)],
          ['ratio', ratioText(full.wallS, bare.wallS), ratioText(med(full.runs, (r) => r.cpuS), med(bare.runs, (r) => r.cpuS)), ratioText(rssFull, rssBare)],
        ],
      ),
    );
    console.log(`wall ${full.wallS <= bare.wallS * 1.2 ? 'within' : 'OVER'} the 20 % bound; peak RSS ${rssFull <= rssBare ? 'within' : 'above'} the build without stories`);
  }

  heading('Beside Lucene 8.7 (issue 5, same 100,000 records, this machine)');
  console.log(
    table(
      ['', 'Kavosh', 'Lucene 8.7', 'ratio'],
      [
        ['full build', secondsText(full.wallS), secondsText(LUCENE.buildS), ratioText(full.wallS, LUCENE.buildS)],
        ['peak RSS', bytesText(med(full.runs, (r) => r.peakRssBytes)), bytesText(LUCENE.peakRssBytes), ratioText(med(full.runs, (r) => r.peakRssBytes), LUCENE.peakRssBytes)],
        ['index on disk', bytesText(size.bytes), bytesText(LUCENE.indexBytes), ratioText(size.bytes, LUCENE.indexBytes)],
      ],
    ),
  );
  // Not a like-for-like size: the issue does not say whether Lucene stored the text.
  console.log("(Kavosh's index also holds every article, deflated, for snippets and the article page; whether Lucene's stored the text is not recorded.)");

  heading('Targets (issue 5, this 2-core machine)');
  const verdicts = checks({
    fullS: full.wallS,
    addS: add.wallS,
    changeS: change.wallS,
    peakRssBytes: peakRss,
    indexBytes: size.bytes,
    corpusBytes,
    largestFile: { name: largest.name, bytes: largest.bytes },
    stringLimit: V8_STRING_LIMIT,
  });
  console.log(
    table(
      ['target', 'measured', ''],
      [...verdicts.map((c) => [c.target, c.measured, verdict(c.ok)]), [`change ${CHANGED_COUNT} (no target)`, secondsText(change.wallS), '']],
    ),
  );
  const mismatched = steps.filter((s) => s.mismatches.length > 0);
  if (mismatched.length > 0) console.log(`WARNING: unexpected summary counts in ${mismatched.map((s) => s.name).join(', ')} (see above)`);
  const builders = [...new Set(steps.flatMap((s) => s.builders))];
  if (builders.length > 1) console.log(`WARNING: the builder's sources changed while this ran (builder ${builders.join(' → ')}): the steps measured different code`);
  if (!hasFull) console.log(`note: the CLI has no incremental rebuild yet (no --full in --help), so steps 2 and 3 are full rebuilds.`);

  mkdirSync(OUT_DIR, { recursive: true });
  const latest = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: os.loadavg(),
    git: gitHead(),
    builderFingerprint: fingerprint(),
    repeat: opts.repeat,
    rssFrom: useTime ? 'time -v' : 'VmHWM samples',
    cliHasFull: hasFull,
    corpus: { file: rel(corpusFile), records, bytes: corpusBytes, gzipBytes: corpusGzipBytes },
    steps: steps.map(({ name, what, runs, builders, expected, mismatches, wallS, indexBytesAfter }) => ({ name, what, wallS, indexBytesAfter, expected, mismatches, builders, runs })),
    index: { ...size, largest, largestText },
    v8StringLimit: V8_STRING_LIMIT,
    lucene: LUCENE,
    targets: verdicts,
    totalS: (performance.now() - started) / 1000,
  };
  writeFileSync(path.join(OUT_DIR, 'latest.json'), JSON.stringify(latest, null, 2) + '\n');
  if (!opts.keep) rmSync(WORK_DIR, { recursive: true, force: true });
  console.log(
    `\n${secondsText(latest.totalS)} in all · load average now ${loadText()} · figures → ${rel(path.join(OUT_DIR, 'latest.json'))}` +
      (opts.keep ? ` · inputs and index kept in ${rel(WORK_DIR)}` : ''),
  );
}

await main();
