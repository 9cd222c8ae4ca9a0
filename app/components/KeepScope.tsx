'use client';
// The index a page's keep and save controls store under (the server knows it: lib/collections/index-identity.ts),
// and the page's one live copy of what is kept for it.
import { createContext, useContext, useSyncExternalStore } from 'react';
import { liveCollections, type LiveCollections, type Snapshot } from '@/lib/collections/store';

const Scope = createContext<string | null>(null);

export function KeepScope({ indexId, children }: { indexId: string; children: React.ReactNode }) {
  return <Scope.Provider value={indexId}>{children}</Scope.Provider>;
}

const LOADING: Snapshot = { status: 'loading' };
const noop = () => () => {};

/** What is kept for this page's index, and the way to change it; null outside a KeepScope. */
export function useKept(indexIdOverride?: string): { live: LiveCollections | null; snapshot: Snapshot } {
  const scoped = useContext(Scope);
  const indexId = indexIdOverride ?? scoped;
  // Only in the browser: the server has no IndexedDB.
  const live = indexId && typeof window !== 'undefined' ? liveCollections(indexId) : null;
  const snapshot = useSyncExternalStore(
    live?.subscribe ?? noop,
    live?.getSnapshot ?? (() => LOADING),
    () => LOADING,
  );
  return { live, snapshot };
}

/** Said where a page's collection controls would be, to a reader without JavaScript. */
export function KeepNeedsScript({ what = 'مجموعه‌ها و ذخیرهٔ جستجو' }: { what?: string }) {
  return (
    <noscript>
      <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="collections-need-js">
        {what} به جاوااسکریپت نیاز دارند (در مرورگر نگه داشته می‌شوند).
      </p>
    </noscript>
  );
}
