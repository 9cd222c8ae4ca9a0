import Link from 'next/link';
import type { SearchFacets } from '@/lib/types';
import { toPersianDigits } from '@/lib/digits';
import { buildTimeline, type CountIn } from '../../lib/ui/timeline';
import { TimelineChart, type ChartBar } from './TimelineChart';
import { searchHref, type UrlState } from '../../lib/ui/href';
import { faCount, rangePersian } from '../../lib/ui/dates';

/**
 * The Jalali timeline: matching articles per year, or per month once the date
 * filter spans at most two years. Bars filter; a table says the same in text.
 */
export function Timeline({ facets, state, countIn }: { facets: SearchFacets; state: UrlState; countIn?: CountIn }) {
  const timeline = buildTimeline(facets, state.from, state.to, countIn);
  const bars: ChartBar[] = timeline.bars.map((b) => ({ ...b, href: searchHref(state, { from: b.from, to: b.to }) }));
  const filtered = Boolean(state.from || state.to);
  const range = rangePersian(state.from, state.to);
  const unit = timeline.mode === 'years' ? 'سال' : 'ماه';
  // Undated articles have no bar: their count stands beside the bars (it ignores the date filter, as the bars do).
  const undatedCount = (
    <span data-testid="timeline-undated">
      بدون تاریخ: <span className="font-medium tabular-nums text-stone-800 dark:text-stone-200">{faCount(facets.undated)}</span>
    </span>
  );

  return (
    <section aria-labelledby="timeline-heading" className="rounded-2xl border border-stone-200 bg-white px-4 pb-3 pt-3 shadow-sm dark:border-stone-800 dark:bg-stone-900">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="timeline-heading" className="text-sm font-bold">
          گاه‌شمار انتشار
          <span className="ms-2 font-normal text-stone-600 dark:text-stone-400">
            {timeline.mode === 'years' ? 'در هر سال' : 'در هر ماه'}
            {range && <> · {range}</>}
          </span>
        </h2>
        <p className="text-xs text-stone-600 dark:text-stone-400">
          {bars.length > 1 && (
            <span className="hidden sm:inline">
              روی ستون‌ها بکشید تا بازه‌ای برگزیده شود
              {filtered && ' · '}
            </span>
          )}
          {filtered && (
            <Link prefetch={false}
              href={searchHref(state, { from: undefined, to: undefined })}
              className="font-medium text-amber-800 underline-offset-2 hover:underline dark:text-amber-300"
              data-testid="clear-dates"
            >
              پاک کردن تاریخ
            </Link>
          )}
        </p>
      </div>
      {bars.length === 0 ? (
        <p className="py-4 text-sm text-stone-600 dark:text-stone-400">
          تاریخی در نتایج نیست.
          {facets.undated > 0 && <> {undatedCount}</>}
        </p>
      ) : (
        <>
          <div className="flex items-end gap-3">
            <div className="min-w-0 flex-1">
              <TimelineChart
                bars={bars}
                mode={timeline.mode}
                years={timeline.years}
                state={state}
                testId={timeline.mode === 'years' ? 'year-facet' : 'month-facet'}
              />
            </div>
            {facets.undated > 0 && (
              <p className="shrink-0 pb-5 text-xs text-stone-600 dark:text-stone-400" title="خبرهایی که تاریخ ندارند در ستون‌ها نیستند">
                {undatedCount}
              </p>
            )}
          </div>
          <table className="sr-only" data-testid="timeline-table">
            <caption>شمار خبرها در هر {unit}</caption>
            <thead>
              <tr>
                <th scope="col">{unit}</th>
                <th scope="col">شمار خبر</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.key}>
                  <th scope="row">{b.label}</th>
                  <td>{toPersianDigits(String(b.count))}</td>
                </tr>
              ))}

            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
