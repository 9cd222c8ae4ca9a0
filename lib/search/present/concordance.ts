// The concordance (keyword in context): every occurrence of a query's matched
// words in the bodies of every matching article, one line per hit, with its
// context cut at word boundaries. The hits are found as the article page
// marks them (highlight.ts over the analyzer's tokens, spans merged, a phrase
// one span), so a line's «#hit-N» opens the page at the same mark. It reads
// text, so it is presentation; the matches come from the engine's one path.
//
// Exact and bounded: one pass over the matching articles makes a table of
// every hit (eleven integers a hit, no strings but the distinct context words),
// which is kept for a few searches so that paging, sorting and the export do
// not read the archive again; only the lines shown (or exported) are cut from
// the text.
import type { Article, ConcordanceLine, ConcordanceResponse, ConcordanceSort } from '../../types';
import { formatJalaliKey } from '../../jalali';
import { analyze, type Token } from '../../persian/analyze';
import { hitSpansOf, type HighlightPlan, type HitSpan } from '../highlight';
import type { SearchParams } from '../params';
import { articleHref, type UrlState } from '../../ui/href';
import type { ConcordanceParams } from './concordance-params';

/** What the concordance reads: SearchEngine.matchedTexts. */
export interface TextSource {
  matchedTexts(params: SearchParams): { docs: number[]; otherCopies: number; plan: HighlightPlan; article: (docId: number) => Article };
}

/** A growable column of 32-bit integers. */
class Column {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

/** Interns strings as small integers. */
class Strings {
  readonly ids = new Map<string, number>();
  readonly list: string[] = [];
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(s, id);
      this.list.push(s);
    }
    return id;
  }
}

const SIDE_WORDS = 3;
/** Context keys per hit: left1..left3, then right1..right3; -1 where the paragraph ends first. */
const KEYS = SIDE_WORDS * 2;

/** Every hit of a search, in reading order of the articles oldest first. */
export interface HitTable {
  docs: readonly number[];
  /** Matching articles left out as other copies of a story read once (group=story); 0 otherwise. */
  otherCopies: number;
  article: (docId: number) => Article;
  plan: HighlightPlan;
  hits: number;
  /** Per hit: place in `docs`, paragraph, start offset in it, number in the article (1-based, the page's hit-N), form. */
  doc: Int32Array;
  para: Int32Array;
  start: Int32Array;
  ordinal: Int32Array;
  form: Int32Array;
  /** Per hit, KEYS ids into `words` (or -1). */
  keys: Int32Array;
  /** Per place in `docs`: the article's source, an id into `sources` (-1: none). */
  source: Int32Array;
  forms: Strings;
  words: Strings;
  sources: Strings;
  /** Orders already sorted, by sort and form. */
  orders: Map<string, Int32Array>;
}

/** The first index at or after `from` whose item's `key` is past `offset` (items sorted by it). */
function firstPast<T>(items: readonly T[], key: (item: T) => number, offset: number, from = 0): number {
  let lo = from;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first word of `words` whose end is past `offset`. */
const wordAt = (words: readonly Token[], offset: number, from: number) => firstPast(words, (t) => t.end, offset, from);

/** The words a span covers, [first, last]; the span may be a piece of one word. */
function spanWords(words: readonly Token[], span: HitSpan, from: number): [number, number] {
  const first = wordAt(words, span.start, from);
  let last = first;
  while (last + 1 < words.length && words[last + 1].start < span.end) last++;
  return [first, last];
}

/** The folded form of a hit: its words' terms, or the analyzed text when the hit is a piece of a word. */
function formOf(text: string, words: readonly Token[], span: HitSpan, first: number, last: number): string {
  if (words[first]?.start === span.start && words[last]?.end === span.end) {
    let form = words[first].term;
    for (let w = first + 1; w <= last; w++) form += ' ' + words[w].term;
    return form;
  }
  return analyze(text.slice(span.start, span.end))
    .map((t) => t.term)
    .join(' ');
}

/** One paragraph's words and hits (the article page's spans). */
function paragraphHits(text: string, plan: HighlightPlan): { words: Token[]; spans: HitSpan[] } {
  const tokens = analyze(text, { pieces: true });
  const spans = hitSpansOf(tokens, plan);
  return { words: spans.length > 0 ? tokens.filter((t) => !t.piece) : [], spans };
}

/** Reads every matching article once and tables its hits. */
export function hitTable(docs: readonly number[], article: (docId: number) => Article, plan: HighlightPlan, otherCopies = 0): HitTable {
  const [doc, para, start, ordinal, form, keys] = [new Column(), new Column(), new Column(), new Column(), new Column(), new Column()];
  const forms = new Strings();
  const words = new Strings();
  const sources = new Strings();
  const source = new Int32Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const a = article(docs[i]);
    source[i] = a.source ? sources.id(a.source) : -1;
    let n = 0;
    for (let p = 0; p < a.body.length; p++) {
      const text = a.body[p];
      const { words: ws, spans } = paragraphHits(text, plan);
      let w = 0;
      for (const span of spans) {
        const [first, last] = spanWords(ws, span, w);
        w = first;
        doc.push(i);
        para.push(p);
        start.push(span.start);
        ordinal.push(++n);
        form.push(forms.id(formOf(text, ws, span, first, last)));
        for (let k = 1; k <= SIDE_WORDS; k++) keys.push(first - k >= 0 ? words.id(ws[first - k].term) : -1);
        for (let k = 1; k <= SIDE_WORDS; k++) keys.push(last + k < ws.length ? words.id(ws[last + k].term) : -1);
      }
    }
  }
  return {
    docs,
    otherCopies,
    article,
    plan,
    hits: doc.length,
    doc: doc.data.subarray(0, doc.length),
    para: para.data.subarray(0, para.length),
    start: start.data.subarray(0, start.length),
    ordinal: ordinal.data.subarray(0, ordinal.length),
    form: form.data.subarray(0, form.length),
    keys: keys.data.subarray(0, keys.length),
    source,
    forms,
    words,
    sources,
    orders: new Map(),
  };
}

