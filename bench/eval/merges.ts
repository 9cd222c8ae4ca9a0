// `npm run merges`: what each spelling rule merges over the real vocabulary
// (the shared corpora, analyzed as the index builder does), with document
// frequencies, so a reader can check that no two different words merge.
//
//   tsx bench/eval/merges.ts [--shared <dir>] [--rule hamza|elongation|<stem rule>] [--limit 40]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../../lib/persian/analyze';
import { hamzaKey, isSpellingKey } from '../../lib/persian/spelling-keys';
import { NAMED_RULES, stem } from '../../lib/persian/stem';
import { buildIndexData } from '../../lib/search/index-data';
import { lowerBound } from '../../lib/search/sorted';
import { elongationReading, hamzaSpellings, type Vocabulary } from '../../lib/search/spellings';
import type { Article } from '../../lib/types';
import { corpusFiles, loadFile, resolveShared } from './corpus';
import { table, visible } from './report';

const RULES = ['hamza', 'elongation', ...NAMED_RULES];
const USAGE = `usage: npm run merges -- [--shared <dir>] [--rule <name>] [--limit <n>]
  --shared  the folder holding corpus/ and eval/ (default: KAVOSH_SHARED, else ../shared)
  --rule    one of ${RULES.join(', ')} (default: all)
  --limit   rows per list (default 40)`;

function args() {
  try {
    const { values } = parseArgs({
      options: {
        shared: { type: 'string' },
        rule: { type: 'string' },
        limit: { type: 'string', default: '40' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    const limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new Error('--limit takes a positive integer');
    if (values.rule !== undefined && !RULES.includes(values.rule)) throw new Error(`--rule: no rule "${values.rule}"`);
    return { ...values, limit };
  } catch (err) {
    console.error(`merges: ${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const heading = (title: string) => console.log(`\n== ${title} ${'='.repeat(Math.max(0, 76 - title.length))}`);

async function main() {
  const opts = args();
  if (opts.help) return console.log(USAGE);
  const shared = resolveShared(path.resolve(import.meta.dirname, '..', '..'), opts.shared);
  if (!shared) {
    console.error('merges: ../shared not found; pass --shared <dir> (the folder holding corpus/ and eval/)');
    process.exit(1);
  }
  const articles: Article[] = [];
  for (const file of corpusFiles(shared)) articles.push(...(await loadFile(file)).articles);
  const data = buildIndexData(articles);
  const { vocabulary, tfOffsets } = data;
  const idOf = (term: string) => {
    const i = lowerBound(vocabulary, term);
    return vocabulary[i] === term ? i : -1;
  };
  const df = (term: string) => {
    const id = idOf(term);
    return id < 0 ? 0 : tfOffsets[id + 1] - tfOffsets[id];
  };
  const known = (term: string) => idOf(term) >= 0;
  const vocab: Vocabulary = { known, frequency: df };
  const words = vocabulary.filter((t) => !isSpellingKey(t));
  console.log(`${articles.length} articles, ${words.length} words and ${vocabulary.length - words.length} keys (hamza seats, elongations) in the vocabulary`);
  const wanted = (rule: string) => opts.rule === undefined || opts.rule === rule;
  const cell = (term: string) => `${visible(term)} (${df(term)})`;

  if (wanted('hamza')) {
    heading('hamza: a seat swapped where the archive wrote a hamza on the other spelling');
    const merged = new Map<string, [string, string]>();
    const refused = new Map<string, [string, string]>();
    for (const w of words) {
      for (const v of hamzaSpellings(w, vocab)) merged.set([w, v].sort().join(' '), [w, v].sort() as [string, string]);
      // The swaps refused: both words exist and one of them was written with a hamza on that seat.
      for (let at = 1; at < w.length; at++) {
        if (!'یوا'.includes(w[at]) || !known(hamzaKey(w, at))) continue;
        for (const other of 'یوا') {
          const v = w.slice(0, at) + other + w.slice(at + 1);
          const pair = [w, v].sort() as [string, string];
          if (other !== w[at] && known(v)) refused.set(pair.join(' '), pair);
        }
      }
    }
    for (const k of merged.keys()) refused.delete(k);
    // Each side with its articles and, after the slash, those that wrote the hamza on the seat.
    const seatOf = (a: string, b: string) => [...a].findIndex((ch, i) => ch !== b[i]);
    const side = (t: string, at: number) => `${visible(t)} (${df(t)}/${df(hamzaKey(t, at))})`;
    const rows = (pairs: Map<string, [string, string]>) =>
      [...pairs.values()]
        .sort((x, y) => Math.min(df(y[0]), df(y[1])) - Math.min(df(x[0]), df(x[1])))
        .slice(0, opts.limit)
        .map(([a, b]) => [side(a, seatOf(a, b)), side(b, seatOf(a, b))]);
    console.log(`(articles/articles that wrote the hamza on that seat)\n${merged.size} pairs merged; the ${Math.min(opts.limit, merged.size)} with the most articles on their rarer side:`);
    console.log(table(['spelling', 'spelling'], rows(merged)));
    console.log(`\n${refused.size} pairs of words one seat apart, one of them written with a hamza there, left apart; the ${Math.min(opts.limit, refused.size)} most common:`);
    console.log(table(['word', 'word'], rows(refused)));
  }

  if (wanted('elongation')) {
    heading('elongation: words written with a run of three or more letters');
    const seen = new Map<string, { typed: string; count: number; term: string; doubled: string }>();
    for (const a of articles) {
      for (const text of [a.title, ...a.body]) {
        const tokens = analyze(text, { pieces: true });
        for (let i = 1; i < tokens.length; i++) {
          const t = tokens[i];
          if (!t.spelling || isSpellingKey(t.term)) continue;
          const word = tokens.slice(0, i).reverse().find((w) => !w.spelling && w.start === t.start && w.end === t.end);
          if (!word) continue;
          const typed = text.slice(t.start, t.end);
          const e = seen.get(typed) ?? { typed, count: 0, term: word.term, doubled: t.term };
          e.count++;
          seen.set(typed, e);
        }
      }
    }
    const rows = [...seen.values()].sort((x, y) => y.count - x.count).slice(0, opts.limit);
    console.log(`${seen.size} elongated spellings; how a query typed so reads (elongationReading: by the articles that have each reading as a word):`);
    console.log(
      table(
        ['typed', 'times', 'one letter', 'two letters', 'query reads'],
        rows.map((e) => [visible(e.typed), e.count, cell(e.term), cell(e.doubled), visible(elongationReading(e.term, e.typed, vocab))]),
      ),
    );
  }

  for (const rule of NAMED_RULES) {
    if (!wanted(rule)) continue;
    heading(`${rule}: words the rule joins to another stem`);
    const without = new Set([rule]);
    const joined = words
      .map((w) => ({ w, now: stem(w, known, { frequency: df }), before: stem(w, known, { frequency: df, without }) }))
      .filter((x) => x.now !== x.before)
      .sort((x, y) => df(y.w) - df(x.w));
    console.log(`${joined.length} words; the ${Math.min(opts.limit, joined.length)} in the most articles (word → stem, the stem without the rule):`);
    console.log(table(['word', 'stem', 'without the rule'], joined.slice(0, opts.limit).map((x) => [cell(x.w), cell(x.now), visible(x.before)])));
  }
}

await main();
