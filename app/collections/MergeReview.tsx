'use client';
// An import or a shared collection to merge: added at once when no note differs; otherwise each differing note
// is shown with a choice (keep mine, take theirs, keep both) and nothing is written until «ادغام».
import { useState } from 'react';
import { mergeStores, resolveConflicts, type ConflictChoice, type NoteConflict } from '@/lib/collections/merge';
import type { StoredCollections } from '@/lib/collections/schema';
import { errorMessage, type LiveCollections } from '@/lib/collections/store';
import { faCount } from '@/lib/ui/dates';
import { button } from './CollectionsView';

const conflictKey = (c: NoteConflict) => `${c.kind}\n${c.collectionId ?? ''}\n${c.id}`;

export function summary(added: { collections: number; articles: number; searches: number }): string {
  return `افزوده شد: ${faCount(added.articles)} خبر، ${faCount(added.collections)} مجموعه، ${faCount(added.searches)} جستجو.`;
}

/** Merges `incoming` at once when it has no conflicts; returns the conflicts otherwise (nothing written). */
export async function mergeOrReview(live: LiveCollections, current: StoredCollections, incoming: StoredCollections): Promise<{ done: string } | { conflicts: NoteConflict[] }> {
  const trial = mergeStores(current, incoming);
  if (trial.conflicts.length > 0) return { conflicts: trial.conflicts };
  let added = trial.added;
  await live.change((d) => {
    const m = mergeStores(d, incoming);
    added = m.added;
    // Another tab may have written a conflicting note meanwhile: those stay as they are.
    return m.data;
  });
  return { done: summary(added) };
}

export function MergeReview({ live, incoming, conflicts, onDone }: { live: LiveCollections; incoming: StoredCollections; conflicts: NoteConflict[]; onDone: (message: string) => void }) {
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const apply = async () => {
    try {
      let added = { collections: 0, articles: 0, searches: 0 };
      await live.change((d) => {
        const m = mergeStores(d, incoming);
        added = m.added;
        return resolveConflicts(m.data, m.conflicts, m.conflicts.map((c) => choices[conflictKey(c)] ?? 'current'));
      });
      onDone(summary(added));
    } catch (e) {
      onDone(errorMessage(e));
    }
  };
  return (
    <div role="group" aria-labelledby="merge-heading" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40" data-testid="merge-review">
      <h3 id="merge-heading" className="font-bold">
        {faCount(conflicts.length)} یادداشت با یادداشت‌های این مرورگر فرق دارد: کدام بماند؟
      </h3>
      <ul className="space-y-3">
        {conflicts.map((c) => {
          const k = conflictKey(c);
          const name = `choice-${k}`;
          return (
            <li key={k} data-testid="conflict">
              <fieldset>
                <legend className="font-semibold">
                  {c.kind === 'search' ? 'جستجوی' : 'خبر'} «{c.label}»{c.collectionName ? ` در «${c.collectionName}»` : ''}
                </legend>
                {(
                  [
                    ['current', `یادداشت این مرورگر: ${c.current}`],
                    ['incoming', `یادداشت پرونده: ${c.incoming}`],
                    ['both', 'هر دو'],
                  ] as const
                ).map(([value, label]) => (
                  <label key={value} className="flex items-start gap-2">
                    <input type="radio" name={name} value={value} checked={(choices[k] ?? 'current') === value} onChange={() => setChoices({ ...choices, [k]: value })} />
                    <span className="whitespace-pre-line">{label}</span>
                  </label>
                ))}
              </fieldset>
            </li>
          );
        })}
      </ul>
      <div className="flex gap-2">
        <button type="button" className={button} onClick={apply}>
          ادغام
        </button>
        <button type="button" className={button} onClick={() => onDone('چیزی تغییر نکرد.')}>
          انصراف
        </button>
      </div>
    </div>
  );
}
