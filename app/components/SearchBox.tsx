'use client';

import { useEffect, useRef, useState } from 'react';
import { carriedFields, searchHref, type UrlState } from '../../lib/ui/href';
import { useNavigation } from './Navigation';

export const DEBOUNCE_MS = 200;
/**
 * After this long without a keystroke the user has stopped typing: the live
 * results (the last word as a prefix) give way to the whole-word answer, the
 * one a researcher may quote.
 */
export const SETTLE_MS = 900;

/**
 * The query box. It only rewrites the URL; the server renders the results.
 * While the user types, the live results take the last word as a prefix
 * (`prefix=last`); Enter, the button, leaving the box or a pause give the
 * whole-word search. Without JavaScript it is a plain GET form that submits
 * the same parameters (whole words).
 * Keys: `/` (anywhere) focuses it, Esc clears it, ArrowDown goes to the results.
 */
export function SearchBox({ state }: { state: UrlState }) {
  const { pending, navigate } = useNavigation();
  const [value, setValue] = useState(state.q ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const settle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  // A navigation made elsewhere (a link, back/forward) sets the box, unless the user is typing in it
  // (a search of theirs is still to be sent): Back after Esc puts the previous query back in the box.
  useEffect(() => {
    if (document.activeElement !== input.current || (!timer.current && !settle.current)) setValue(state.q ?? '');
  }, [state.q]);

  const stopTimers = () => {
    if (timer.current) clearTimeout(timer.current);
    if (settle.current) clearTimeout(settle.current);
    timer.current = null;
    settle.current = null;
  };

  useEffect(() => stopTimers, []);

  /** The whole-word search for `q` (a submit, a pause, leaving the box). */
  const go = (q: string) => {
    stopTimers();
    navigate(searchHref(stateRef.current, { q, prefix: undefined }), { replace: true });
  };

  /** The live results while typing: the last word also as a prefix, until the user pauses. */
  const goTyping = (q: string) => {
    timer.current = null;
    const typing = /\S$/u.test(q);
    navigate(searchHref(stateRef.current, { q, prefix: typing ? 'last' : undefined }), { replace: true });
    if (typing) settle.current = setTimeout(() => go(q), SETTLE_MS - DEBOUNCE_MS);
  };

  // Without JavaScript a new query keeps the rest of the view, as the typed search's link does.
  const hidden = carriedFields(state, ['q']);

  return (
    <form
      action="/"
      method="get"
      role="search"
      id="search-form"
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        go(value);
      }}
    >
      <label htmlFor="q" className="sr-only">
        جستجو
      </label>
      <div className="relative flex-1">
        <input
          ref={input}
          id="q"
          name="q"
          type="search"
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          autoFocus={!state.q}
          value={value}
          placeholder="جستجو در آرشیو خبر…"
          aria-keyshortcuts="/"
          aria-describedby="search-keys"
          onChange={(e) => {
            const q = e.target.value;
            setValue(q);
            stopTimers();
            timer.current = setTimeout(() => goTyping(q), DEBOUNCE_MS);
          }}
          onBlur={() => {
            // Leaving the box ends the typing: never leave a prefix answer behind.
            if (timer.current || settle.current || stateRef.current.prefix) go(value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setValue('');
              stopTimers();
              // A new history entry, not a rewrite of the results': Back shows them again, their query in the box.
              navigate(searchHref(stateRef.current, { q: '', prefix: undefined }));
            }
          }}
          className="w-full rounded-xl border border-stone-300 bg-white py-2.5 ps-4 pe-10 text-lg shadow-sm outline-none placeholder:text-stone-500 focus:border-amber-600 focus:ring-2 focus:ring-amber-300 dark:border-stone-700 dark:bg-stone-900 dark:placeholder:text-stone-400 dark:focus:ring-amber-700 [&::-webkit-search-cancel-button]:hidden"
        />
        <span
          role="status"
          data-testid="loading"
          data-pending={pending || undefined}
          className="pointer-events-none absolute inset-y-0 end-3 flex items-center"
        >
          {pending && (
            <>
              <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-amber-600 border-t-transparent" />
              <span className="sr-only">در حال جستجو…</span>
            </>
          )}
        </span>
      </div>
      {hidden.map(([name, v], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={v} />
      ))}
      <button
        type="submit"
        className="rounded-xl bg-amber-700 px-4 py-2.5 font-medium text-white shadow-sm hover:bg-amber-800 dark:bg-amber-600 dark:text-stone-950 dark:hover:bg-amber-500"
      >
        جستجو
      </button>
      <p id="search-keys" className="sr-only">
        کلید / جعبهٔ جستجو را برمی‌گزیند، Escape آن را پاک می‌کند و پیکان پایین به نتایج می‌رود.
      </p>
    </form>
  );
}
