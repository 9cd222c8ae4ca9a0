// The search core: answers the API's questions from an index held in memory.
// Framework-free, so the route handlers, the pages, the tests and the
// benchmarks all call exactly this.
import type { Index } from 'flexsearch';
import type {
  Article,
  ArticleResponse,
  MatchMode,
  MonthCount,
  SearchFacets,
  SearchResponse,
  SearchResult,
  YearCount,
} from '../types';
import { analyze } from '../persian/analyze';
import { FacetField } from './facet-field';
import { boundToDayNumber, formatJalaliKey, jalaliDayNumber } from '../jalali';
import { RESOLUTION, createFlexIndex, postingsOf, vocabularyOf, type Postings } from './flex';
import { addArticle } from './document';
import { highlight } from './highlight';
import { makeSnippets } from './snippets';
import { matcherFor, parseQuery, queryView, type ParsedQuery } from './query';
import type { SearchParams } from './params';

/** Best (lowest) FlexSearch slot per matching article: where the term first stands. */
type SlotsByDoc = Map<number, number>;

const FACET_LIMIT = 20;

interface TermGroup {
  slots: SlotsByDoc;
  idf: number;
}

function addPostings(into: SlotsByDoc, postings: Postings): void {
  for (let slot = 0; slot < postings.length; slot++) {
    const ids = postings[slot];
    if (!ids) continue;
    for (const id of ids) {
      const seen = into.get(id);
      if (seen === undefined || slot < seen) into.set(id, slot);
    }
  }
}