const collator = new Intl.Collator('fa');

/** Ranks of interned strings in Persian alphabetical order; a missing word (-1) sorts after every word. */
function ranks(strings: Strings): Int32Array {
  const order = strings.list.map((_, i) => i).sort((a, b) => collator.compare(strings.list[a], strings.list[b]));
  const rank = new Int32Array(strings.list.length);
  order.forEach((id, r) => (rank[id] = r));
  return rank;
}

/** The keys compared, in turn, for a sort by context: the chosen word, then the others of its side, nearest first. */
function keyOrder(sort: ConcordanceSort): number[] {
  const side = sort.startsWith('left') ? 0 : SIDE_WORDS;
  const chosen = Number(sort.slice(-1)) - 1;
  return [chosen, ...[0, 1, 2].filter((k) => k !== chosen)].map((k) => side + k);
}

/** The hits (of one form, or all) in the asked order; reading order breaks ties. */
export function sortedHits(table: HitTable, sort: ConcordanceSort, form: string | null): Int32Array {
  const cacheKey = `${sort}\u0000${form ?? ''}`;
  const cached = table.orders.get(cacheKey);
  if (cached) return cached;
  const formId = form === null ? -1 : (table.forms.ids.get(form) ?? -2);
  const keep = (h: number) => formId === -1 || table.form[h] === formId;
  let n = 0;
  for (let h = 0; h < table.hits; h++) if (keep(h)) n++;
  const picked = new Int32Array(n);
  n = 0;
  for (let h = 0; h < table.hits; h++) if (keep(h)) picked[n++] = h;
  if (sort === 'source') {
    const rank = ranks(table.sources);
    const last = rank.length;
    const of = (h: number) => {
      const s = table.source[table.doc[h]];
      return s < 0 ? last : rank[s];
    };
    picked.sort((a, b) => of(a) - of(b) || a - b);
  } else if (sort !== 'date') {
    const rank = ranks(table.words);
    const missing = rank.length;
    const { keys } = table;
    const order3 = keyOrder(sort);
    const at = (h: number, k: number) => {
      const id = keys[h * KEYS + k];
      return id < 0 ? missing : rank[id];
    };
    picked.sort((a, b) => at(a, order3[0]) - at(b, order3[0]) || at(a, order3[1]) - at(b, order3[1]) || at(a, order3[2]) - at(b, order3[2]) || a - b);
  }
  if (table.orders.size >= 8) table.orders.delete(table.orders.keys().next().value!);
  table.orders.set(cacheKey, picked);
  return picked;
}

/** Hits cut together: each article of a chunk is read once, each paragraph analyzed once, whatever the order. */
const LINES_CHUNK = 1024;

/**
 * The lines of `hits[from, to)`, cut to `width` words either side within the
 * hit's paragraph, read as they are pulled (the export streams all of them).
 */
