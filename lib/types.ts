// The types at the edges of Kavosh, declared once and shared by the index
// builder, the server routes, the React pages and the tests.

/** A day on the Persian (Jalali) calendar; month is 1..12. */
export interface JalaliDate {
  year: number;
  month: number;
  day: number;
}

/** One news article, as every reader produces it and as the index stores it. */
export interface Article {
  /** Stable identifier from the source (news code, record id) or derived from the content. */
  id: string;
  title: string;
  /** Paragraphs of the body, in order, as written (characters untouched). */
  body: string[];
  /** ISO 8601 with the Tehran offset (e.g. 2021-11-01T23:56:00+03:30), or null when unknown. */
  publishedAt: string | null;
  /** The Tehran calendar day of publication, or null when unknown. */
  jalali: JalaliDate | null;
  /**
   * Who the archive credits the text to (the «منبع:» line, the record's source
   * field), by its canonical name: the builder maps the names of one outlet
   * (khabaronline.ir, «خبرآنلاین») to one (index-builder/source-aliases.ts).
   */
  source: string | null;
  /** The source as the archive wrote it, present only when the builder mapped it to another name (`source`). */
  sourceAsWritten?: string;
  tags: string[];
  url: string | null;
  /** Place line of the lead («مسکو - ایرنا-» → مسکو), when the layout carries one. */
  dateline: string | null;
  /** Agency named in the dateline («مسکو - ایرنا-» → ایرنا), when the layout carries one. */
  agency: string | null;
  /** The source's own section label, when the record carries one. */
  category: string | null;
}

/** A run of original text; `hit` marks the words the query matched. */
export interface Segment {
  text: string;
  hit?: true;
}

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export interface SearchResult {
  id: string;
  title: Segment[];
  publishedAt: string | null;
  /** "1400-08-10", or null when the article is undated. */
  jalaliDate: string | null;
  source: string | null;
  tags: string[];
  url: string | null;
  snippets: Segment[][];
  /** The wire story this article is a copy of, or null when it is in none. */
  story: ResultStory | null;
}

/** A result's story: `id` is the representative's article id (the earliest copy). */
export interface ResultStory {
  id: string;
  /** Every copy of the story in the archive. */
  copies: number;
  /** Copies that match the search (query and filters). */
  matching: number;
}

/** One copy of a story as the meta knows it (no text): who ran it, and when. */
export interface StoryCopy {
  id: string;
  source: string | null;
  publishedAt: string | null;
  jalaliDate: string | null;
}

export interface YearCount {
  year: number;
  count: number;
}

export interface MonthCount {
  year: number;
  month: number;
  count: number;
}

export interface ValueCount {
  value: string;
  count: number;
}

export interface SearchFacets {
  jalaliYears: YearCount[];
  jalaliMonths: MonthCount[];
  /** Top 20 sources over the matches with every other filter applied (every one with `more=source`). */
  sources: ValueCount[];
  /** Top 20 tags over the matches with every other filter applied (every one with `more=tag`). */
  tags: ValueCount[];
  /** Matches with no date, over the source and tag filters (the date facet leaves out its own filter, as the year counts do). */
  undated: number;
  /** How many distinct sources the matches (every other filter applied) have: `sources` may list only the top ones. */
  sourceValues: number;
  /** How many distinct tags the matches (every other filter applied) have. */
  tagValues: number;
}

/** A text facet the page and the API can list in full (`more=source`, `more=tag`). */
export type FacetName = 'source' | 'tag';

/** `match=all` needs every query word; `match=any` ranks by which and how many words an article has. */
export type MatchMode = 'all' | 'any';

/** One thing the query asks for, as the parser understood it. */
export interface QueryTerm {
  kind: 'word' | 'phrase';
  /** As typed (for display). */
  text: string;
  /** Analyzed terms, in order (one for a word). */
  terms: string[];
  /** `title:` / «عنوان:» restricts it to the title. */
  field: 'any' | 'title';
  /** A prefix (`word*`, or the word being typed with `prefix=last`): longer words match too. */
  prefix: boolean;
  /** One quoted word («"کتاب‌ها"»): that spelling only, without its inflections. */
  exact?: boolean;
}

/** Something the parser did not do as typed, said in the parsed-query line (never an HTTP error). */
export interface QueryNotice {
  /**
   * `prefix_too_short`: `*` after a word of one letter; the word is searched whole.
   * `word_too_long`: a word longer than any the index holds; it matches nothing.
   * `query_cut`: the query was longer than the API takes and was cut at a word boundary.
   * `empty_phrase`: quotes with no word inside (`""`); they are ignored.
   */
  code: 'prefix_too_short' | 'word_too_long' | 'query_cut' | 'empty_phrase';
  /** The word as typed. */
  text: string;
  /** In Persian, for the page. */
  message: string;
}

