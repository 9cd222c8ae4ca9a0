'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { searchHref, type UrlState } from './href';

const DEBOUNCE_MS = 250;

/**
 * The query box. It only rewrites the URL; the server renders the results. Without
 * JavaScript it is a plain GET form that submits the same parameters.
 */
export function SearchBox({ state }: { state: UrlState }) {
  const router = useRouter();
  const [value, setValue] = useState(state.q ?? '');
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const go = (q: string) => {
    startTransition(() => router.replace(searchHref(stateRef.current, { q }), { scroll: false }));
  };

  return (
    <form
      action="/"
      method="get"
      role="search"
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (timer.current) clearTimeout(timer.current);
        go(value);
      }}
    >
      <label htmlFor="q" className="sr-only">
        جستجو
      </label>
      <input
        id="q"
        name="q"
        type="search"
        autoComplete="off"
        autoFocus
        value={value}
        placeholder="جستجو در آرشیو خبر…"
        onChange={(e) => {
          const q = e.target.value;
          setValue(q);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => go(q), DEBOUNCE_MS);
        }}
        className="w-full rounded-lg border border-stone-300 bg-white px-4 py-2.5 text-lg shadow-sm outline-none focus:border-amber-500 focus:ring-2 focus:ring-amber-300 dark:border-stone-700 dark:bg-stone-900"
      />
      {state.from && <input type="hidden" name="from" value={state.from} />}
      {state.to && <input type="hidden" name="to" value={state.to} />}
      {state.sort && <input type="hidden" name="sort" value={state.sort} />}
      <button
        type="submit"
        className="rounded-lg bg-amber-600 px-4 py-2.5 text-white hover:bg-amber-700 focus-visible:outline-2 focus-visible:outline-offset-2"
      >
        جستجو
      </button>
      <span aria-live="polite" className="w-4 text-stone-400" data-testid="loading">
        {pending ? '…' : ''}
      </span>
    </form>
  );
}
