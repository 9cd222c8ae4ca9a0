// The only part of a search that reads article text: a page of docIds into
// the API's results (highlighted title, snippets, dates), and the article page.
import type { Article, ArticleResponse, SearchResult } from '../../types';
import { formatJalaliKey } from '../../jalali';
import { highlight, type HighlightPlan } from '../highlight';
import { makeSnippets } from '../snippets';

/** A result without its story (the engine adds it from the story table). */
export function resultOf(a: Article, plan: HighlightPlan): Omit<SearchResult, 'story'> {
  return {
    id: a.id,
    title: highlight(a.title, plan),
    publishedAt: a.publishedAt,
    jalaliDate: a.jalali ? formatJalaliKey(a.jalali) : null,
    source: a.source,
    tags: a.tags,
    url: a.url,
    snippets: makeSnippets(a.body, plan),
  };
}

export function articleResponse(a: Article, plan: HighlightPlan): ArticleResponse {
  return {
    id: a.id,
    title: highlight(a.title, plan),
    paragraphs: a.body.map((p) => highlight(p, plan)),
    publishedAt: a.publishedAt,
    jalaliDate: a.jalali ? formatJalaliKey(a.jalali) : null,
    source: a.source,
    ...(a.sourceAsWritten !== undefined ? { sourceAsWritten: a.sourceAsWritten } : {}),
    tags: a.tags,
    url: a.url,
    dateline: a.dateline,
    agency: a.agency,
    category: a.category,
  };
}
