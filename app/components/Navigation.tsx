'use client';

import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useTransition } from 'react';

interface Navigation {
  /** A search navigation is in flight (the previous results stay until it lands). */
  pending: boolean;
  /**
   * Goes to `href` inside a transition: a newer navigation supersedes an older
   * one, so a slow, stale response never replaces the newer page.
   */
  navigate: (href: string, options?: { replace?: boolean }) => void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const navigate = useCallback(
    (href: string, options: { replace?: boolean } = {}) => {
      startTransition(() => {
        if (options.replace) router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [router],
  );
  return <NavigationContext.Provider value={{ pending, navigate }}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  const router = useRouter();
  if (nav) return nav;
  // Outside the provider (not expected): plain navigations.
  return { pending: false, navigate: (href, o = {}) => (o.replace ? router.replace(href) : router.push(href)) };
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
