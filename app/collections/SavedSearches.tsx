'use client';
// Saved searches with their total now (asked of /api/search) beside the total when saved: «+۳۷ از ۱۴۰۲/۰۳/۱۰».
import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { SavedSearch } from '@/lib/collections/schema';
import { errorMessage, type LiveCollections } from '@/lib/collections/store';
import { removeSearch } from '@/lib/collections/operations';
import { searchPageHref, totalChange, totalRequest } from '@/lib/collections/saved-search';
import { faCount } from '@/lib/ui/dates';
import { button } from './CollectionsView';

type Now = { total: number } | { error: string };

function useCurrentTotals(searches: readonly SavedSearch[]): Map<string, Now> {
  const [totals, setTotals] = useState(new Map<string, Now>());
  // JSON, not a join: the empty query (every article) is a search too.
  const key = JSON.stringify([...new Set(searches.map((s) => s.query))]);
  useEffect(() => {
    let live = true;
    const queries = JSON.parse(key) as string[];
    void Promise.all(
      queries.map(async (q): Promise<[string, Now]> => {
        try {
          const res = await fetch(totalRequest(q));
          const body = (await res.json()) as { total?: number; error?: { message: string } };
          return [q, typeof body.total === 'number' ? { total: body.total } : { error: body.error?.message ?? `HTTP ${res.status}` }];
        } catch (e) {
          return [q, { error: (e as Error).message }];
        }
      }),
    ).then((pairs) => live && setTotals(new Map(pairs)));
    return () => {
      live = false;
    };
  }, [key]);
  return totals;
}

export function SavedSearches({ searches, live, builtAt }: { searches: SavedSearch[]; live: LiveCollections; builtAt: string | null }) {
  const totals = useCurrentTotals(searches);
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="searches" className="space-y-3">
      <h2 id="searches" className="text-xl font-bold">
        جستجوهای ذخیره‌شده
      </h2>
      {searches.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">هنوز جستجویی ذخیره نشده: در صفحهٔ نتایج «ذخیرهٔ جستجو» را بزنید.</p>
      ) : (
        <ul className="space-y-2">
          {searches.map((s) => {
            const now = totals.get(s.query);
            return (
              <li key={s.id} className="rounded-xl border border-stone-200 bg-white p-3 text-sm dark:border-stone-800 dark:bg-stone-900" data-testid="saved-search" data-name={s.name}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link prefetch={false} href={searchPageHref(s.query)} className="font-semibold text-amber-800 hover:underline dark:text-amber-300">
                    {s.name}
                  </Link>
                  <button type="button" className={button} onClick={() => live.change((d) => removeSearch(d, s.id)).catch((e) => setStatus(errorMessage(e)))} aria-label={`حذف جستجوی «${s.name}»`}>
                    حذف
                  </button>
                </div>
                {s.note && <p className="mt-1 whitespace-pre-line">{s.note}</p>}
                <p className="mt-1 text-stone-600 dark:text-stone-400">
                  {now === undefined ? (
                    'در حال شمردن…'
                  ) : 'error' in now ? (
                    <span role="alert">شمار کنونی در دسترس نیست ({now.error})</span>
                  ) : (
                    <>
                      <span data-testid="current-total">{faCount(now.total)} نتیجه</span>
                      {' · '}
                      <span data-testid="total-change">{totalChange(now.total, s.total, s.savedAt)}</span>
                      {' '}(هنگام ذخیره {faCount(s.total)})
                      {s.builtAt && builtAt && s.builtAt !== builtAt && <span data-testid="rebuilt"> · نمایه از آن زمان دوباره ساخته شده است</span>}
                    </>
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" className="text-sm">
        {status}
      </p>
    </section>
  );
}
