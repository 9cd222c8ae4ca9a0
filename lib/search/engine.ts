// The search core's front: one object per loaded index. A search is parsed
// into a query tree and expanded into term groups (query/), matched into the
// articles and their scores (match/, score/), collected (collect/: filters,
// facets, order) and, for the API's answer only, presented (present/: the text).
// The research views call `query` and never pay for the text; `count` is for
// the no-results relaxations. See docs/design.md for the map of the modules.
import type { Article, ArticleResponse, CollocatesResponse, MatchMode, ResultStory, SearchFacets, SearchResponse, StoryCopy, TermsResponse, TrendInterval } from '../types';
import { MemoryStore, type ArticleStore } from './article-store';
import { ArticleDates } from './collect/article-dates';
import { autoInterval, countPeriods, datedExtent, Timeline, type PeriodCounts } from './collect/periods';
import { resolveFilters, type FacetFields } from './collect/filters';
import { ordered, orderKeys } from './collect/order';
import { byUnit, collectStories, countStoryPeriods } from './collect/stories';
import { collocates } from './collect/collocates';
import { distinctiveTerms, groupCounts, wordGroups } from './collect/terms';
import { formatJalaliKey } from '../jalali';
import { FacetField } from './facet-field';
import { buildIndexData, type IndexData } from './index-data';
import { Matcher } from './match/matcher';
import { PhraseMatcher } from './match/phrase';
import { MAX_QUERY_LENGTH, type SearchParams } from './params';
import { boundToDayNumber } from '../jalali';
import type { HighlightPlan } from './highlight';
import { highlightPlan } from './present/highlight-plan';
import { articleResponse, resultOf } from './present/results';
import { articleStory } from './present/stories';
import { suggestionsFor } from './present/suggestions';
import { wordForms } from './present/word-forms';
import { expectedWork, MAX_QUERY_COST, queryCost } from './query/cost';
import { TermExpander, type Alternative } from './query/expand';
import { parseQuery, queryView, type ParsedQuery } from './query/parse';
import { Bm25 } from './score/bm25';
import { ProximityBonus } from './score/side-by-side';
import { rankingWeights, type RankingWeights } from './score/weights';
import { IndexStore } from './store/index-store';
import { noStories } from '../stories/file';
import type { StoryTable } from '../stories/table';

export { MAX_QUERY_COST, QueryTooCostlyError } from './query/cost';
export { FORMS_LISTED } from './present/word-forms';

/** Timelines whose unfiltered totals an engine keeps (a page switching intervals and ranges uses a few). */
const TOTALS_KEPT = 32;

export interface EngineOptions {
  /** The most work one query may ask for (query/cost.ts); lower in tests. */
  maxQueryCost?: number;
  /** Ranking weights over the defaults (bench/eval sweeps them). */
  weights?: Partial<RankingWeights>;
  /** The index's stories (copies of one story grouped, lib/stories/table.ts); none when absent. */
  stories?: StoryTable;
}

/** What a research view asks of a search; only what is asked for is computed. */
export interface Collect {
  /** The facets over the matches (each ignoring its own filter). */
  facets?: boolean;
  /** The first `top` docIds in the search's order (`params.sort`); with `group=story`, one per story, its best copy. */
  top?: number;
  /** The hits counted per period of this timeline (undated apart), in the same pass over them. */
  periods?: Timeline;
}

