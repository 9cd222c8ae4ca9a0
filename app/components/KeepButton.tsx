'use client';
// «افزودن به مجموعه» on a result and on the article page: choose or create a collection, write a note and tags.
// An article already kept says where; the form then shows its note and tags to edit.
import { useId, useState } from 'react';
import { useHydrated } from './useHydrated';
import { useKept } from './KeepScope';
import { createCollection, keepArticle, keptIn, parseTags, removeArticle, type ArticleSnapshot } from '@/lib/collections/operations';
import { errorMessage } from '@/lib/collections/store';
import type { StoredCollections } from '@/lib/collections/schema';
const TAG_SEPARATOR = '، ';

const NEW = '__new__';
export const DEFAULT_COLLECTION = 'مجموعهٔ من';

const button = 'rounded-md border border-stone-300 px-2.5 py-0.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800';
const field = 'w-full rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-950';

function existing(data: StoredCollections, collectionId: string, articleId: string) {
  return data.collections.find((c) => c.id === collectionId)?.items.find((i) => i.id === articleId);
}

export function KeepButton({ article, indexId }: { article: ArticleSnapshot; indexId?: string }) {
  const hydrated = useHydrated();
  const { live, snapshot } = useKept(indexId);
  const [open, setOpen] = useState(false);
  const [collection, setCollection] = useState<string>(NEW);
  const [newName, setNewName] = useState(DEFAULT_COLLECTION);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [status, setStatus] = useState('');
  const id = useId();
  if (!hydrated || !live) return null;

  const data = snapshot.status === 'ready' ? snapshot.data : null;
  const where = data ? (keptIn(data).get(article.id) ?? []) : [];

  const choose = (value: string) => {
    setCollection(value);
    const kept = data && value !== NEW ? existing(data, value, article.id) : undefined;
    setNote(kept?.note ?? '');
    setTags(kept?.tags.join(TAG_SEPARATOR) ?? '');
  };

  const toggle = () => {
    if (!open && data) {
      // Open on the collection it is kept in (to edit its note), else the last one made.
      const first = data.collections.find((c) => c.items.some((i) => i.id === article.id)) ?? data.collections.at(-1);
      choose(first?.id ?? NEW);
    }
    setStatus('');
    setOpen(!open);
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      let name = '';
      await live.change((d) => {
        let target = collection;
        if (target === NEW) {
          const made = createCollection(d, newName.trim() || DEFAULT_COLLECTION, new Date());
          d = made.data;
          target = made.id;
        }
        name = d.collections.find((c) => c.id === target)?.name ?? '';
        return keepArticle(d, target, article, { note, tags: parseTags(tags) }, new Date());
      });
      setStatus(`در «${name}» نگه داشته شد`);
      setOpen(false);
    } catch (err) {
      setStatus(errorMessage(err));
    }
  };

  const remove = async () => {
    if (collection === NEW) return;
    try {
      await live.change((d) => removeArticle(d, collection, article.id));
      setStatus('از مجموعه برداشته شد');
      setOpen(false);
    } catch (err) {
      setStatus(errorMessage(err));
    }
  };

  const keptHere = data && collection !== NEW ? existing(data, collection, article.id) : undefined;

  return (
    <div className="keep w-full text-sm" data-testid="keep">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={toggle} aria-expanded={open} aria-controls={`${id}-form`} aria-label="افزودن به مجموعه" className={button} data-testid="keep-button" disabled={snapshot.status === 'loading'}>
          {where.length ? '✓ ' : '+ '}افزودن به مجموعه
        </button>
        {where.length > 0 && (
          <span className="text-stone-600 dark:text-stone-400" data-testid="kept-mark">
            در مجموعهٔ {where.map((n) => `«${n}»`).join('، ')}
          </span>
        )}
        <span role="status" className="text-stone-600 dark:text-stone-400">
          {snapshot.status === 'error' ? snapshot.message : status}
        </span>
      </div>
      {open && data && (
        <form id={`${id}-form`} onSubmit={save} className="mt-2 grid gap-2 rounded-xl border border-stone-200 bg-stone-50 p-3 sm:max-w-md dark:border-stone-700 dark:bg-stone-900" aria-label="افزودن به مجموعه">
          <div className="grid gap-1">
            <label htmlFor={`${id}-collection`}>مجموعه</label>
            <select id={`${id}-collection`} value={collection} onChange={(e) => choose(e.target.value)} className={field} data-testid="keep-collection">
              {data.collections.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
              <option value={NEW}>مجموعهٔ تازه…</option>
            </select>
          </div>
          {collection === NEW && (
            <div className="grid gap-1">
              <label htmlFor={`${id}-name`}>نام مجموعهٔ تازه</label>
              <input id={`${id}-name`} value={newName} onChange={(e) => setNewName(e.target.value)} className={field} required maxLength={200} />
            </div>
          )}
          <div className="grid gap-1">
            <label htmlFor={`${id}-note`}>یادداشت</label>
            <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} className={field} maxLength={20_000} />
          </div>
          <div className="grid gap-1">
            <label htmlFor={`${id}-tags`}>برچسب‌ها (جدا با ویرگول)</label>
            <input id={`${id}-tags`} value={tags} onChange={(e) => setTags(e.target.value)} className={field} />
          </div>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={`${button} bg-amber-100 dark:bg-amber-900/40`}>
              {keptHere ? 'ذخیرهٔ تغییرها' : 'ذخیره در مجموعه'}
            </button>
            {keptHere && (
              <button type="button" onClick={remove} className={button}>
                برداشتن از این مجموعه
              </button>
            )}
            <button type="button" onClick={() => setOpen(false)} className={button}>
              انصراف
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
