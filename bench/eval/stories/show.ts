// Prints pairs of corpus articles side by side for labelling: each article's
// words in runs, a run shared with the other article (inside a shared word
// 5-gram) in [[…]], boilerplate 5-grams (in more than maxShingleDf articles)
// in {{…}}, long runs shortened. Reads the corpus at run time; nothing of its
// text is stored in the project.
//
//   tsx bench/eval/stories/show.ts [--shared <dir>] [--full] <idA> <idB> [<idC> <idD> …]
//   tsx bench/eval/stories/show.ts --pairs <file.json>   (an array of {a, b})
//   --brief: each article as its runs' kinds and lengths only (U own, S shared, B boilerplate)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../../../lib/persian/analyze';
import { STORY_DEFAULTS } from '../../../lib/stories/detect';
import { hash32, shingleHash } from '../../../lib/stories/hash';
import type { Article } from '../../../lib/types';
import { corpusFiles, loadFile, resolveShared } from '../corpus';
import { documentFrequency, pairCounts, shingleDocs, storyInput } from './exact';

interface Word { text: string; term: string }

function words(body: string): Word[] {
  return analyze(body).filter((t) => !t.piece).map((t) => ({ text: body.slice(t.start, t.end), term: t.term }));
}

const N = STORY_DEFAULTS.shingle;
const gram = (w: Word[], i: number) => shingleHash(w.slice(i, i + N).map((x) => hash32(x.term, STORY_DEFAULTS.seed)), 0, N, STORY_DEFAULTS.seed);

/** 0 own, 1 shared, 2 boilerplate, per word of `w`. */
function marks(w: Word[], other: Set<number>, df: Map<number, number>, full: boolean, brief: boolean): string {
  const m = new Array<number>(w.length).fill(0);
  for (let i = 0; i + N <= w.length; i++) {
    const h = gram(w, i);
    const k = (df.get(h) ?? 0) > STORY_DEFAULTS.maxShingleDf ? 2 : other.has(h) ? 1 : 0;
    for (let j = i; j < i + N; j++) m[j] = Math.max(m[j], k);
  }
  const runs: string[] = [];
  for (let i = 0; i < w.length; ) {
    let j = i;
    while (j < w.length && m[j] === m[i]) j++;
    const run = w.slice(i, j).map((x) => x.text);
    if (brief) {
      runs.push(`${'USB'[m[i]]}${run.length}`);
      i = j;
      continue;
    }
    const keep = full ? Infinity : m[i] === 0 ? 14 : 8;
    const text = run.length > keep ? `${run.slice(0, keep - 3).join(' ')} …(${run.length} words)… ${run.slice(-3).join(' ')}` : run.join(' ');
    runs.push(m[i] === 1 ? `[[${text}]]` : m[i] === 2 ? `{{${text}}}` : text);
    i = j;
  }
  return runs.join(' ');
}

async function main() {
  const { values, positionals } = parseArgs({ options: { shared: { type: 'string' }, pairs: { type: 'string' }, full: { type: 'boolean', default: false }, brief: { type: 'boolean', default: false } }, allowPositionals: true });
  const root = path.resolve(import.meta.dirname, '..', '..', '..');
  const shared = resolveShared(root, values.shared);
  if (!shared) throw new Error('show: ../shared not found; pass --shared <dir> (the folder holding corpus/ and eval/)');
  const pairs: { a: string; b: string }[] = values.pairs ? JSON.parse(readFileSync(values.pairs, 'utf8')) : [];
  for (let i = 0; i + 1 < positionals.length; i += 2) pairs.push({ a: positionals[i], b: positionals[i + 1] });
  const articles: Article[] = [];
  for (const f of corpusFiles(shared)) articles.push(...(await loadFile(f)).articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const docs = shingleDocs(articles.map(storyInput));
  const df = documentFrequency(docs);
  const docById = new Map(docs.map((d) => [d.id, d]));
  pairs.forEach((p, n) => {
    const a = byId.get(p.a), b = byId.get(p.b);
    if (!a || !b) throw new Error(`show: no article «${!a ? p.a : p.b}»`);
    const da = docById.get(a.id)!, db = docById.get(b.id)!;
    const c = pairCounts(da.shingles, db.shingles, df, STORY_DEFAULTS.maxShingleDf);
    console.log(`\n#${n} ${a.id} | ${b.id}  overlap ${c.overlap.toFixed(3)} raw ${c.rawOverlap.toFixed(3)} words ${da.words}/${db.words}`);
    for (const [x, d, o] of [[a, da, db], [b, db, da]] as const) {
      console.log(`  ${x.id} · ${x.source} · ${x.publishedAt ?? 'undated'} · ${x.title}`);
      console.log(`    ${marks(words(x.body.join('\n')), new Set(o.shingles), df, values.full, values.brief)}`);
      void d;
    }
  });
}

await main();
