// Wire stories on the pages: a result's «N نسخه» and its other copies, the
// switches between one result per story and every copy, and what facets
// count; the article page's copies and how this copy differs from the
// earliest. Links and <details> only: all of it works without JavaScript.
import Link from 'next/link';
import type { ArticleStory, ResultStory, StoryCopy } from '@/lib/types';
import { faCount, jalaliPersian } from '../../lib/ui/dates';
import { articleHref, searchHref, type UrlState } from '../../lib/ui/href';
import { ArticleDate } from './ArticleDate';

const linkClass = 'text-amber-800 underline-offset-2 hover:underline dark:text-amber-300';
const switchClass =
  'rounded-md px-2 py-0.5 hover:bg-stone-100 aria-[current]:bg-stone-800 aria-[current]:text-white dark:hover:bg-stone-800 dark:aria-[current]:bg-stone-200 dark:aria-[current]:text-stone-900';

/** «۳ نسخه» opening the outlets and dates of the story's other copies, each a link to it. */
export function StoryBadge({ story, copies, currentId, state }: { story: ResultStory; copies: StoryCopy[] | null; currentId: string; state: UrlState }) {
  const others = (copies ?? []).filter((c) => c.id !== currentId);
  return (
    <details className="mt-2 text-sm" data-testid="story" data-story={story.id} data-copies={story.copies}>
      <summary className="inline-flex cursor-pointer items-center gap-2">
        <span className="rounded-full bg-amber-100 px-2.5 py-0.5 font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100" data-testid="story-badge">
          {faCount(story.copies)} نسخه
        </span>
        {story.matching < story.copies && (
          <span className="text-stone-600 dark:text-stone-400" data-testid="story-matching">
            {faCount(story.matching)} با این جستجو
          </span>
        )}
      </summary>
      <ul className="mt-2 space-y-1 border-s-2 border-amber-200 ps-3 dark:border-amber-800" aria-label="نسخه‌های دیگر این خبر" data-testid="story-copies">
        {others.map((c) => (
          <li key={c.id} data-testid="story-copy" data-id={c.id}>
            <Link prefetch={false} href={articleHref(c.id, state)} className={linkClass}>
              {c.source ?? 'بی‌منبع'}
            </Link>
            <span className="text-stone-600 dark:text-stone-400">
              {' · '}
              <ArticleDate jalaliDate={c.jalaliDate} publishedAt={c.publishedAt} />
              {c.id === story.id && <span data-testid="story-earliest"> · نخستین نسخه</span>}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** One result per story or every copy, and whether the facets and the timeline count articles or stories. */
export function StorySwitches({ state, group, count }: { state: UrlState; group: 'none' | 'story'; count: 'articles' | 'stories' }) {
  // The page's defaults (story, stories) are left out of the links: parameters.ts pageDefault.
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid="story-switches">
      <nav aria-label="گروه‌بندی نسخه‌ها" className="flex items-center gap-1" data-testid="group-switch">
        <span className="text-stone-600 dark:text-stone-400">نسخه‌ها:</span>
        <Link prefetch={false} href={searchHref(state, { group: undefined })} aria-current={group === 'story' ? 'true' : undefined} className={switchClass}>
          هر خبر یک نتیجه
        </Link>
        <Link prefetch={false} href={searchHref(state, { group: 'none' })} aria-current={group === 'none' ? 'true' : undefined} className={switchClass}>
          همهٔ نسخه‌ها
        </Link>
      </nav>
      <nav aria-label="شمارش در فیلترها و نمودار" className="flex items-center gap-1" data-testid="count-switch">
        <span className="text-stone-600 dark:text-stone-400">شمارش:</span>
        <Link prefetch={false} href={searchHref(state, { count: undefined })} aria-current={count === 'stories' ? 'true' : undefined} className={switchClass} data-count="stories">
          خبر
        </Link>
        <Link prefetch={false} href={searchHref(state, { count: 'articles' })} aria-current={count === 'articles' ? 'true' : undefined} className={switchClass} data-count="articles">
          مقاله
        </Link>
      </nav>
    </div>
  );
}

/** The article page: every copy of its story (outlet, date, title, link), the earliest marked, and this copy's edits. */
export function StoryPanel({ story, back }: { story: ArticleStory; back: string }) {
  const earliest = story.copies.find((c) => c.earliest)!;
  const diff = story.diff;
  return (
    <section aria-labelledby="story-heading" className="mt-8 rounded-2xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900" data-testid="story-panel">
      <h2 id="story-heading" className="text-sm font-bold">
        نسخه‌های این خبر ({faCount(story.copies.length)})
      </h2>
      <ol className="mt-2 space-y-2 text-sm" data-testid="story-copies">
        {story.copies.map((c) => (
          <li key={c.id} data-testid="story-copy" data-id={c.id} data-earliest={c.earliest || undefined} data-current={c.current || undefined}>
            <span className="font-semibold">{c.source ?? 'بی‌منبع'}</span>
            <span className="text-stone-600 dark:text-stone-400">
              {' · '}
              <ArticleDate jalaliDate={c.jalaliDate} publishedAt={c.publishedAt} />
            </span>
            {c.earliest && <span className="ms-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">نخستین نسخه</span>}
            {c.current && <span className="ms-2 rounded-full bg-stone-200 px-2 py-0.5 text-xs dark:bg-stone-700">همین نسخه</span>}
            <div>
              {c.current ? (
                <span>{c.title}</span>
              ) : (
                <Link prefetch={false} href={`${articleHref(c.id, undefined)}${back ? `?back=${encodeURIComponent(back)}` : ''}`} className={linkClass}>
                  {c.title}
                </Link>
              )}
            </div>
          </li>
        ))}
      </ol>
      {diff && (
        <div className="mt-4 border-t border-stone-200 pt-3 dark:border-stone-800" data-testid="story-diff">
          <h3 className="text-sm font-bold">تفاوت با نخستین نسخه ({earliest.source ?? 'بی‌منبع'}، {jalaliPersian(earliest.jalaliDate) ?? 'بی‌تاریخ'})</h3>
          {diff.tooDifferent ? (
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">متن این دو نسخه بیش از آن فرق دارد که واژه به واژه سنجیده شود.</p>
          ) : diff.passages.length === 0 ? (
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400" data-testid="story-diff-none">
              متن همان متن نخستین نسخه است (جدا از نویسه‌نگاری).
            </p>
          ) : (
            <>
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-400" data-testid="story-diff-summary">
                {faCount(diff.added)} واژه افزوده، {faCount(diff.removed)} واژه حذف‌شده.
              </p>
              <ol className="mt-2 space-y-2 text-sm leading-loose">
                {diff.passages.map((p, i) => (
                  <li key={i} className="rounded-lg bg-stone-50 p-2 dark:bg-stone-800" data-testid="story-passage">
                    {p.parts.map((part, j) =>
                      part.kind === 'added' ? (
                        <ins key={j} className="bg-green-100 no-underline dark:bg-green-900" title="افزودهٔ این نسخه">
                          {part.text}{' '}
                        </ins>
                      ) : part.kind === 'removed' ? (
                        <del key={j} className="bg-red-100 dark:bg-red-900" title="در نخستین نسخه، نه در این">
                          {part.text}{' '}
                        </del>
                      ) : (
                        <span key={j}>{part.text} </span>
                      ),
                    )}
                  </li>
                ))}
              </ol>
              {diff.more > 0 && <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">و {faCount(diff.more)} جای دیگر.</p>}
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** «۱٬۲۰۴ مقاله در ۸۷۳ خبر»; null when every article is its own story (the older line says it). */
export function storiesLine(total: number, stories: number): string | null {
  return stories === total ? null : `${faCount(total)} مقاله در ${faCount(stories)} خبر`;
}
