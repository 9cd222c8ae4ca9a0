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
  total: number;
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
   * Articles of the whole archive in this period under the same non-query
   * filters (dates, sources, tags): a share's denominator. 0 means the archive
   * holds no article then: a gap, not a share of 0 %.
   */
  total: number;
}

/** One query of a trend. */
export interface TrendSeries {
  q: string;
  /** Matches per period, in the order of `periods`. */
  counts: number[];
  /** Every match under the filters: the sum of `counts` and `undated`. */
  matched: number;
  /** Matches with no date, never spread over the periods (0 under a from/to filter unless `undated=include`). */
  undated: number;
}

/** The body of GET /api/trends. */
export interface TrendsResponse {
  interval: TrendInterval;
  periods: TrendPeriod[];
  series: TrendSeries[];
}

/** The body of every 4xx answer. */
export interface ApiError {
  /** `message`: English, the stable text clients match on; `messageFa`: the same said in Persian, for people. */
  error: { code: string; message: string; messageFa: string };
}
