'use client';

import Link from 'next/link';
import { useEffect, useOptimistic, useRef, useState } from 'react';
import { toPersianDigits } from '@/lib/digits';
import { carriedFields, searchHref, toggleHref, type UrlState } from '../../lib/ui/href';
import { useNavigation } from './Navigation';
import type { FacetGroup, FacetItem } from '../../lib/ui/facet-groups';

export type { FacetGroup, FacetItem };

/** Lists this long get a box that narrows them as one types. */
export const FIND_FROM = 20;

const NOUN = { source: 'منبع', tag: 'برچسب' } as const;
const fa = (n: number) => toPersianDigits(String(n));
const linkClass = 'text-sm text-amber-800 underline-offset-2 hover:underline dark:text-amber-300';

/**
 * Source and tag checkboxes with counts: OR within a list, AND across lists.
 * With JavaScript a change applies at once; without, the «اعمال» button submits.
 * The top values show first; «بیشتر» is a link to the page that lists them all.
 */
export function FacetLists({ groups, state }: { groups: FacetGroup[]; state: UrlState }) {
  const { navigate } = useNavigation();
  const hidden = carriedFields(state, ['source', 'tag']);
  for (const g of groups) {
    for (const v of g.hiddenSelected) hidden.push([g.name, v]);
    // A list without its own box keeps the text the full list was narrowed to.
    const find = state[FIND_KEY[g.name]];
    if (!findable(g) && find) hidden.push([FIND_KEY[g.name], find]);
  }

  return (
    <form action="/" method="get" aria-label="منبع و برچسب" className="space-y-5">
      {hidden.map(([name, v], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={v} />
      ))}
      {groups.map((g) => (
        <FacetFieldset
          key={g.name}
          group={g}
          state={state}
          onToggle={(item, optimistic) =>
            navigate(toggleHref(state, g.name, item.urlValue ?? item.value), {
              optimistic,
              focus: () => facetControl(g.name, item.value, g.items.indexOf(item)),
            })
          }
        />
      ))}
      <noscript>
        <button type="submit" className="rounded-md bg-stone-800 px-3 py-1 text-sm text-white dark:bg-stone-200 dark:text-stone-900">
          اعمال فیلترها
        </button>
      </noscript>
    </form>
  );
}

const FIND_KEY = { source: 'sourceq', tag: 'tagq' } as const;

/**
 * The checkbox for `value` in the list `name` on the page as it is now (the
 * value may have moved in the list). When the list no longer shows it (an
 * unchecked value beyond the top ones leaves the short list), the checkbox now
 * at its place, the one Tab would have reached next, so focus stays where the
 * reader was.
 */
function facetControl(name: FacetGroup['name'], value: string, at: number): HTMLElement | null {
  const list = document.getElementById(`${name}-facet`);
  if (!list) return null;
  const boxes = [...list.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${name}"]`)];
  return boxes.find((box) => box.value === value) ?? boxes[Math.min(at, boxes.length - 1)] ?? list.querySelector<HTMLElement>('input, a[href]');
}
const findable = (g: FacetGroup) => g.expanded && g.total > FIND_FROM;

type OnToggle = (item: FacetItem, optimistic: () => void) => void;

function FacetFieldset({ group: g, state, onToggle }: { group: FacetGroup; state: UrlState; onToggle: OnToggle }) {
  const { navigate } = useNavigation();
  const [text, setText] = useState(g.find);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const key = FIND_KEY[g.name];
  // The server narrows the list (every value, not only the rows sent): the box works the same without JavaScript, where Enter submits it.
  const apply = (value: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    navigate(searchHref(state, { [key]: value.trim() || undefined, page: state.page }), { replace: true });
  };
  const listed = g.items.filter((item) => item.count > 0).length;
  const rest = g.total - listed;
  const noun = NOUN[g.name];
  const shownMatches = g.items.filter((item) => !item.checked).length;
  const cut = g.expanded && g.matching > shownMatches;

  return (
    <fieldset id={`${g.name}-facet`} data-testid={`${g.name}-facet`} className="scroll-mt-4">
      <legend className="mb-1.5 text-sm font-bold">{g.legend}</legend>
      {findable(g) && (
        <div className="mb-1.5">
          <input
            type="search"
            name={key}
            value={text}
            onChange={(e) => {
              const value = e.target.value;
              setText(value);
              if (timer.current) clearTimeout(timer.current);
              timer.current = setTimeout(() => apply(value), 300);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              apply(text);
            }}
            aria-label={`جستجو در ${fa(g.total)} ${noun}`}
            placeholder={`جستجو در ${noun}‌ها`}
            autoComplete="off"
            data-testid={`${g.name}-find`}
            className="w-full rounded-md border border-stone-300 bg-white px-2 py-1 text-sm text-stone-900 placeholder:text-stone-500 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:placeholder:text-stone-400"
          />
          {g.find && g.matching === 0 && (
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400" data-testid={`${g.name}-find-none`}>
              {noun}ی با این نام نیست.
            </p>
          )}
        </div>
      )}
      {g.items.length === 0 ? (
        !g.find && <p className="text-sm text-stone-600 dark:text-stone-400">—</p>
      ) : (
        // A long list scrolls inside the sidebar; its rows use one class (globals.css), so they stay a small page.
        <ul className={g.expanded && g.items.length > FIND_FROM ? 'facet-list max-h-[28rem] overflow-y-auto' : 'facet-list'}>
          {g.items.map((item) => (
            // Keyed by value alone: the row (and its focused checkbox) survives the navigation its toggle starts.
            <li key={item.value}>
              <FacetOption name={g.name} item={item} onToggle={onToggle} />
            </li>
          ))}
        </ul>
      )}
      {cut && (
        <p className="mt-1 text-xs text-stone-600 dark:text-stone-400" data-testid={`${g.name}-cut`}>
          {fa(shownMatches)} از {fa(g.matching)} {noun}؛ برای دیدن بقیه، نام را در جعبهٔ بالا بنویسید.
        </p>
      )}
      {!g.expanded && rest > 0 && (
        <Link prefetch={false} href={g.toggleHref} scroll={false} className={`mt-1 inline-block ${linkClass}`} data-testid={`${g.name}-more`}>
          بیشتر: {fa(rest)} {noun} دیگر
        </Link>
      )}
      {findable(g) && (
        <p className="mt-1 flex justify-between gap-2 text-xs text-stone-600 dark:text-stone-400">
          <span data-testid={`${g.name}-all`}>
            همهٔ {fa(g.total)} {noun}
          </span>
          <Link prefetch={false} href={g.toggleHref} scroll={false} className={linkClass} data-testid={`${g.name}-less`}>
            کمتر
          </Link>
        </p>
      )}
    </fieldset>
  );
}

/**
 * One checkbox, controlled by the URL's state: it shows the reader's toggle at
 * once (optimistically) until the page with the new URL lands, then what that
 * page says, also after Back or Forward.
 */
function FacetOption({ name, item, onToggle }: { name: FacetGroup['name']; item: FacetItem; onToggle: OnToggle }) {
  const [checked, setChecked] = useOptimistic(item.checked);
  return (
    <label className="facet-option">
      <input
        type="checkbox"
        name={name}
        value={item.value}
        data-count={item.count}
        checked={checked}
        onChange={(e) => {
          const next = e.target.checked;
          onToggle(item, () => setChecked(next));
        }}
      />
      <span className="facet-label">{item.value}</span>
      <span className="facet-count">
        {fa(item.count)}
        <span className="sr-only"> خبر</span>
      </span>
    </label>
  );
}
