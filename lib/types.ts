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

export interface SearchFacets {
  jalaliYears: YearCount[];
  jalaliMonths: MonthCount[];
}

/** The body of GET /api/search. */
export interface SearchResponse {
  total: number;
  page: number;
  size: number;
  tookMs: number;
  results: SearchResult[];
  facets: SearchFacets;
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
