// A saved search is its API parameters (what defines the answer, not the page being read) and the total then.
import { API_REPEATABLE_PARAMETERS, API_SINGLE_PARAMETERS } from '@/lib/search/parameters';
import { formatJalaliKey, tehranJalaliOf } from '@/lib/jalali';
import { toPersianDigits } from '@/lib/digits';
import { faCount } from '@/lib/ui/dates';

/** Left out: the page read (a saved search re-runs from its first page) and the typing prefix (a submitted search is whole words). */
const NOT_SAVED = new Set(['page', 'prefix']);

/** The query string that defines a search, from a page URL's search part (`?q=…&page=3` → `q=…`). */
export function searchQueryOf(search: string | URLSearchParams): string {
  const from = typeof search === 'string' ? new URLSearchParams(search.replace(/^\?/, '')) : search;
  const out = new URLSearchParams();
  for (const name of [...API_SINGLE_PARAMETERS, ...API_REPEATABLE_PARAMETERS] as string[]) {
    if (NOT_SAVED.has(name)) continue;
    const values = from.getAll(name).filter((v) => v !== '');
    for (const v of API_REPEATABLE_PARAMETERS.includes(name as never) ? values : values.slice(0, 1)) out.append(name, v);
  }
  return out.toString();
}

/** The results page of a saved search. */
export const searchPageHref = (query: string) => (query ? `/?${query}` : '/');

/** The API request that counts it now (one result: only the total is read). */
export function totalRequest(query: string): string {
  const p = new URLSearchParams(query);
  p.set('size', '1');
  return `/api/search?${p.toString()}`;
}

/** «۱۴۰۲/۰۳/۱۰»: the Tehran day of an instant. */
export function jalaliDayOf(iso: string): string {
  return toPersianDigits(formatJalaliKey(tehranJalaliOf(new Date(iso))).replace(/-/g, '/'));
}

/** «+۳۷ از ۱۴۰۲/۰۳/۱۰», «−۵ از …», «بی‌تغییر از …»: the change in total since the search was saved. */
export function totalChange(now: number, then: number, savedAt: string): string {
  const since = `از ${jalaliDayOf(savedAt)}`;
  if (now === then) return `بی‌تغییر ${since}`;
  return `${now > then ? '+' : '−'}${faCount(Math.abs(now - then))} ${since}`;
}
