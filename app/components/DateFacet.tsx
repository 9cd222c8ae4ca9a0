import Link from 'next/link';
import type { SearchFacets } from '@/lib/types';
import { JALALI_MONTHS } from '@/lib/jalali';
import { toPersianDigits } from '@/lib/digits';
import type { SearchParams } from '@/lib/search/params';
import { searchHref, type UrlState } from './href';

const pad = (n: number) => String(n).padStart(2, '0');

/** Years with counts; once one year is chosen, its months. Each entry is a link that filters. */
export function DateFacet({ facets, params, state }: { facets: SearchFacets; params: SearchParams; state: UrlState }) {
  const { from, to } = params;
  const selectedYear = from && to && from.year === to.year ? from.year : null;
  const selectedMonth = selectedYear !== null && from?.month && from.month === to?.month ? from.month : null;
  const months = selectedYear === null ? [] : facets.jalaliMonths.filter((m) => m.year === selectedYear);
  const filtered = Boolean(state.from || state.to);

  return (
    <nav aria-label="تاریخ انتشار" className="space-y-3 text-sm">
      <div className="flex items-center justify-between">
        <h2 className="font-bold">سال</h2>
        {filtered && (
          <Link href={searchHref(state, { from: undefined, to: undefined })} className="text-amber-700 hover:underline dark:text-amber-400">
            همهٔ سال‌ها
          </Link>
        )}
      </div>
      {facets.jalaliYears.length === 0 && <p className="text-stone-500">تاریخی در نتایج نیست.</p>}
      <ul className="space-y-1" data-testid="year-facet">
        {facets.jalaliYears.map(({ year, count }) => (
          <li key={year}>
            <Link
              href={searchHref(state, { from: String(year), to: String(year) })}
              aria-current={selectedYear === year && selectedMonth === null ? 'true' : undefined}
              className="flex justify-between rounded px-2 py-1 hover:bg-amber-100 aria-[current]:bg-amber-200 dark:hover:bg-stone-800 dark:aria-[current]:bg-amber-900"
            >
              <span>{toPersianDigits(String(year))}</span>
              <span className="text-stone-500">{toPersianDigits(String(count))}</span>
            </Link>
          </li>
        ))}
      </ul>
      {selectedYear !== null && (
        <>
          <h2 className="font-bold">ماه‌های {toPersianDigits(String(selectedYear))}</h2>
          <ul className="space-y-1" data-testid="month-facet">
            {months.map(({ year, month, count }) => (
              <li key={month}>
                <Link
                  href={searchHref(state, { from: `${year}-${pad(month)}`, to: `${year}-${pad(month)}` })}
                  aria-current={selectedMonth === month ? 'true' : undefined}
                  className="flex justify-between rounded px-2 py-1 hover:bg-amber-100 aria-[current]:bg-amber-200 dark:hover:bg-stone-800 dark:aria-[current]:bg-amber-900"
                >
                  <span>{JALALI_MONTHS[month - 1]}</span>
                  <span className="text-stone-500">{toPersianDigits(String(count))}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}
