import Link from 'next/link';
import type { SearchResult, StoryCopy } from '@/lib/types';
import { Highlighted } from './Highlighted';
import { ArticleDate } from './ArticleDate';
import { articleHref, hasValue, resultAnchor, toggleHref, type UrlState } from '../../lib/ui/href';
import { ExternalUrl } from './ExternalUrl';
import { StoryBadge } from './Stories';
import { KeepButton } from './KeepButton';
import { plainText } from '../../lib/ui/citation';

export const MAX_SNIPPETS = 3;

export function ResultItem({ result, state, copies = null }: { result: SearchResult; state: UrlState; copies?: StoryCopy[] | null }) {
  return (
    <li
      id={resultAnchor(result.id)}
      data-testid="result"
      data-id={result.id}
      className="scroll-mt-4 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm target:ring-2 target:ring-amber-500 sm:p-5 dark:border-stone-800 dark:bg-stone-900"
    >
      <h3 className="text-lg font-bold leading-relaxed">
        <Link prefetch={false}
          href={articleHref(result.id, state)}
          data-result-link
          className="rounded-sm decoration-amber-600 decoration-2 underline-offset-4 hover:underline focus-visible:underline"
        >
          <Highlighted segments={result.title} />
        </Link>
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-x-2 text-sm text-stone-600 dark:text-stone-400">
        <ArticleDate jalaliDate={result.jalaliDate} publishedAt={result.publishedAt} />
        {result.source && (
          <>
            <span aria-hidden>·</span>
            <span data-testid="result-source">{result.source}</span>
          </>
        )}
      </p>
      {result.story && <StoryBadge story={result.story} copies={copies} currentId={result.id} state={state} />}
      {result.snippets.slice(0, MAX_SNIPPETS).map((snippet, i) => (
        <p key={i} className="mt-2 leading-loose text-stone-700 dark:text-stone-300" data-testid="snippet">
          … <Highlighted segments={snippet} /> …
        </p>
      ))}
      {(result.tags.length > 0 || result.url) && (
        <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
          {result.tags.length > 0 && (
            <ul className="flex flex-wrap gap-1.5" aria-label="برچسب‌ها" data-testid="result-tags">
              {result.tags.map((t) => (
                <li key={t}>
                  <Link prefetch={false}
                    href={toggleHref(state, 'tag', t)}
                    title={hasValue(state.tag, t) ? `برداشتن فیلتر برچسب ${t}` : `فیلتر با برچسب ${t}`}
                    className="inline-block rounded-full bg-stone-100 px-2.5 py-0.5 text-stone-700 hover:bg-amber-100 dark:bg-stone-800 dark:text-stone-300 dark:hover:bg-stone-700"
                  >
                    {t}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <ExternalUrl url={result.url} className="ms-auto max-w-full" />
        </div>
      )}
      <div className="mt-3">
        <KeepButton article={{ id: result.id, title: plainText(result.title), jalaliDate: result.jalaliDate, publishedAt: result.publishedAt, source: result.source, url: result.url }} />
      </div>
    </li>
  );
}
