'use client';
// The collections page's body: saved searches, a shared collection opened from a link, every collection with its
// articles, and moving everything in and out as one file.
import { useEffect, useState } from 'react';
import { useHydrated } from '../components/useHydrated';
import { useKept } from '../components/KeepScope';
import { allTags } from '@/lib/collections/operations';
import { decodeShare, type SharedCollection } from '@/lib/collections/share';
import { SavedSearches } from './SavedSearches';
import { CollectionCard } from './CollectionCard';
import { ImportExport } from './ImportExport';
import { SharedView } from './SharedView';
import { useArticles } from './useArticles';

export const field = 'rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950';
export const button = 'rounded-md border border-stone-300 px-2.5 py-0.5 text-sm hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800';

export function CollectionsView({ indexId, builtAt }: { indexId: string; builtAt: string | null }) {
  const hydrated = useHydrated();
  const { live, snapshot } = useKept(indexId);
  const [tag, setTag] = useState('');
  const [shared, setShared] = useState<{ ok: true; shared: SharedCollection } | { ok: false; message: string } | null>(null);

  useEffect(() => {
    const read = () => {
      if (!location.hash.includes('share=')) return setShared(null);
      void decodeShare(location.hash).then(setShared);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);

  const data = snapshot.status === 'ready' ? snapshot.data : null;
  const ids = data ? data.collections.flatMap((c) => c.items.map((i) => i.id)) : [];
  const articles = useArticles(ids);

  if (!hydrated || !live) return null;
  if (snapshot.status === 'error') {
    return (
      <p role="alert" className="mt-6 rounded-2xl bg-red-50 p-4 text-red-900 dark:bg-red-950 dark:text-red-100">
        {snapshot.message}
      </p>
    );
  }
  if (!data) return <p className="mt-6 text-sm" role="status">در حال خواندن…</p>;

  const tags = allTags(data);
  return (
    <div className="mt-6 space-y-8" data-testid="collections">
      {shared && <SharedView result={shared} indexId={indexId} live={live} />}
      <ImportExport data={data} live={live} indexId={indexId} />
      <SavedSearches searches={data.searches} live={live} builtAt={builtAt} />
      <section aria-labelledby="collections-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="collections-heading" className="text-xl font-bold">
            خبرهای نگه‌داشته
          </h2>
          {tags.length > 0 && (
            <label className="flex items-center gap-2 text-sm">
              <span>برچسب</span>
              <select value={tag} onChange={(e) => setTag(e.target.value)} className={field} data-testid="tag-filter">
                <option value="">همه</option>
                {tags.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {data.collections.length === 0 ? (
          <p className="text-sm text-stone-600 dark:text-stone-400">هنوز خبری نگه داشته نشده: در نتایج یا صفحهٔ خبر «افزودن به مجموعه» را بزنید.</p>
        ) : (
          data.collections.map((c) => <CollectionCard key={c.id} collection={c} all={data.collections} tag={tag} articles={articles} live={live} indexId={indexId} />)
        )}
      </section>
    </div>
  );
}