/** The matches of a search, without text: what every view is made from. */
export interface Collected {
  query: ParsedQuery;
  /** docIds passing every filter, unordered (with `group=story`: the passing copies of the kept stories). */
  hits: number[];
  /** Distinct stories among the hits (an article in no story is one). */
  stories: number;
  /** Per story number, its copies among the hits. */
  matching: Int32Array;
  facets?: SearchFacets;
  top?: number[];
  periods?: PeriodCounts;
  unmatched: string[];
  alternatives: Alternative[][];
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;

/** The query of a search, with the typing rule its `prefix` parameter asks for and the cut it was given. */
function parseSearch(params: SearchParams): ParsedQuery {
  const query = parseQuery(params.q, { prefixLast: params.prefix === 'last' });
  if (params.queryCut) {
    query.notices.push({
      code: 'query_cut',
      text: params.q.slice(-40),
      message: `جستجو بیش از ${MAX_QUERY_LENGTH.toLocaleString('fa-IR')} نویسه بود و پس از واژهٔ «${params.q.split(/\s+/u).pop()}» بریده شد.`,
    });
  }
  return query;
}

export class SearchEngine {
  private readonly index: IndexStore;
  private readonly fields: FacetFields;
  private readonly expander: TermExpander;
  private readonly phrases: PhraseMatcher;
  private readonly matcher: Matcher;
  private readonly maxQueryCost: number;
  /** Article ids to docIds, made on the first article lookup: a search never needs it, a cold start pays less. */
  private docIds: Map<string, number> | null = null;
  private archiveExtent: { fromDay: number; toDay: number } | null | undefined;
  /** Unfiltered period totals by timeline (periodTotals); the oldest goes first past TOTALS_KEPT. */
  private readonly totalsCache = new Map<string, Int32Array>();
  /** Background word counts of the terms and collocates views, by filters ('all': the archive). */
  private readonly backgrounds = new Map<string, { count: number; articles: Int32Array; occurrences: Float64Array }>();

  /** The copies of one story, by article number (lib/stories/table.ts): an empty table when the index has none. */
  readonly stories: StoryTable;
  /** When the index was written (the manifest's `builtAt`); null for an index made in memory or before it was recorded. */
  builtAt: string | null = null;

  constructor(articles: ArticleStore, data: IndexData, options: EngineOptions = {}) {
    this.stories = options.stories ?? noStories(articles.size);
    const weights = rankingWeights(options.weights);
    const index = (this.index = new IndexStore(data, articles));
    const meta = articles.meta;
    const facetKeys = meta.facetKeys ? new Map(meta.facetKeys) : undefined;
    const sources = new FacetField(meta.sources.map((source) => (source ? [source] : [])), facetKeys);
    for (const [name, source] of meta.sourceNames ?? []) sources.alias(name, source);
    this.fields = { dates: new ArticleDates(meta, articles.size), sources, tags: new FacetField(meta.tags, facetKeys) };
    const bm25 = new Bm25(data.docLength, data.titleLength, articles.size, weights);
    this.expander = new TermExpander(index, weights.variant);
    this.phrases = new PhraseMatcher(index, bm25, weights.phrase);
    const proximity = new ProximityBonus(index, this.expander, bm25, weights);
    this.maxQueryCost = options.maxQueryCost ?? MAX_QUERY_COST;
    this.matcher = new Matcher(index, this.expander, this.phrases, bm25, proximity, this.maxQueryCost);
  }

  /** Builds an engine in memory (tests, evaluation); the builder runs the same steps. */
  static fromArticles(articles: readonly Article[], options: EngineOptions = {}): SearchEngine {
    return new SearchEngine(new MemoryStore(articles), buildIndexData(articles), options);
  }

  get size(): number {
    return this.index.size;
  }

  /** Where the articles are read from (a server closes a replaced engine's file through it). */
  get store(): ArticleStore {
    return this.index.articles;
  }

  /** The matches of a search and what `collect` asks of them, without reading any article's text. */
  query(params: SearchParams, collect: Collect = {}): Collected {
    return this.collect(params, parseSearch(params), collect);
  }

  private collect(params: SearchParams, query: ParsedQuery, collect: Collect): Collected {
    const ranked = collect.top !== undefined && params.sort === 'relevance';
    const { docs, score, unmatched, alternatives } = this.matcher.match(query, params.match, { rank: ranked });
    const filters = resolveFilters(params, this.fields);
    const scores = query.groups.length > 0 ? score : null;
    const { keys, tie } = orderKeys(params.sort, scores, this.fields.dates);
    const grouped = collectStories(docs, filters, this.fields, this.stories, {
      group: params.group,
      count: params.count,
      more: params.more,
      facets: collect.facets === true,
      keys,
      tie,
    });
    const out: Collected = { query, hits: grouped.hits, stories: grouped.stories, matching: grouped.matching, unmatched, alternatives };
    if (grouped.facets) out.facets = grouped.facets;
    if (collect.periods) {
      out.periods = params.count === 'stories' ? countStoryPeriods(out.hits, collect.periods, this.fields, this.stories) : countPeriods(out.hits, collect.periods, this.fields.dates);
    }
    if (collect.top !== undefined) out.top = ordered(grouped.best ?? out.hits, collect.top, params.sort, scores, this.fields.dates);
    return out;
  }

