// An article's story for its page: every copy (outlet, date, title, link),
// the earliest marked, and what this copy changed against the earliest. Here
// because it reads text (the diff is over the bodies).
import type { Article, ArticleStory } from '../../types';
import { formatJalaliKey } from '../../jalali';
import { diffView, textWords } from '../../stories/diff';

/** `copies` are the story's members in its order: the representative (the earliest copy) first. */
export function articleStory(current: Article, copies: readonly Article[]): ArticleStory {
  const earliest = copies[0];
  return {
    id: earliest.id,
    copies: copies.map((a, i) => ({
      id: a.id,
      title: a.title,
      source: a.source,
      publishedAt: a.publishedAt,
      jalaliDate: a.jalali ? formatJalaliKey(a.jalali) : null,
      url: a.url,
      earliest: i === 0,
      current: a.id === current.id,
    })),
    diff: earliest.id === current.id ? null : diffView(textWords(earliest.body), textWords(current.body)),
  };
}
