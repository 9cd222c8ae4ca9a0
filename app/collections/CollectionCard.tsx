'use client';
import Link from 'next/link';
import { useState } from 'react';
import type { Bookmark, Collection } from '@/lib/collections/schema';
import type { LiveCollections } from '@/lib/collections/store';
import { errorMessage } from '@/lib/collections/store';
import { deleteCollection, moveArticle, parseTags, removeArticle, reorderArticle, updateBookmark } from '@/lib/collections/operations';
import { citationList, collectionCsv, collectionJsonl, exportFileName, type ExportOptions } from '@/lib/collections/export';
import { encodeShare } from '@/lib/collections/share';
import { articleHref } from '@/lib/ui/href';
import { plainText } from '@/lib/ui/citation';
import { faCount } from '@/lib/ui/dates';
import { ArticleDate } from '../components/ArticleDate';
import { download } from './download';
import { fetchArticles, type ArticleState } from './useArticles';
import { button, field } from './CollectionsView';

export const NO_LONGER = 'دیگر در نمایه نیست';

type Props = { collection: Collection; all: Collection[]; tag: string; articles: Map<string, ArticleState>; live: LiveCollections; indexId: string };

export function CollectionCard({ collection, all, tag, articles, live, indexId }: Props) {
  const [fullText, setFullText] = useState(false);
  const [status, setStatus] = useState('');
  const [share, setShare] = useState<{ ok: true; link: string } | { ok: false; message: string } | null>(null);
  const items = tag ? collection.items.filter((i) => i.tags.includes(tag)) : collection.items;
  const headingId = `col-${collection.id}`;

  const run = async (what: () => Promise<unknown>) => {
    try {
      await what();
    } catch (e) {
      setStatus(errorMessage(e));
    }
  };

  const exportAs = async (kind: 'csv' | 'jsonl' | 'txt') => {
    const options: ExportOptions = { missing: new Set(), present: new Set() };
    const states = fullText ? await fetchArticles(items.map((i) => i.id)) : articles;
    for (const [id, s] of states) {
      if (s.status === 'missing') (options.missing as Set<string>).add(id);
      if (s.status === 'present') (options.present as Set<string>).add(id);
    }
    if (fullText) {
      const texts = new Map<string, string[]>();
      for (const [id, s] of states) if (s.status === 'present') texts.set(id, s.article.paragraphs.map(plainText));
      options.texts = texts;
    }
    if (kind === 'csv') download(exportFileName(collection.name, 'csv'), collectionCsv(items, options), 'text/csv;charset=utf-8');
    else if (kind === 'jsonl') download(exportFileName(collection.name, 'jsonl'), collectionJsonl(collection, items, options), 'application/x-ndjson;charset=utf-8');
    else download(exportFileName(collection.name, 'txt'), citationList(items, options), 'text/plain;charset=utf-8');
  };

  const makeShare = async () => {
    const enc = await encodeShare({ name: collection.name, items }, indexId);
    setShare(enc.ok ? { ok: true, link: `${location.origin}/collections#${enc.fragment}` } : enc);
  };

  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900" data-testid="collection" data-name={collection.name}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-lg font-bold">
          {collection.name} <span className="text-sm font-normal text-stone-600 dark:text-stone-400">({faCount(items.length)} خبر)</span>
        </h3>
        <button
          type="button"
          className={button}
          onClick={() => confirm(`مجموعهٔ «${collection.name}» با ${faCount(collection.items.length)} خبر پاک شود؟`) && run(() => live.change((d) => deleteCollection(d, collection.id)))}
        >
          حذف مجموعه
        </button>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm" role="group" aria-label={`خروجی «${collection.name}»`}>
        <button type="button" className={button} onClick={() => run(() => exportAs('csv'))} data-testid="export-collection-csv">
          خروجی <bdi dir="ltr">CSV</bdi>
        </button>
        <button type="button" className={button} onClick={() => run(() => exportAs('jsonl'))} data-testid="export-collection-jsonl">
          خروجی <bdi dir="ltr">JSONL</bdi>
        </button>
        <button type="button" className={button} onClick={() => run(() => exportAs('txt'))} data-testid="export-collection-citations">
          فهرست ارجاع
        </button>
        <label className="inline-flex items-center gap-1">
          <input type="checkbox" checked={fullText} onChange={(e) => setFullText(e.target.checked)} /> با متن کامل
        </label>
        <button type="button" className={button} onClick={() => run(makeShare)} data-testid="share-button">
          پیوند اشتراک
        </button>
        <span role="status" className="text-stone-600 dark:text-stone-400">
          {status}
        </span>
      </div>
      {share &&
        (share.ok ? (
          <label className="mt-2 grid gap-1 text-sm">
            <span>پیوند اشتراک (یادداشت‌ها و شناسهٔ خبرها در بخش پس از # است و به کارگزار فرستاده نمی‌شود)</span>
            <input readOnly value={share.link} dir="ltr" className={`${field} w-full`} data-testid="share-link" onFocus={(e) => e.target.select()} />
          </label>
        ) : (
          <p role="alert" className="mt-2 text-sm text-red-800 dark:text-red-300" data-testid="share-error">
            {share.message}
          </p>
        ))}
      <ol className="mt-3 space-y-3">
        {items.map((item, k) => (
          <KeptItem key={`${item.id}\n${item.note}\n${item.tags.join()}`} item={item} collection={collection} all={all} first={k === 0} last={k === items.length - 1} state={articles.get(item.id)} live={live} onError={setStatus} />
        ))}
      </ol>
    </section>
  );
}