export function* concordanceLines(
  table: HitTable,
  hits: Int32Array,
  from: number,
  to: number,
  width: number,
  state: UrlState,
): Generator<ConcordanceLine> {
  const end = Math.min(to, hits.length);
  for (let at = from; at < end; at += LINES_CHUNK) {
    const chunk = hits.slice(at, Math.min(end, at + LINES_CHUNK));
    const byPlace = Array.from(chunk.keys()).sort((x, y) => chunk[x] - chunk[y]);
    const lines: ConcordanceLine[] = new Array(chunk.length);
    let articleAt = -1;
    let a: Article | null = null;
    let href = '';
    let paraAt = -1;
    let read: { words: Token[]; spans: HitSpan[] } = { words: [], spans: [] };
    // Hits are numbered in reading order, so sorting a chunk by hit number groups it by article and paragraph.
    for (const i of byPlace) {
      const h = chunk[i];
      const d = table.doc[h];
      if (d !== articleAt) {
        a = table.article(table.docs[d]);
        href = articleHref(a.id, state);
        articleAt = d;
        paraAt = -1;
      }
      const p = table.para[h];
      const text = a!.body[p];
      if (p !== paraAt) {
        read = paragraphHits(text, table.plan);
        paraAt = p;
      }
      const span = read.spans[firstPast(read.spans, (s) => s.start, table.start[h] - 1)];
      const { words } = read;
      const [first, last] = spanWords(words, span, 0);
      const leftFrom = first - width <= 0 ? 0 : words[first - width].start;
      const rightTo = last + width >= words.length - 1 ? text.length : words[last + width].end;
      lines[i] = {
        id: a!.id,
        jalaliDate: a!.jalali ? formatJalaliKey(a!.jalali) : null,
        source: a!.source,
        left: text.slice(leftFrom, span.start).trim(),
        hit: text.slice(span.start, span.end),
        right: text.slice(span.end, rightTo).trim(),
        form: table.forms.list[table.form[h]],
        href: `${href}#hit-${table.ordinal[h]}`,
      };
    }
    yield* lines;
  }
}

/** Tables kept per source (an engine), by search: paging and sorting the same search do not read it again. */
const TABLES_KEPT = 4;
const tables = new WeakMap<TextSource, Map<string, HitTable>>();

function searchKey(s: SearchParams): string {
  return JSON.stringify([s.q, s.match, s.from, s.to, s.undated, [...s.source].sort(), [...s.tag].sort(), s.group]);
}

/** The hit table of a search, made once and kept for the next pages. */
export function tableFor(source: TextSource, search: SearchParams): HitTable {
  let kept = tables.get(source);
  if (!kept) tables.set(source, (kept = new Map()));
  const key = searchKey(search);
  const hit = kept.get(key);
  if (hit) {
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const { docs, otherCopies, plan, article } = source.matchedTexts(search);
  const table = hitTable(docs, article, plan, otherCopies);
  if (kept.size >= TABLES_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, table);
  return table;
}

/** How many forms the answer lists (the rest are in no line's filter list, but still counted in `total`). */
export const FORMS_SHOWN = 50;

/** Forms with their hit counts, most first. */
export function formCounts(table: HitTable): { form: string; hits: number }[] {
  const counts = new Int32Array(table.forms.list.length);
  for (let h = 0; h < table.hits; h++) counts[table.form[h]]++;
  return table.forms.list
    .map((form, i) => ({ form, hits: counts[i] }))
    .sort((a, b) => b.hits - a.hits || collator.compare(a.form, b.form))
    .slice(0, FORMS_SHOWN);
}

/** Articles among `hits`. */
function articlesOf(table: HitTable, hits: Int32Array): number {
  const seen = new Uint8Array(table.docs.length);
  let n = 0;
  for (const h of hits) {
    const d = table.doc[h];
    if (seen[d] === 0) {
      seen[d] = 1;
      n++;
    }
  }
  return n;
}

/** GET /api/concordance's answer. */
export function concordance(source: TextSource, params: ConcordanceParams): ConcordanceResponse {
  const started = performance.now();
  const table = tableFor(source, params.search);
  const hits = sortedHits(table, params.sort, params.form);
  const offset = (params.page - 1) * params.size;
  const lines = [...concordanceLines(table, hits, offset, offset + params.size, params.width, params.state)];
  return {
    total: hits.length,
    articles: articlesOf(table, hits),
    group: params.search.group,
    otherCopies: table.otherCopies,
    page: params.page,
    size: params.size,
    width: params.width,
    sort: params.sort,
    form: params.form,
    forms: formCounts(table),
    lines,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  };
}
