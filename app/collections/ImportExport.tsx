'use client';
// «خروجی همه»: every collection and saved search of this index as one JSON file; «ورود از فایل» reads one back
// through the same schema (lib/collections/migrate.ts) and merges it.
import { useState } from 'react';
import type { NoteConflict } from '@/lib/collections/merge';
import { readStoredText } from '@/lib/collections/migrate';
import type { StoredCollections } from '@/lib/collections/schema';
import type { LiveCollections } from '@/lib/collections/store';
import { errorMessage } from '@/lib/collections/store';
import { button } from './CollectionsView';
import { download } from './download';
import { MergeReview, mergeOrReview } from './MergeReview';

export function ImportExport({ data, live, indexId }: { data: StoredCollections; live: LiveCollections; indexId: string }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [review, setReview] = useState<{ incoming: StoredCollections; conflicts: NoteConflict[] } | null>(null);

  const exportAll = () => {
    const day = new Date().toISOString().slice(0, 10);
    download(`kavosh-collections-${day}.json`, JSON.stringify(data, null, 2) + '\n', 'application/json');
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setReview(null);
    const read = readStoredText(await file.text(), indexId);
    if (!read.ok) return setMessage({ text: read.message, error: true });
    try {
      const r = await mergeOrReview(live, data, read.data);
      if ('done' in r) setMessage({ text: r.done, error: false });
      else {
        setMessage(null);
        setReview({ incoming: read.data, conflicts: r.conflicts });
      }
    } catch (e) {
      setMessage({ text: errorMessage(e), error: true });
    }
  };

  return (
    <section aria-labelledby="move-heading" className="space-y-2 rounded-2xl border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900">
      <h2 id="move-heading" className="font-bold">
        بردن به مرورگر دیگر
      </h2>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={button} onClick={exportAll} data-testid="export-all">
          خروجی همه
        </button>
        <span className="inline-flex flex-wrap items-center gap-2">
          <label htmlFor="import-file">ورود از فایل</label>
          <input
            id="import-file"
            type="file"
            accept="application/json,.json"
            data-testid="import-file"
            className="max-w-full text-sm file:me-2 file:rounded-md file:border file:border-stone-300 file:bg-transparent file:px-2 file:py-0.5"
            onChange={(e) => {
              void importFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </span>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'text-red-800 dark:text-red-300' : ''} data-testid="import-message">
          {message.text}
        </p>
      )}
      {review && (
        <MergeReview
          live={live}
          incoming={review.incoming}
          conflicts={review.conflicts}
          onDone={(text) => {
            setReview(null);
            setMessage({ text, error: false });
          }}
        />
      )}
    </section>
  );
}
