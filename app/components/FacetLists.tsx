'use client';

import { toPersianDigits } from '@/lib/digits';
import type { UrlState } from './href';
import { useNavigation } from './Navigation';

export interface FacetItem {
  value: string;
  count: number;
  checked: boolean;
  /** The search with this value toggled. */
  href: string;
}

export interface FacetGroup {
  name: 'source' | 'tag';
  legend: string;
  items: FacetItem[];
  /** Selected URL values that the list does not show (kept when the form submits). */
  hiddenSelected: string[];
}

/**
 * Source and tag checkboxes with counts: OR within a list, AND across lists.
 * With JavaScript a change applies at once; without, the «اعمال» button submits.
 */
export function FacetLists({ groups, state }: { groups: FacetGroup[]; state: UrlState }) {
  const { navigate } = useNavigation();
  const hidden: [string, string][] = [];
  for (const key of ['q', 'from', 'to', 'sort', 'match', 'size'] as const) {
    const v = state[key];
    if (v) hidden.push([key, v]);
  }
  for (const g of groups) for (const v of g.hiddenSelected) hidden.push([g.name, v]);

  return (
    <form action="/" method="get" aria-label="منبع و برچسب" className="space-y-5">
      {hidden.map(([name, v], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={v} />
      ))}
      {groups.map((g) => (
        <fieldset key={g.name} data-testid={`${g.name}-facet`}>
          <legend className="mb-1.5 text-sm font-bold">{g.legend}</legend>
          {g.items.length === 0 ? (
            <p className="text-sm text-stone-600 dark:text-stone-400">—</p>
          ) : (
            <ul className="space-y-0.5">
              {g.items.map((item) => (
                <li key={`${item.value}-${item.checked}`}>
                  <label className="flex cursor-pointer items-center gap-2 rounded-md px-1.5 py-1 text-sm hover:bg-stone-100 has-[:checked]:bg-amber-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-amber-600 dark:hover:bg-stone-800 dark:has-[:checked]:bg-amber-950/60">
                    <input
                      type="checkbox"
                      name={g.name}
                      value={item.value}
                      data-count={item.count}
                      defaultChecked={item.checked}
                      onChange={() => navigate(item.href)}
                      className="size-4 accent-amber-700 focus-visible:outline-none"
                    />
                    <span className="flex-1 truncate">{item.value}</span>
                    <span className="text-xs tabular-nums text-stone-600 dark:text-stone-400">
                      {toPersianDigits(String(item.count))}
                      <span className="sr-only"> خبر</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      ))}
      <noscript>
        <button type="submit" className="rounded-md bg-stone-800 px-3 py-1 text-sm text-white dark:bg-stone-200 dark:text-stone-900">
          اعمال فیلترها
        </button>
      </noscript>
    </form>
  );
}
