// `npm run bench:context`: the engine time of the reading-in-context views at
// 100,000 articles: the concordance of a rare, a middling and a common word
// (the first page, which tables every hit of every matching article, then the
// next page and another sort, which reuse the table), and the export of every line.
//
//   npm run bench:context [-- --words "ایران,مجلس,کتابخانه" --concordance no]
//
// The index is bench/.cache/index-100k (`npm run bench:query` makes it).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEngine } from '../../lib/search/load';
import { concordance, concordanceLines, sortedHits, tableFor } from '../../lib/search/present/concordance';
import { parseConcordanceParams } from '../../lib/search/present/concordance-params';
import { INDEX_DIR } from '../query/paths';
import { parseCollocatesParams, parseTermsParams } from '../../lib/search/collect/terms-params';
import { msText } from '../query/stats';

const { values } = parseArgs({ options: { words: { type: 'string', default: 'کتابخانه,مجلس,ایران' }, concordance: { type: 'string', default: 'yes' } } });
if (!existsSync(path.join(INDEX_DIR, 'manifest.json'))) {
  console.error(`bench:context: no index at ${INDEX_DIR}: run npm run bench:query once to make it`);
  process.exit(1);
}
const engine = await loadEngine(INDEX_DIR);
const time = <T>(run: () => T): [T, number] => {
  const started = performance.now();
  const out = run();
  return [out, performance.now() - started];
};
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
console.log(`bench:context: ${engine.size.toLocaleString('en-US')} articles (${INDEX_DIR})`);
{
  // The first terms or collocates request groups the vocabulary and counts the whole archive once (kept).
  const ask = new URLSearchParams(`q=${encodeURIComponent('ایران')}`);
  const [, firstMs] = time(() => engine.terms(parseTermsParams(ask).search, 'all', 30));
  console.log(`  first terms request (word groups, archive counts): ${msText(firstMs)} ms`);
}
for (const word of values.words!.split(',').map((w) => w.trim()).filter(Boolean)) {
  const ask = new URLSearchParams(`q=${encodeURIComponent(word)}`);
  const terms = parseTermsParams(ask);
  const [all, allMs] = time(() => engine.terms(terms.search, 'all', 30));
  const [, rangeFirstMs] = time(() => engine.terms({ ...terms.search, from: parseTermsParams(new URLSearchParams(`${ask}&from=1385&to=1390`)).search.from, to: parseTermsParams(new URLSearchParams(`${ask}&from=1385&to=1390`)).search.to }, 'range', 30));
  const [, rangeMs] = time(() => engine.terms(terms.search, 'range', 30));
  const [coll, collMs] = time(() => engine.collocates(parseCollocatesParams(ask).search, 5, 30));
  // With group=story: one article per story (the first grouped request also counts the archive by story, then kept).
  const storyAsk = new URLSearchParams(`${ask}&group=story`);
  const [storyTerms, storyTermsMs] = time(() => engine.terms(parseTermsParams(storyAsk).search, 'all', 30));
  const [, storyCollMs] = time(() => engine.collocates(parseCollocatesParams(storyAsk).search, 5, 30));
  console.log(
    `  «${word}»: terms over ${all.results.toLocaleString('en-US')} articles: background=all ${msText(allMs)} ms, background=range ${msText(rangeMs)} ms ` +
      `(a new range 1385–1390, counted then kept: ${msText(rangeFirstMs)} ms); collocates ±5 around ${coll.hits.toLocaleString('en-US')} hits ${msText(collMs)} ms; ` +
      `group=story: terms over ${storyTerms.results.toLocaleString('en-US')} stories ${msText(storyTermsMs)} ms, collocates ${msText(storyCollMs)} ms; ` +
      `top terms ${all.terms.slice(0, 5).map((t) => t.term).join(' ')}; top collocates ${coll.collocates.slice(0, 5).map((c) => c.term).join(' ')}`,
  );
}
for (const word of values.concordance === 'no' ? [] : values.words!.split(',').map((w) => w.trim()).filter(Boolean)) {
  const ask = (extra: string) => parseConcordanceParams(new URLSearchParams(`q=${encodeURIComponent(word)}&${extra}`));
  const [, matchMs] = time(() => engine.query({ ...ask('').search, sort: 'oldest' }, { top: Infinity }));
  const rss = process.memoryUsage().rss;
  const [first, firstMs] = time(() => concordance(engine, ask('')));
  const [, nextMs] = time(() => concordance(engine, ask('page=2')));
  const [, leftMs] = time(() => concordance(engine, ask('sort=left1')));
  const [, leftNextMs] = time(() => concordance(engine, ask('sort=left1&page=3')));
  const table = tableFor(engine, ask('').search);
  const [exported, exportMs] = time(() => {
    let n = 0;
    for (const _ of concordanceLines(table, sortedHits(table, 'left1', null), 0, Infinity, 8, {})) n++;
    return n;
  });
  console.log(
    `  «${word}»: ${first.total.toLocaleString('en-US')} hits in ${first.articles.toLocaleString('en-US')} articles (${first.forms.length} forms); ` +
      `matching ${msText(matchMs)} ms; first page (tables every hit) ${msText(firstMs)} ms, rss +${mb(process.memoryUsage().rss - rss)}; ` +
      `page 2 ${msText(nextMs)} ms; sort=left1 ${msText(leftMs)} ms, its page 3 ${msText(leftNextMs)} ms; ` +
      `every line cut (the export's work, sort=left1) ${msText(exportMs)} ms for ${exported.toLocaleString('en-US')}`,
  );
}