  /**
   * The timeline of a trend over the search's non-query filters and the
   * archive's articles per period under them (the share's denominator): the
   * hits of an empty query with those filters. The range is from/to, or
   * without them the dated articles under the filters; the interval is the
   * asked one or autoInterval's. Without source or tag filters the totals are
   * the same for every request over the same timeline, so they are kept.
   * With `count=stories` they count distinct stories per period, as the
   * series do (a story once in each period it has a copy in).
   */
  periodTotals(params: SearchParams, interval: TrendInterval | null): { timeline: Timeline | null; totals: Int32Array } {
    const base: SearchParams = { ...params, q: '', prefix: 'none', queryCut: undefined };
    const filtered = params.source.length > 0 || params.tag.length > 0;
    let extent: { fromDay: number; toDay: number } | null;
    let hits: number[] | null = null;
    if (params.from && params.to) extent = { fromDay: boundToDayNumber(params.from, 'start'), toDay: boundToDayNumber(params.to, 'end') };
    else {
      const dated = filtered ? datedExtent((hits = this.query(base).hits), this.fields.dates) : (this.archiveExtent ??= this.fields.dates.extent);
      extent = dated && {
        fromDay: params.from ? boundToDayNumber(params.from, 'start') : dated.fromDay,
        toDay: params.to ? boundToDayNumber(params.to, 'end') : dated.toDay,
      };
      if (extent && extent.fromDay > extent.toDay) extent = null;
    }
    if (!extent) return { timeline: null, totals: new Int32Array(0) };
    const timeline = new Timeline(interval ?? autoInterval(extent.fromDay, extent.toDay), extent.fromDay, extent.toDay);
    const key = `${params.count} ${timeline.key}`;
    const cached = filtered ? undefined : this.totalsCache.get(key);
    if (cached) return { timeline, totals: cached };
    const all = hits ?? this.query(base).hits;
    const totals = (params.count === 'stories' ? countStoryPeriods(all, timeline, this.fields, this.stories) : countPeriods(all, timeline, this.fields.dates)).counts;
    if (!filtered) {
      if (this.totalsCache.size >= TOTALS_KEPT) this.totalsCache.delete(this.totalsCache.keys().next().value!);
      this.totalsCache.set(key, totals);
    }
    return { timeline, totals };
  }

  /**
   * What the search would cost before it runs, in postings read (query/cost.ts);
   * an empty query lists every article. The server's scheduler (scheduler.ts)
   * tells cheap requests from expensive ones by it. A query over the engine's
   * budget costs nothing here: it is refused at once when it runs.
   */
  cost(params: SearchParams): number {
    const query = parseSearch(params);
    if (query.groups.length === 0) return this.index.size;
    const groups = this.expander.withCompounds(query);
    if (queryCost(this.index, this.expander, query, groups) > this.maxQueryCost) return 0;
    return expectedWork(this.index, this.expander, query, groups, params.match);
  }

  /**
   * How many a search matches, in what its `count` asks (articles, or
   * distinct stories): no scores, facets, order or text (the no-results
   * relaxations, a timeline bar the date filter cuts).
   */
  count(params: SearchParams): number {
    const { hits, stories } = this.query(params);
    return params.count === 'stories' ? stories : hits.length;
  }

  /** Ids of the `limit` best articles for `q`, best first (evaluation and benchmarks). */
  rank(q: string, options: { match?: MatchMode; limit?: number; prefixLast?: boolean } = {}): string[] {
    const query = parseQuery(q, { prefixLast: options.prefixLast });
    const { docs, score } = this.matcher.match(query, options.match ?? 'all');
    const best = ordered(docs, options.limit ?? 1000, 'relevance', query.groups.length > 0 ? score : null, this.fields.dates);
    return best.map((d) => this.index.meta.ids[d]);
  }

  /**
   * Every article the search matches, in its order, ignoring page and size:
   * the export streams these without building a response in memory.
   */
  allMatches(params: SearchParams): Generator<Article> {
    return this.exportable(params).rows;
  }