/** How a query was understood; the page shows it when operators were used. */
export interface QueryView {
  /** Every group must match (with match=all); a group is alternatives joined by OR / «یا». */
  groups: QueryTerm[][];
  /** `-word` / `-"phrase"`: articles with these are left out. */
  excluded: QueryTerm[];
  /** Words that carry no meaning alone (stop words) and were not required. */
  ignored: string[];
  match: MatchMode;
  hasOperators: boolean;
  notices: QueryNotice[];
  /** How each query word was matched: the forms the archive has of it, with their article counts. */
  words: WordForms[];
}

/** One query word and the spellings, inflections (and, for a prefix, longer words) it matched. */
export interface WordForms {
  /** As typed («رئیس‌جمهور»; two words typed apart that the archive also writes solid: «بین المللی»). */
  text: string;
  prefix: boolean;
  /** Most articles first; at most FORMS_LISTED of them. */
  forms: FormCount[];
  /** How many more forms matched than are listed (a short prefix begins thousands of words). */
  more: number;
}

export interface FormCount {
  /** The form as the index holds it: folded (ی/ک, no ZWNJ, no diacritics); two words for a compound written apart. */
  form: string;
  /** Articles of the whole archive (before filters) that have this form. */
  articles: number;
  /** `word`: the word itself; `variant`: a spelling or inflection of it; `prefix`: a longer word it begins; `apart`: the word written as its two halves side by side. */
  kind: 'word' | 'variant' | 'prefix' | 'apart';
}

/** The body of GET /api/search. */
export interface SearchResponse {
  /** Articles matching (with `group=story`: the matching copies of the stories kept). */
  total: number;
  /** Distinct stories among them, an article in no story counting as one (with `group=story`, the results paged over). */
  stories: number;
  /** How the results are grouped (`group`) and what the facets count (`count`). */
  group: 'none' | 'story';
  count: 'articles' | 'stories';
  page: number;
  size: number;
  tookMs: number;
  results: SearchResult[];
  facets: SearchFacets;
  query: QueryView;
  /** Query words (as typed) that no article in the archive contains. */
  unmatched: string[];
  /** «Did you mean»: close spellings the archive has far more often; offered, never applied. */
  suggestions: QuerySuggestion[];
}

export interface QuerySuggestion {
  /**
   * `spelling`: one word, a close spelling; `layout`: the whole query typed with the Latin keyboard layout;
   * `transliteration`: names written in Latin letters («Ahmadinejad») in the Persian form the archive has.
   */
  kind: 'spelling' | 'layout' | 'transliteration';
  /** What was typed («نژاذ», «cgcgi»). */
  text: string;
  /** What it may have meant («نژاد», «زلزله»). */
  suggestion: string;
  /** The query with the suggestion in place. */
  q: string;
  /** Articles of the whole archive with the suggested word (for `layout` and `transliteration`: that the suggested query matches). */
  articles: number;
}

/** The body of GET /api/articles/<id>. */
export interface ArticleResponse {
  id: string;
  title: Segment[];
  paragraphs: Segment[][];
  publishedAt: string | null;
  jalaliDate: string | null;
  source: string | null;
  /** The source as the archive wrote it, when the builder's alias table renamed it («khabaronline.ir» for «خبرآنلاین»). */
  sourceAsWritten?: string;
  tags: string[];
  url: string | null;
  dateline: string | null;
  agency: string | null;
  category: string | null;
  /** The story this article is a copy of; absent when it is in none. */
  story?: ArticleStory;
}

/** The copies of an article's story, for its page: what each outlet ran and how this copy differs from the earliest. */
export interface ArticleStory {
  /** The representative's id (the earliest copy). */
  id: string;
  /** Every copy, this one included, earliest first. */
  copies: (StoryCopy & { title: string; url: string | null; earliest: boolean; current: boolean })[];
  /** What this copy adds and leaves out against the earliest (null on the earliest itself). */
  diff: StoryDiffView | null;
}

/** A word diff in passages: each passage is the changed words with a few unchanged ones around them. */
export interface StoryDiffView {
  /** Words of the earliest copy this one left out, and words it added. */
  removed: number;
  added: number;
  /** Share of the earliest's words kept in the same order (0..1). */
  kept: number;
  passages: { parts: { kind: 'same' | 'added' | 'removed'; text: string }[] }[];
  /** Passages left out past the limit. */
  more: number;
  /** The texts differ too much to diff word by word (the edit distance passed its cap). */
  tooDifferent: boolean;
}

/** The body of GET /api/health. */
export interface HealthResponse {
  /** `index_unavailable` (HTTP 503) until an index has loaded. */
  status: 'ok' | 'index_unavailable';
  /**
   * The index being served: its articles, when it was built (null if it did not record it) and when this process loaded it.
   * `id` names the archive across rebuilds (lib/collections/index-identity.ts): the browser keeps collections under it.
   */
  index: { id: string; articles: number; builtAt: string | null; loadedAt: string } | null;
  /** The last load that failed since the index served was loaded, and when it is tried again. */
  lastReloadError: { message: string; at: string; retryInMs: number } | null;
  /**
   * The threads that run expensive searches (lib/search/serve-search.ts): how many and why, searches answered,
   * waiting, and workers that died (each replaced). `count` 0: every search runs on the server's own thread.
   */
  searchWorkers: { count: number; why: string; searched: number; waiting: number; died: number };
}

