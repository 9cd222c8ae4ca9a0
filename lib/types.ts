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
  /** Who the archive credits the text to (the «منبع:» line, the record's source field). */
  source: string | null;
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
  /** The word being typed: longer words match too. */
  prefix: boolean;
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
}

/** The body of GET /api/articles/<id>. */
export interface ArticleResponse {
  id: string;
  title: Segment[];
  paragraphs: Segment[][];
  publishedAt: string | null;
  jalaliDate: string | null;
  source: string | null;
  tags: string[];
  url: string | null;
  dateline: string | null;
  agency: string | null;
  category: string | null;
}

/** The body of every 4xx answer. */
export interface ApiError {
  error: { code: string; message: string };
}
