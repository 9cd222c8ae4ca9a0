'use client';
// A collection opened from a share link: its articles' titles are asked of this index (the link carries only ids
// and notes), and «افزودن به مجموعه‌های من» merges it like an imported file.
import Link from 'next/link';
import { useState } from 'react';
import type { NoteConflict } from '@/lib/collections/merge';
import { emptyStore, type StoredCollections } from '@/lib/collections/schema';
import type { SharedCollection } from '@/lib/collections/share';
import { errorMessage, type LiveCollections } from '@/lib/collections/store';
import { articleHref } from '@/lib/ui/href';
import { plainText } from '@/lib/ui/citation';
import { ArticleDate } from '../components/ArticleDate';
import { button } from './CollectionsView';
import { NO_LONGER } from './CollectionCard';
import { MergeReview, mergeOrReview } from './MergeReview';
import { useArticles } from './useArticles';

function asStore(shared: SharedCollection, articles: ReturnType<typeof useArticles>, indexId: string): StoredCollections {
  const now = new Date().toISOString();
  return {
    ...emptyStore(indexId),
    collections: [
      {
        // By name: opening the same link twice adds to the same collection.
        id: `shared-${now}`,
        name: shared.name,
        createdAt: now,
        items: shared.items.map(({ id, note }) => {
          const s = articles.get(id);
          const a = s?.status === 'present' ? s.article : null;
          return { id, note, tags: [], addedAt: now, title: a ? plainText(a.title) : id, jalaliDate: a?.jalaliDate ?? null, publishedAt: a?.publishedAt ?? null, source: a?.source ?? null, url: a?.url ?? null };
        }),
      },
    ],
  };
}

export function SharedView({ result, indexId, live }: { result: { ok: true; shared: SharedCollection } | { ok: false; message: string }; indexId: string; live: LiveCollections }) {
  const articles = useArticles(result.ok ? result.shared.items.map((i) => i.id) : []);
  const [message, setMessage] = useState('');
  const [review, setReview] = useState<{ incoming: StoredCollections; conflicts: NoteConflict[] } | null>(null);
  if (!result.ok) {
    return (
      <p role="alert" className="rounded-2xl bg-red-50 p-4 text-red-900 dark:bg-red-950 dark:text-red-100" data-testid="shared-error">
        {result.message}
      </p>
    );
  }
  const { shared } = result;
  const foreign = shared.indexId !== indexId;
  const add = async () => {
    try {
      const incoming = asStore(shared, articles, indexId);
      const snapshot = live.getSnapshot();
      if (snapshot.status !== 'ready') return;
      const r = await mergeOrReview(live, snapshot.data, incoming);
      if ('done' in r) setMessage(r.done);
      else setReview({ incoming, conflicts: r.conflicts });
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  const ready = shared.items.every((i) => articles.has(i.id));
  return (
    <section aria-labelledby="shared-heading" className="space-y-3 rounded-2xl border-2 border-amber-400 bg-white p-4 dark:border-amber-700 dark:bg-stone-900" data-testid="shared">
      <h2 id="shared-heading" className="text-lg font-bold">
        مجموعهٔ همرسانی‌شده: «{shared.name}»
      </h2>
      {foreign && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          این پیوند از نمایهٔ دیگری است: شناسهٔ خبرهایش در این نمایه ممکن است خبرهای دیگری را بنامد.
        </p>
      )}
      <ol className="space-y-2 text-sm">
        {shared.items.map((i) => {
          const s = articles.get(i.id);
          return (
            <li key={i.id} data-testid="shared-item" data-id={i.id} className="rounded-xl border border-stone-200 p-2 dark:border-stone-700">
              {s?.status === 'present' ? (
                <>
                  <Link prefetch={false} href={articleHref(i.id, undefined)} className="font-semibold hover:underline">
                    {plainText(s.article.title)}
                  </Link>{' '}
                  <span className="text-stone-600 dark:text-stone-400">
                    <ArticleDate jalaliDate={s.article.jalaliDate} publishedAt={s.article.publishedAt} />
                    {s.article.source && ` · ${s.article.source}`}
                  </span>
                </>
              ) : s?.status === 'missing' ? (
                <span>
                  <bdi>{i.id}</bdi> <span data-testid="no-longer">({NO_LONGER})</span>
                </span>
              ) : (
                <bdi>{i.id}</bdi>
              )}
              {i.note && <p className="mt-1 whitespace-pre-line" data-testid="shared-note">{i.note}</p>}
            </li>
          );
        })}
      </ol>
      {!foreign && (
        <button type="button" className={button} onClick={add} disabled={!ready} data-testid="add-shared">
          افزودن به مجموعه‌های من
        </button>
      )}
      {message && <p role="status">{message}</p>}
      {review && (
        <MergeReview
          live={live}
          incoming={review.incoming}
          conflicts={review.conflicts}
          onDone={(text) => {
            setReview(null);
            setMessage(text);
          }}
        />
      )}
    </section>
  );
}