  /**
   * What a view over the text of every match reads (the concordance): the
   * matches oldest first, the plan that marks their words as the article page
   * marks them, and an article by docId.
   */
  matchedTexts(params: SearchParams): { docs: number[]; otherCopies: number; plan: HighlightPlan; article: (docId: number) => Article } {
    // With group=story, `top` holds one copy per story (its earliest matching one, as the results in this order show it).
    const { query, top, hits } = this.query({ ...params, sort: 'oldest', prefix: 'none' }, { top: Infinity });
    const index = this.index;
    return { docs: top!, otherCopies: hits.length - top!.length, plan: highlightPlan(query, this.expander, index.vocabulary), article: (docId) => index.article(docId) };
  }

  /**
   * Distinctive terms of a search's matches (collect/terms.ts) against the rest
   * of its filters without the query (`range`) or of the whole archive (`all`).
   */
  terms(params: SearchParams, background: 'range' | 'all', size: number): TermsResponse {
    const started = performance.now();
    const { query, hits } = this.query({ ...params, prefix: 'none' });
    const byStory = params.group === 'story';
    const groups = wordGroups(this.index);
    const bg = this.backgroundCounts(background === 'all' ? null : params, byStory);
    const plan = highlightPlan(query, this.expander, this.index.vocabulary);
    const inResults = byStory ? groupCounts(this.index, this.storyOrdered(hits), groups, 'articles', this.stories.storyOf) : groupCounts(this.index, hits, groups, 'articles');
    const terms = distinctiveTerms(groups, { count: inResults.units, articles: inResults.articles }, { count: bg.count, articles: bg.articles }, plan, size);
    return { sample: null, background, results: inResults.units, rest: bg.count - inResults.units, terms, tookMs: elapsed(started) };
  }

  /** Collocates of a search's words within ±window in its matches (collect/collocates.ts). */
  collocates(params: SearchParams, window: number, size: number): CollocatesResponse {
    const started = performance.now();
    const { query, hits: matched } = this.query({ ...params, prefix: 'none' });
    const byStory = params.group === 'story';
    const hits = byStory ? this.onePerStory(matched) : matched;
    const groups = wordGroups(this.index);
    const plan = highlightPlan(query, this.expander, this.index.vocabulary);
    const found = collocates(this.index, hits, groups, this.backgroundCounts(null, byStory).occurrences, plan, window, size);
    return { sample: null, window, hits: found.nodes, collocates: found.collocates, tookMs: elapsed(started) };
  }

  /**
   * One article per story among `docs` (its lowest docId among them; an
   * article in no story stays): the collocates view reads each story once
   * when grouping is on, so one wire story republished 40 times counts once.
   */
  private onePerStory(docs: readonly number[]): number[] {
    const ordered = this.storyOrdered(docs);
    const { storyOf } = this.stories;
    return ordered.filter((d, i) => i === 0 || storyOf[d] < 0 || storyOf[d] !== storyOf[ordered[i - 1]]);
  }

  /** `docs` ascending, each story's copies side by side (the order groupCounts counts stories in). */
  private storyOrdered(docs: readonly number[]): number[] {
    return byUnit(Array.from(Int32Array.from(docs).sort()), this.stories).order;
  }

  /** Word-group counts over the articles of `filters` without their query, or over every article (null); kept. */
  private backgroundCounts(filters: SearchParams | null, byStory = false): { count: number; articles: Int32Array; occurrences: Float64Array } {
    // With no filter the range is the archive: one count serves both.
    const filtered = filters && (filters.from || filters.to || filters.source.length > 0 || filters.tag.length > 0);
    const base = filtered ? { ...filters, q: '', prefix: 'none' as const, queryCut: undefined } : null;
    const key = (byStory ? 'story:' : '') + (base ? JSON.stringify([base.from, base.to, base.undated, [...base.source].sort(), [...base.tag].sort()]) : 'all');
    const kept = this.backgrounds.get(key);
    if (kept) return kept;
    const every = base ? this.query(base).hits : Array.from({ length: this.size }, (_, d) => d);
    const { units, articles, occurrences } = byStory
      ? groupCounts(this.index, this.storyOrdered(every), wordGroups(this.index), 'both', this.stories.storyOf)
      : groupCounts(this.index, every, wordGroups(this.index));
    const counted = { count: units, articles, occurrences };
    if (this.backgrounds.size >= TOTALS_KEPT) this.backgrounds.delete(this.backgrounds.keys().next().value!);
    this.backgrounds.set(key, counted);
    return counted;
  }

