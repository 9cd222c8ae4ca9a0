'use client';

import Link from 'next/link';
import { useDeferredValue, useEffect, useState } from 'react';
import { toPersianDigits } from '@/lib/digits';
import { carriedFields, foldValue, toggleHref, type UrlState } from './href';
import { useNavigation } from './Navigation';

export interface FacetItem {
  value: string;
  count: number;
  checked: boolean;
  /** The spelling the URL has for a checked value, when it differs from `value` (unchecking removes that one). */
  urlValue?: string;
}

export interface FacetGroup {
  name: 'source' | 'tag';
  legend: string;
  items: FacetItem[];
  /** Selected URL values that the list does not show (kept when the form submits). */
  hiddenSelected: string[];
  /** How many values have matches: more than `items` shows unless the list is expanded. */
  total: number;
  /** Every value with matches is listed (`more=<name>`). */
  expanded: boolean;
  /** The page with this list expanded, or collapsed again. */
  toggleHref: string;
}

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
  const hidden = carriedFields(state, ['q', 'from', 'to', 'sort', 'match', 'size', 'undated', 'more']);
  for (const g of groups) for (const v of g.hiddenSelected) hidden.push([g.name, v]);

  return (
    <form action="/" method="get" aria-label="منبع و برچسب" className="space-y-5">
      {hidden.map(([name, v], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={v} />
      ))}
      {groups.map((g) => (
        <FacetFieldset key={g.name} group={g} onToggle={(item) => navigate(toggleHref(state, g.name, item.urlValue ?? item.value))} />
      ))}
      <noscript>
        <button type="submit" className="rounded-md bg-stone-800 px-3 py-1 text-sm text-white dark:bg-stone-200 dark:text-stone-900">
          اعمال فیلترها
        </button>
      </noscript>
    </form>
  );
}

function FacetFieldset({ group: g, onToggle }: { group: FacetGroup; onToggle: (item: FacetItem) => void }) {
  const [find, setFind] = useState('');
  const deferred = useDeferredValue(find);
  // The box only narrows what the browser already has: without JavaScript it would do nothing, so it is not shown.
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const findable = g.expanded && g.items.length > FIND_FROM;
  const needle = findable ? foldValue(deferred) : '';
  const matches = (item: FacetItem) => foldValue(item.value).includes(needle);
  const found = needle ? g.items.filter(matches) : g.items;
  // A checked value stays in view while one looks for another, so it can be unchecked.
  const shown = needle ? g.items.filter((item) => item.checked || matches(item)) : g.items;
  const listed = g.items.filter((item) => item.count > 0).length;
  const rest = g.total - listed;
  const noun = NOUN[g.name];

  return (
    <fieldset id={`${g.name}-facet`} data-testid={`${g.name}-facet`} className="scroll-mt-4">
      <legend className="mb-1.5 text-sm font-bold">{g.legend}</legend>
      {findable && scripted && (
        <div className="mb-1.5">
          <input
            type="search"
            value={find}
            onChange={(e) => setFind(e.target.value)}
            aria-label={`جستجو در ${fa(g.items.length)} ${noun}`}
            placeholder={`جستجو در ${noun}‌ها`}
            autoComplete="off"
            data-testid={`${g.name}-find`}
            className="w-full rounded-md border border-stone-300 bg-white px-2 py-1 text-sm text-stone-900 placeholder:text-stone-500 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100 dark:placeholder:text-stone-400"
          />
          <p className="sr-only" role="status">
            {needle && found.length > 0 ? `${fa(found.length)} ${noun}` : ''}
          </p>
          {needle && found.length === 0 && (
            <p className="mt-1 text-sm text-stone-600 dark:text-stone-400" data-testid={`${g.name}-find-none`}>
              {noun}ی با این نام نیست.
            </p>
          )}
        </div>
      )}
      {g.items.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">—</p>
      ) : shown.length === 0 ? null : (
        // A long list scrolls inside the sidebar; its rows use one class (globals.css), so thousands stay a small page.
        <ul className={g.expanded && g.items.length > FIND_FROM ? 'facet-list max-h-[28rem] overflow-y-auto' : 'facet-list'}>
          {shown.map((item) => (
            <li key={`${item.value}-${item.checked}`}>
              <label className="facet-option">
                <input type="checkbox" name={g.name} value={item.value} data-count={item.count} defaultChecked={item.checked} onChange={() => onToggle(item)} />
                <span className="facet-label">{item.value}</span>
                <span className="facet-count">
                  {fa(item.count)}
                  <span className="sr-only"> خبر</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {!g.expanded && rest > 0 && (
        <Link prefetch={false} href={g.toggleHref} scroll={false} className={`mt-1 inline-block ${linkClass}`} data-testid={`${g.name}-more`}>
          بیشتر: {fa(rest)} {noun} دیگر
        </Link>
      )}
      {g.expanded && g.items.length > FIND_FROM && (
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
