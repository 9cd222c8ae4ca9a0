// npm run index -- --input <file or folder> [--input …] --out <dir>
import { parseArgs } from 'node:util';
import { BuildError, buildIndex } from './build';
import { REJECTS_FILE } from './write';
import { formatReject } from './read/types';

const USAGE = `usage: npm run index -- [--input <file or folder>]... [--out <dir>]
  --input  articles to index: .txt (plain-text export), .jsonl/.ndjson (optionally .gz), or folders of them
           (repeatable; default data/articles)
  --out    index directory to write (default data/index); replaced only when the new index is complete`;

function fail(message: string): never {
  console.error(`index: ${message}`);
  process.exit(1);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        input: { type: 'string', multiple: true },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const inputs = values.input?.length ? values.input : ['data/articles'];
  const out = values.out ?? 'data/index';
  try {
    const s = await buildIndex({ inputs, out });
    for (const r of s.rejects.slice(0, 20)) console.error(`rejected ${formatReject(r)}`);
    if (s.rejects.length > 20) console.error(`… and ${s.rejects.length - 20} more in ${out}/${REJECTS_FILE}`);
    for (const r of s.replaced.slice(0, 20)) {
      console.error(`duplicate id ${r.id}: the record in ${r.file}${r.line !== undefined ? `:${r.line}` : ''} replaced an earlier one`);
    }
    console.log(
      `indexed ${s.indexed} articles into ${out} in ${(s.ms / 1000).toFixed(1)} s ` +
        `(${s.files} files, ${s.records} records read, ${s.rejected} rejected, ${s.replaced.length} duplicate ids replaced)`,
    );
  } catch (e) {
    if (e instanceof BuildError) fail(e.message);
    throw e;
  }
}

await main();