/** Index of the first element >= key in a sorted array. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SearchEngine {
  private readonly vocabulary: string[];
  /** Jalali day key (yyyymmdd) per article, 0 when undated. */
  private readonly dayKey: Int32Array;
  /** Publication instant per article in ms, NaN when undated. */
  private readonly time: Float64Array;
  private readonly docIdById: Map<string, number>;
  private readonly sources: FacetField;
  private readonly tags: FacetField;

  constructor(
    private readonly articles: readonly Article[],
    private readonly index: Index,
  ) {
    this.vocabulary = vocabularyOf(index);
    this.dayKey = new Int32Array(articles.length);
    this.time = new Float64Array(articles.length);
    this.docIdById = new Map();
    articles.forEach((a, docId) => {
      this.dayKey[docId] = a.jalali ? jalaliDayNumber(a.jalali) : 0;
      this.time[docId] = a.publishedAt ? Date.parse(a.publishedAt) : NaN;
      this.docIdById.set(a.id, docId);
    });
    this.sources = new FacetField(articles.map((a) => (a.source ? [a.source] : [])));
    this.tags = new FacetField(articles.map((a) => a.tags));
  }

  /** Builds an engine in memory (tests, small corpora); the builder uses the same steps. */
  static fromArticles(articles: readonly Article[]): SearchEngine {
    const index = createFlexIndex();
    articles.forEach((article, docId) => addArticle(index, docId, article));
    return new SearchEngine(articles, index);
  }

  get size(): number {
    return this.articles.length;
  }

  private idf(df: number): number {
    return Math.log(1 + this.articles.length / Math.max(df, 1));
  }

  private groupFor(term: string, prefix: boolean): TermGroup {
    const slots: SlotsByDoc = new Map();
    if (prefix) {
      const end = lowerBound(this.vocabulary, term + '\uffff');
      for (let i = lowerBound(this.vocabulary, term); i < end; i++) {
        const postings = postingsOf(this.index, this.vocabulary[i]);
        if (postings) addPostings(slots, postings);
      }
    } else {
      const postings = postingsOf(this.index, term);
      if (postings) addPostings(slots, postings);
    }
    return { slots, idf: this.idf(slots.size) };
  }

  /**
   * Every article the query matches, with its relevance score. With match=all
   * an article needs every term; with match=any one is enough, and the score
   * (a sum over the terms it has) ranks those with more and rarer terms first.
   */
  private match(query: ParsedQuery, mode: MatchMode): Map<number, number> {
    const scores = new Map<number, number>();
    if (query.terms.length === 0) {
      for (let docId = 0; docId < this.articles.length; docId++) scores.set(docId, 0);
      return scores;
    }
    const last = query.terms.length - 1;
    const groups = query.terms.map((t, i) => this.groupFor(t, i === last && query.lastIsPrefix));
    // Slot 0 (title and lead) weighs twice the last slot.
    const weight = (slot: number) => 1 + (RESOLUTION - 1 - Math.min(slot, RESOLUTION - 1)) / (RESOLUTION - 1);
    if (mode === 'any') {
      for (const g of groups) {
        for (const [docId, slot] of g.slots) scores.set(docId, (scores.get(docId) ?? 0) + g.idf * weight(slot));
      }
      return scores;
    }
    groups.sort((a, b) => a.slots.size - b.slots.size);
    const [rarest, ...rest] = groups;
    for (const [docId, slot] of rarest.slots) {
      let score = rarest.idf * weight(slot);
      let all = true;
      for (const g of rest) {
        const s = g.slots.get(docId);
        if (s === undefined) {
          all = false;
          break;
        }
        score += g.idf * weight(s);
      }
      if (all) scores.set(docId, score);
    }
    return scores;
  }

  /** Query words, as typed, that no article contains (the page says which matched nothing). */
  private unmatched(q: string, query: ParsedQuery): string[] {
    const lastIndex = query.terms.length - 1;
    const missing = new Set<string>();
    const tokens = analyze(q);
    query.terms.forEach((term, i) => {
      if (this.groupFor(term, i === lastIndex && query.lastIsPrefix).slots.size > 0) return;
      const token = tokens.find((t) => t.term === term);
      if (token) missing.add(q.slice(token.start, token.end));
    });
    return [...missing];
  }

  /** Ids of the `limit` best articles for `q`, best first (evaluation and benchmarks). */
  rank(q: string, options: { match?: MatchMode; limit?: number } = {}): string[] {
    const scores = this.match(parseQuery(q), options.match ?? 'all');
    const hits = [...scores.keys()];
    this.sort(hits, scores, 'relevance', false);
    return hits.slice(0, options.limit ?? 1000).map((docId) => this.articles[docId].id);
  }

  /** Matches passing every filter, in the requested order, and the facets over them. */
  private select(params: SearchParams, query: ParsedQuery): { hits: number[]; facets: SearchFacets } {
    const matches = this.match(query, params.match);
    const fromKey = params.from ? boundToDayNumber(params.from, 'start') : 0;
    const toKey = params.to ? boundToDayNumber(params.to, 'end') : Number.MAX_SAFE_INTEGER;
    const dated = params.from !== null || params.to !== null;
    const fromYear = params.from?.year ?? -Infinity;
    const toYear = params.to?.year ?? Infinity;
    const sources = params.source.length > 0 ? this.sources.codesFor(params.source) : null;
    const tags = params.tag.length > 0 ? this.tags.codesFor(params.tag) : null;

    // One pass: each facet counts the matches that pass every filter but its own.
    const years = new Map<number, number>();
    const months = new Map<number, number>();
    const sourceCounts = this.sources.newCounts();
    const tagCounts = this.tags.newCounts();
    const hits: number[] = [];
    for (const docId of matches.keys()) {
      const key = this.dayKey[docId];
      const inDates = !dated || (key !== 0 && key >= fromKey && key <= toKey);
      const inSources = sources === null || this.sources.hasAny(docId, sources);
      const inTags = tags === null || this.tags.hasAny(docId, tags);
      if (inSources && inTags && key !== 0) {
        const year = Math.floor(key / 10000);
        years.set(year, (years.get(year) ?? 0) + 1);
        if (year >= fromYear && year <= toYear) {
          const ym = Math.floor(key / 100);
          months.set(ym, (months.get(ym) ?? 0) + 1);
        }
      }
      if (inDates && inTags) this.sources.countInto(docId, sourceCounts);
      if (inDates && inSources) this.tags.countInto(docId, tagCounts);
      if (inDates && inSources && inTags) hits.push(docId);
    }
    this.sort(hits, matches, params.sort, query.terms.length === 0);

    const facets: SearchFacets = {
      jalaliYears: [...years].map(([year, count]): YearCount => ({ year, count })).sort((a, b) => a.year - b.year),
      jalaliMonths: [...months]
        .map(([ym, count]): MonthCount => ({ year: Math.floor(ym / 100), month: ym % 100, count }))
        .sort((a, b) => a.year - b.year || a.month - b.month),
      sources: this.sources.top(sourceCounts, FACET_LIMIT, sources ?? undefined),
      tags: this.tags.top(tagCounts, FACET_LIMIT, tags ?? undefined),
    };
    return { hits, facets };
  }

  /**
   * Every article the search matches, in its order, ignoring page and size:
   * the export streams these without building a response in memory.
   */
  *allMatches(params: SearchParams): Generator<Article> {
    const { hits } = this.select(params, parseQuery(params.q));
    for (const docId of hits) yield this.articles[docId];
  }

  search(params: SearchParams): SearchResponse {
    const started = performance.now();
    const query = parseQuery(params.q);
    const { hits, facets } = this.select(params, query);

    const matcher = matcherFor(query);
    const offset = (params.page - 1) * params.size;
    const results: SearchResult[] = hits.slice(offset, offset + params.size).map((docId) => {
      const a = this.articles[docId];
      return {
        id: a.id,
        title: highlight(a.title, matcher),
        publishedAt: a.publishedAt,
        jalaliDate: a.jalali ? formatJalaliKey(a.jalali) : null,
        source: a.source,
        tags: a.tags,
        url: a.url,
        snippets: makeSnippets(a.body, matcher),
      };
    });

    return {
      total: hits.length,
      page: params.page,
      size: params.size,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      results,
      facets,
      query: queryView(query, params.match),
      unmatched: hits.length === 0 ? this.unmatched(params.q, query) : [],
    };
  }

  private sort(hits: number[], scores: Map<number, number>, order: SearchParams['sort'], emptyQuery: boolean): void {
    const time = this.time;
    // Undated articles go last in either date order.
    const newer = (a: number, b: number) => (time[b] || -Infinity) - (time[a] || -Infinity);
    const older = (a: number, b: number) => (time[a] || Infinity) - (time[b] || Infinity);
    const byDate = order === 'oldest' ? older : newer;
    if (order === 'relevance' && !emptyQuery) {
      hits.sort((a, b) => scores.get(b)! - scores.get(a)! || newer(a, b) || a - b);
    } else {
      hits.sort((a, b) => byDate(a, b) || a - b);
    }
  }

  article(id: string, q = ''): ArticleResponse | null {
    const docId = this.docIdById.get(id);
    if (docId === undefined) return null;
    const a = this.articles[docId];
    const matcher = matcherFor(parseQuery(q));
    return {
      id: a.id,
      title: highlight(a.title, matcher),
      paragraphs: a.body.map((p) => highlight(p, matcher)),
      publishedAt: a.publishedAt,
      jalaliDate: a.jalali ? formatJalaliKey(a.jalali) : null,
      source: a.source,
      tags: a.tags,
      url: a.url,
      dateline: a.dateline,
      agency: a.agency,
      category: a.category,
    };
  }
}