/** How a trend is cut: Jalali years, months, or weeks from Saturday to Friday (labelled by their Saturday). */
export type TrendInterval = 'year' | 'month' | 'week';

/** One period of a trend, in Tehran calendar days. */
export interface TrendPeriod {
  /** `1403`, `1403-01`, or a week's Saturday `1402-12-26`. */
  key: string;
  /** In Persian with Persian digits: «۱۴۰۳», «فروردین ۱۴۰۳», a week's Saturday «۲۶ اسفند ۱۴۰۲». */
  label: string;
  /** First and last day counted, inclusive, as Jalali keys ("1403-01-01"): the period's own, cut to from/to. */
  start: string;
  end: string;
  /** The same days as ISO 8601 Gregorian dates ("2024-03-20"). */
  startIso: string;
  endIso: string;
  /**
   * Articles (or stories, under `count=stories`) of the whole archive in this
   * period under the same non-query filters (dates, sources, tags): a share's
   * denominator. 0 means the archive holds none then: a gap, not a share of 0 %.
   */
  total: number;
}

/** One query of a trend. */
export interface TrendSeries {
  q: string;
  /** Matches per period, in the order of `periods`. */
  counts: number[];
  /** Every match under the filters (distinct stories under `count=stories`); with articles, the sum of `counts` and `undated`. */
  matched: number;
  /** Matches with no date, never spread over the periods (0 under a from/to filter unless `undated=include`). */
  undated: number;
}

/** The body of GET /api/trends. */
export interface TrendsResponse {
  interval: TrendInterval;
  /**
   * What every figure counts: `articles` (the default), or distinct wire
   * `stories` (`count=stories`; an article in no story is one). A story with
   * copies in several periods counts once in each of them, so under `stories`
   * a series' counts and undated can add up to more than its `matched`.
   */
  count: 'articles' | 'stories';
  periods: TrendPeriod[];
  series: TrendSeries[];
}

/** The body of every 4xx answer. */
export interface ApiError {
  /** `message`: English, the stable text clients match on; `messageFa`: the same said in Persian, for people. */
  error: { code: string; message: string; messageFa: string };
}

/** The order of a concordance's lines: by the 1st–3rd word before or after the hit (folded), by date or by source. */
export type ConcordanceSort = 'left1' | 'left2' | 'left3' | 'right1' | 'right2' | 'right3' | 'date' | 'source';

/** One occurrence of a query's word (or phrase) in an article's body, with its context cut at word boundaries. */
export interface ConcordanceLine {
  id: string;
  jalaliDate: string | null;
  source: string | null;
  /** Up to `width` words before the hit, as written (within the hit's paragraph). */
  left: string;
  /** The hit as written. */
  hit: string;
  /** Up to `width` words after the hit, as written. */
  right: string;
  /** The hit folded as the analyzer folds it (what `form=` filters on). */
  form: string;
  /** The article page opened at this hit (`#hit-N`, the page's own numbering). */
  href: string;
}

/** GET /api/concordance. */
export interface ConcordanceResponse {
  /** Hits (after the `form` filter), exact over every matching article. */
  total: number;
  /** Articles the hits are in. */
  articles: number;
  /** story: one copy per story was read (the search's `group`); none: every matching article. */
  group: 'none' | 'story';
  /** With group=story, the matching articles left out as other copies of a story already read; 0 otherwise. */
  otherCopies: number;
  page: number;
  size: number;
  width: number;
  sort: ConcordanceSort;
  /** The folded spelling the lines are filtered to, or null. */
  form: string | null;
  /** Every folded spelling of the hits with its count, most hits first (before the `form` filter). */
  forms: { form: string; hits: number }[];
  lines: ConcordanceLine[];
  tookMs: number;
}

/** How a research view's counts were taken: null when over every match; otherwise the sample and how it was drawn. */
export type ContextSample = null | { size: number; how: string };

/** GET /api/terms: words over-represented in a search's matches against a background. */
export interface TermsResponse {
  sample: ContextSample;
  background: 'range' | 'all';
  /** Articles in the results and in the rest of the background (the G² table's margins). */
  results: number;
  rest: number;
  terms: { term: string; forms: string[]; inResults: number; inBackground: number; score: number; logRatio: number }[];
  tookMs: number;
}

/** GET /api/collocates: words within ±window of a search's hits, by logDice. */
export interface CollocatesResponse {
  sample: ContextSample;
  window: number;
  /** The hits counted around (the node's frequency in logDice). */
  hits: number;
  collocates: { term: string; forms: string[]; count: number; logDice: number }[];
  tookMs: number;
}
