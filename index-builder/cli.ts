// npm run index -- --input <file or folder> [--input …] --out <dir> [--map field=column …] [--source-aliases FILE] [--max-record-bytes SIZE] [--story-threshold 0..1] [--no-stories] [--strict] [--full] [--wait] [--quiet]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BuildError, StrictBuildError, buildIndex } from './build';
import { abandonWrite } from './write';
import { parseByteSize } from './byte-size';
import { progressFor } from './progress';
import { printable } from './read/paths';
import { FIELDS, FieldMapError, type FieldMap, parseFieldMap } from './read/fields';
import { type SourceAliases, SourceAliasError, loadSourceAliases } from './source-aliases';
import { formatMergeLines, formatRejectLines, formatReplacedLines, formatSummary } from './summary';
import { REJECTS_FILE } from '../lib/search/layout';
import { STORY_DEFAULTS } from '../lib/stories/detect';
import { type StoriesOption, parseStoryThreshold } from './stories';

const USAGE = `usage: npm run index -- [--input <file or folder>]... [--out <dir>] [--map <field>=<column>]... [--source-aliases <file>] [--max-record-bytes <size>] [--story-threshold <0..1>] [--no-stories] [--strict] [--full] [--wait] [--quiet]
  --input   articles to index, files or folders (walked recursively); repeatable; default data/articles.
            .txt (plain-text export), .jsonl/.ndjson, .json (an array of records), .csv, .tsv, each optionally .gz
  --out     index directory to write (default data/index); replaced only when the new index is complete
  --map     where a field is when none of the usual names is used, e.g. --map title=headline_fa; repeatable.
            fields: ${FIELDS.join(', ')}
  --source-aliases  other names of one outlet, on top of the built-in table of Iranian outlets: a .csv of
            alias,canonical rows (e.g. khabaronline.ir,خبرآنلاین) or a .json object {"alias": "canonical"} or
            {"canonical": ["alias", …]}; articles get the canonical name, and keep the one written
  --max-record-bytes  the longest record read (a .jsonl/.ndjson line, a .json array's record, a .csv/.tsv row), e.g. 50MB (default 20MB); a longer one is
            rejected with its line number and the records after it are read
  --story-threshold  how much two articles must share to be copies of one story: the share of the shorter one's
            word sequences (runs of 5 words, boilerplate left out) that the other has too; above 0, at most 1
            (default ${STORY_DEFAULTS.threshold})
  --no-stories  do not look for stories (the index then has none; the build is faster)
  --strict  fail (exit 1) if any record is rejected, leaving the existing index untouched
  --full    read every file and analyze every article again; by default a rebuild skips unchanged files and reads
            unchanged articles back from the index in --out
  --wait    when another build is writing the same --out (it holds <out>.lock), wait for it to finish instead
            of exiting 1; a lock left by a build that is no longer running is taken over by itself
  --quiet   print nothing but errors (no progress, no summary)`;

/** A runtime failure: one line, exit 1. */
function fail(message: string): never {
  console.error(`index: ${message}`);
  process.exit(1);
}

/** A mistake on the command line (or in a file it names, `hint` false): one line, exit 2. */
function usageError(message: string, hint = true): never {
  console.error(`index: ${message}${hint ? ' (see --help)' : ''}`);
  process.exit(2);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        input: { type: 'string', multiple: true },
        out: { type: 'string' },
        map: { type: 'string', multiple: true },
        'source-aliases': { type: 'string' },
        'max-record-bytes': { type: 'string' },
        'story-threshold': { type: 'string' },
        'no-stories': { type: 'boolean' },
        strict: { type: 'boolean' },
        full: { type: 'boolean' },
        wait: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    usageError((e as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  let fields: FieldMap;
  try {
    fields = parseFieldMap(values.map ?? []);
  } catch (e) {
    if (e instanceof FieldMapError) usageError(e.message);
    throw e;
  }
  let maxRecordBytes: number | undefined;
  try {
    maxRecordBytes = values['max-record-bytes'] === undefined ? undefined : parseByteSize(values['max-record-bytes'], '--max-record-bytes');
  } catch (e) {
    usageError((e as Error).message);
  }
  let stories: StoriesOption = {};
  try {
    if (values['story-threshold'] !== undefined) {
      if (values['no-stories']) throw new Error('--story-threshold and --no-stories exclude each other');
      stories = { threshold: parseStoryThreshold(values['story-threshold']) };
    } else if (values['no-stories']) {
      stories = false;
    }
  } catch (e) {
    usageError((e as Error).message);
  }
  let sourceAliases: SourceAliases;
  try {
    sourceAliases = await loadSourceAliases(values['source-aliases']);
  } catch (e) {
    if (e instanceof SourceAliasError) usageError(`--source-aliases ${e.message}`, false);
    throw e;
  }
  const inputs = values.input?.length ? values.input : ['data/articles'];
  const out = values.out ?? 'data/index';
  const quiet = values.quiet ?? false;
  const say = (lines: string[]) => {
    if (!quiet) for (const line of lines) console.error(line);
  };

  // Ctrl-C (or a kill from `npm run dev`) mid-build: take this build's
  // half-written folder away and leave the previous index in place.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      abandonWrite(out);
      console.error(`index: stopped (${signal}); the existing index was left untouched`);
      process.exit(130);
    });
  }
  try {
    const s = await buildIndex({
      inputs,
      out,
      fields,
      maxRecordBytes,
      sourceAliases,
      strict: values.strict ?? false,
      full: values.full ?? false,
      stories,
      wait: values.wait ?? false,
      say: (line) => say([line]),
      progress: quiet ? undefined : progressFor(process.stderr),
    });
    const report = `in ${printable(path.join(out, REJECTS_FILE))}`;
    say(formatRejectLines(s.rejects, report));
    say(formatReplacedLines(s.replaced, report));
    if (!quiet) for (const line of [...formatMergeLines(s.sourceMerges), formatSummary(s)]) console.log(line);
  } catch (e) {
    if (e instanceof StrictBuildError) {
      say(formatRejectLines(e.rejects, 'not shown (nothing was written)'));
      fail(e.message);
    }
    if (e instanceof BuildError) fail(e.message);
    throw e;
  }
}

await main();