  /**
   * How many rows the search exports (articles; with `group=story` one per
   * story, its best copy), those articles in its order (read as they are
   * pulled), the plan that marks their words (snippets), and the story id of a row's article.
   */
  exportable(params: SearchParams): { total: number; rows: Generator<Article>; plan: HighlightPlan; storyOf: (article: Article) => string | null } {
    const { query, top } = this.query(params, { top: Infinity });
    const order = top!;
    const index = this.index;
    return {
      total: order.length,
      plan: highlightPlan(query, this.expander, index.vocabulary),
      rows: (function* () {
        for (const docId of order) yield index.article(docId);
      })(),
      storyOf: (article) => {
        const docId = this.docIdOf(article.id);
        return docId === undefined ? null : this.storyIdOfDoc(docId);
      },
    };
  }

  private docIdOf(id: string): number | undefined {
    this.docIds ??= new Map(this.index.meta.ids.map((articleId, d) => [articleId, d]));
    return this.docIds.get(id);
  }

  /** The representative's id of article `docId`'s story, or null when it is in none. */
  private storyIdOfDoc(docId: number): string | null {
    const s = this.stories.storyOf[docId];
    return s < 0 ? null : this.index.meta.ids[this.stories.members[this.stories.offsets[s]]];
  }

  private resultStory(docId: number, matching: Int32Array): ResultStory | null {
    const s = this.stories.storyOf[docId];
    if (s < 0) return null;
    const { offsets, members } = this.stories;
    return { id: this.index.meta.ids[members[offsets[s]]], copies: offsets[s + 1] - offsets[s], matching: matching[s] };
  }

  /**
   * The copies of article `id`'s story from the meta (no text): who ran it
   * and when, representative first; null when it is in no story. The page
   * lists a result's other copies with it.
   */
  storyCopies(id: string): StoryCopy[] | null {
    const docId = this.docIdOf(id);
    if (docId === undefined) return null;
    const s = this.stories.storyOf[docId];
    if (s < 0) return null;
    const { meta } = this.index;
    return [...this.stories.members.subarray(this.stories.offsets[s], this.stories.offsets[s + 1])].map((d) => ({
      id: meta.ids[d],
      source: meta.sources[d],
      publishedAt: meta.publishedAt[d],
      jalaliDate: meta.dayKeys[d] ? formatJalaliKey({ year: Math.floor(meta.dayKeys[d] / 10000), month: Math.floor(meta.dayKeys[d] / 100) % 100, day: meta.dayKeys[d] % 100 }) : null,
    }));
  }

  search(params: SearchParams): SearchResponse {
    const started = performance.now();
    const query = parseSearch(params);
    const offset = (params.page - 1) * params.size;
    const { hits, stories, matching, facets, top, unmatched, alternatives } = this.collect(params, query, { facets: true, top: offset + params.size });
    const plan = highlightPlan(query, this.expander, this.index.vocabulary);
    const results = top!.slice(offset).map((docId) => ({ ...resultOf(this.index.article(docId), plan), story: this.resultStory(docId, matching) }));
    const view = queryView(query, params.match, wordForms(alternatives, this.index, this.expander, this.phrases));
    const suggestions = suggestionsFor(query, params.q, hits.length, this.index, this.expander, (other) => this.matcher.match(other, params.match, { rank: false }).docs.length);
    return {
      total: hits.length,
      stories,
      group: params.group,
      count: params.count,
      page: params.page,
      size: params.size,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      results,
      facets: facets!,
      query: view,
      unmatched,
      suggestions,
    };
  }

  article(id: string, q = ''): ArticleResponse | null {
    const docId = this.docIdOf(id);
    if (docId === undefined) return null;
    const article = this.index.article(docId);
    const response = articleResponse(article, highlightPlan(parseQuery(q), this.expander, this.index.vocabulary));
    const s = this.stories.storyOf[docId];
    if (s >= 0) {
      const copies = [...this.stories.members.subarray(this.stories.offsets[s], this.stories.offsets[s + 1])].map((d) => (d === docId ? article : this.index.article(d)));
      response.story = articleStory(article, copies);
    }
    return response;
  }
}