function KeptItem({
  item,
  collection,
  all,
  first,
  last,
  state,
  live,
  onError,
}: {
  item: Bookmark;
  collection: Collection;
  all: Collection[];
  first: boolean;
  last: boolean;
  state: ArticleState | undefined;
  live: LiveCollections;
  onError: (m: string) => void;
}) {
  const [note, setNote] = useState(item.note);
  const [tags, setTags] = useState(item.tags.join('، '));
  const changed = note !== item.note || tags !== item.tags.join('، ');
  const missing = state?.status === 'missing';
  const run = (change: Parameters<LiveCollections['change']>[0]) => live.change(change).catch((e) => onError(errorMessage(e)));
  const others = all.filter((c) => c.id !== collection.id);
  return (
    <li className="rounded-xl border border-stone-200 p-3 dark:border-stone-700" data-testid="kept-item" data-id={item.id} data-missing={missing || undefined}>
      <p className="font-semibold leading-relaxed">
        {missing ? <span>{item.title}</span> : <Link prefetch={false} href={articleHref(item.id, undefined)} className="hover:underline">{item.title}</Link>}
        {missing && (
          <span className="ms-2 rounded-full bg-stone-200 px-2 py-0.5 text-xs font-normal text-stone-800 dark:bg-stone-700 dark:text-stone-100" data-testid="no-longer">
            {NO_LONGER}
          </span>
        )}
      </p>
      <p className="mt-1 flex flex-wrap gap-x-2 text-sm text-stone-600 dark:text-stone-400">
        <ArticleDate jalaliDate={item.jalaliDate} publishedAt={item.publishedAt} />
        {item.source && (
          <>
            <span aria-hidden>·</span>
            <span>{item.source}</span>
          </>
        )}
      </p>
      <form
        className="mt-2 grid gap-2 text-sm sm:grid-cols-[1fr_12rem_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          void run((d) => updateBookmark(d, collection.id, item.id, { note, tags: parseTags(tags) }));
        }}
      >
        <label className="grid gap-1">
          <span>یادداشت</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} className={field} data-testid="kept-note" />
        </label>
        <label className="grid gap-1">
          <span>برچسب‌ها</span>
          <input value={tags} onChange={(e) => setTags(e.target.value)} className={field} />
        </label>
        <button type="submit" className={button} disabled={!changed}>
          ذخیرهٔ یادداشت
        </button>
      </form>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
        <button type="button" className={button} disabled={first} onClick={() => run((d) => reorderArticle(d, collection.id, item.id, -1))} aria-label={`بردن «${item.title}» به بالا`}>
          ↑ بالا
        </button>
        <button type="button" className={button} disabled={last} onClick={() => run((d) => reorderArticle(d, collection.id, item.id, +1))} aria-label={`بردن «${item.title}» به پایین`}>
          ↓ پایین
        </button>
        <button type="button" className={button} onClick={() => run((d) => removeArticle(d, collection.id, item.id))} aria-label={`حذف «${item.title}» از مجموعه`}>
          حذف
        </button>
        {others.length > 0 && (
          <label className="inline-flex items-center gap-1">
            <span>انتقال به</span>
            <select
              className={field}
              value=""
              onChange={(e) => {
                // Read now: the select is controlled, and React puts its value back before the change runs.
                const to = e.target.value;
                if (to) void run((d) => moveArticle(d, collection.id, to, item.id));
              }}
              aria-label={`انتقال «${item.title}» به مجموعهٔ دیگر`}
            >
              <option value="">…</option>
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </li>
  );
}
