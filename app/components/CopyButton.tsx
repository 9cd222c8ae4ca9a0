'use client';

import { useState } from 'react';
import { useHydrated } from './useHydrated';

/** Copies `text`; says so in words (for screen readers too). */
export function CopyButton({ text, label = 'رونوشت' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  // Copying needs JavaScript; without it the text itself is there to select.
  const hydrated = useHydrated();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // Old browsers or a denied permission: copy from a selected, hidden textarea.
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      setState(ok ? 'copied' : 'failed');
    }
    setTimeout(() => setState('idle'), 2500);
  };
  if (!hydrated) return null;
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        data-testid="copy-citation"
        className="rounded-md border border-stone-300 px-2.5 py-0.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
      >
        {label}
      </button>
      <span role="status" className="text-sm text-stone-600 dark:text-stone-400">
        {state === 'copied' ? 'رونوشت شد' : state === 'failed' ? 'رونوشت نشد؛ متن را برگزینید' : ''}
      </span>
    </span>
  );
}
