'use client';
// «ذخیرهٔ جستجو» on the results page: the search's parameters (lib/collections/saved-search.ts) under a name,
// with a note and the total now, so the collections page can say how the total changed since.
import { useId, useState } from 'react';
import { useHydrated } from './useHydrated';
import { useKept } from './KeepScope';
import { saveSearch } from '@/lib/collections/operations';
import { searchQueryOf } from '@/lib/collections/saved-search';
import { errorMessage } from '@/lib/collections/store';

const button = 'rounded-md border border-stone-300 px-2.5 py-0.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800';
const field = 'w-full rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950';

export function SaveSearchButton({ total, builtAt, query }: { total: number; builtAt: string | null; query: string }) {
  const hydrated = useHydrated();
  const { live, snapshot } = useKept();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const id = useId();
  if (!hydrated || !live) return null;

  const saved = snapshot.status === 'ready' ? snapshot.data.searches.find((s) => s.query === searchQueryOf(location.search)) : undefined;

  const toggle = () => {
    setName(query.trim() || 'همهٔ خبرها');
    setNote('');
    setStatus('');
    setOpen(!open);
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      // The URL at the moment of saving: the page may have moved on (typing, filters) since it rendered.
      const q = searchQueryOf(location.search);
      await live.change((d) => saveSearch(d, { name: name.trim() || 'جستجو', note, query: q, total, savedAt: new Date().toISOString(), builtAt }));
      setStatus('جستجو ذخیره شد');
      setOpen(false);
    } catch (err) {
      setStatus(errorMessage(err));
    }
  };

  return (
    <div className="relative text-sm" data-testid="save-search">
      <span className="inline-flex flex-wrap items-center gap-2">
        <button type="button" onClick={toggle} aria-expanded={open} aria-controls={`${id}-form`} className={button} data-testid="save-search-button">
          ذخیرهٔ جستجو
        </button>
        <span role="status" className="text-stone-600 dark:text-stone-400">
          {status || (saved ? <a href="/collections#searches" className="underline">ذخیره شده: «{saved.name}»</a> : '')}
        </span>
      </span>
      {open && (
        <form id={`${id}-form`} onSubmit={save} aria-label="ذخیرهٔ جستجو" className="z-10 mt-1 grid gap-2 rounded-xl border border-stone-200 bg-white p-3 shadow-lg max-sm:fixed max-sm:inset-x-3 sm:absolute sm:end-0 sm:w-72 dark:border-stone-700 dark:bg-stone-900">
          <div className="grid gap-1">
            <label htmlFor={`${id}-name`}>نام جستجو</label>
            <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} className={field} required maxLength={200} />
          </div>
          <div className="grid gap-1">
            <label htmlFor={`${id}-note`}>یادداشت</label>
            <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} className={field} maxLength={20_000} />
          </div>
          <div className="flex gap-2">
            <button type="submit" className={`${button} bg-amber-100 dark:bg-amber-900/40`}>
              ذخیره
            </button>
            <button type="button" onClick={() => setOpen(false)} className={button}>
              انصراف
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
