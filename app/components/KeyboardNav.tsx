'use client';

import { useEffect } from 'react';

const RESULT_LINK = '[data-result-link]';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Keyboard for the search page: `/` focuses the box; ArrowDown/ArrowUp move
 * between the box and the results' title links (Enter opens one, as any link).
 */
export function KeyboardNav() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const box = document.getElementById('q') as HTMLInputElement | null;
      if (e.key === '/' && !isTyping(e.target)) {
        if (!box) return;
        e.preventDefault();
        box.focus();
        box.select();
        return;
      }
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const links = [...document.querySelectorAll<HTMLElement>(RESULT_LINK)];
      if (links.length === 0) return;
      const target = e.target as HTMLElement | null;
      const at = target ? links.indexOf(target) : -1;
      if (target === box) {
        if (e.key !== 'ArrowDown') return;
        e.preventDefault();
        links[0].focus();
        return;
      }
      if (at === -1) return;
      e.preventDefault();
      if (e.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)].focus();
      else if (at === 0) box?.focus();
      else links[at - 1].focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return null;
}
