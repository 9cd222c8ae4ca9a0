'use client';
// Whether the page's JavaScript runs: false on the server and while hydrating,
// true after. Controls that do nothing without JavaScript render only then, so
// a reader without it never meets a button that does nothing.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
