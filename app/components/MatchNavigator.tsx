'use client';

import { useCallback, useRef, useState } from 'react';
import { useHydrated } from './useHydrated';
import { toPersianDigits } from '@/lib/digits';

export const hitId = (n: number) => `hit-${n}`;

/** «رفتن به نخستین مورد» / «مورد بعدی» / «مورد قبلی» over the article's numbered <mark>s. */
export function MatchNavigator({ count }: { count: number }) {
  const [current, setCurrent] = useState(0); // 1-based; 0 = none yet
  const last = useRef<HTMLElement | null>(null);

  const go = useCallback(
    (n: number) => {
      const target = ((n - 1 + count) % count) + 1;
      const el = document.getElementById(hitId(target));
      if (!el) return;
      last.current?.classList.remove('current');
      el.classList.add('current');
      last.current = el;
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
      el.focus({ preventScroll: true });
      setCurrent(target);
    },
    [count],
  );

  // Without JavaScript the first match is a plain anchor; previous and next need the script.
  const hydrated = useHydrated();
  if (count === 0) return null;
  const fa = (n: number) => toPersianDigits(String(n));
  const button =
    'rounded-md border border-stone-300 px-2.5 py-1 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800';
  return (
    <div className="sticky top-0 z-10 -mx-1 flex flex-wrap items-center gap-2 bg-stone-50/95 px-1 py-2 text-sm backdrop-blur dark:bg-stone-950/90" data-testid="match-nav">
      <a
        href={`#${hitId(1)}`}
        className={button}
        onClick={(e) => {
          e.preventDefault();
          go(1);
        }}
      >
        رفتن به نخستین مورد
      </a>
      {hydrated && (
        <>
          <button type="button" className={button} onClick={() => go(current - 1)} disabled={current === 0} aria-label="مورد قبلی">
            → قبلی
          </button>
          <button type="button" className={button} onClick={() => go(current + 1)}>
            مورد بعدی ←
          </button>
        </>
      )}
      <span className="text-stone-600 dark:text-stone-400" aria-live="polite" data-testid="match-position">
        {current > 0 ? `مورد ${fa(current)} از ${fa(count)}` : `${fa(count)} مورد`}
      </span>
    </div>
  );
}
