'use client';

import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useRef, useTransition } from 'react';

interface NavigateOptions {
  replace?: boolean;
  /**
   * Where the keyboard focus belongs once the new page has committed: the
   * control that was used, found again by what it stands for (a facet's field
   * and value, a bar's period). Called after the commit, so it finds the node
   * of the new tree; when the control survived, it simply is still focused.
   */
  focus?: () => HTMLElement | null;
  /** Runs inside the navigation's transition (an optimistic update lasts until the page lands). */
  optimistic?: () => void;
}

interface Navigation {
  /** A search navigation is in flight (the previous results stay until it lands). */
  pending: boolean;
  /**
   * Goes to `href` inside a transition: a newer navigation supersedes an older
   * one, so a slow, stale response never replaces the newer page.
   */
  navigate: (href: string, options?: NavigateOptions) => void;
}

const NavigationContext = createContext<Navigation | null>(null);

/** Focus lost to a re-render lands on the body; anything else the reader chose since. */
const focusLost = () => {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
};

export function NavigationProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The focus wish of the latest navigation: a newer one replaces it, also one without a wish (typing a query).
  const refocus = useRef<NavigateOptions['focus'] | null>(null);
  const navigate = useCallback(
    (href: string, options: NavigateOptions = {}) => {
      refocus.current = options.focus ?? null;
      startTransition(() => {
        options.optimistic?.();
        if (options.replace) router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [router],
  );
  // The transition ends in the commit that shows the new page, so its nodes are in the document now.
  useEffect(() => {
    if (pending || !refocus.current) return;
    const target = refocus.current();
    refocus.current = null;
    if (target && target !== document.activeElement && focusLost()) target.focus({ preventScroll: true });
  }, [pending]);
  return <NavigationContext.Provider value={{ pending, navigate }}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  const router = useRouter();
  if (nav) return nav;
  // Outside the provider (not expected): plain navigations.
  return {
    pending: false,
    navigate: (href, o = {}) => {
      o.optimistic?.();
      if (o.replace) router.replace(href);
      else router.push(href);
    },
  };
}

/** The results region: marked busy and dimmed while a search is in flight. */
export function PendingRegion({ children, className, label }: { children: React.ReactNode; className?: string; label: string }) {
  const { pending } = useNavigation();
  return (
    <section
      aria-label={label}
      aria-busy={pending || undefined}
      data-pending={pending || undefined}
      className={`transition-opacity duration-300 data-[pending]:opacity-60 ${className ?? ''}`}
    >
      {children}
    </section>
  );
}
