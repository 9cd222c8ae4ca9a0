// What the results do with the articles that have no date: a date filter
// leaves them out (or keeps them, on request), a date order puts them last.
// Each says so with its count, so no article leaves a total unannounced.
import Link from 'next/link';
import type { SearchParams } from '@/lib/search/params';
import type { SearchResponse } from '@/lib/types';
import { searchHref, type UrlState } from '../../lib/ui/href';
import { faCount } from '../../lib/ui/dates';
import { unitWords } from '../../lib/ui/count-unit';

const linkClass = 'text-amber-800 underline underline-offset-2 dark:text-amber-300';

export function UndatedNotes({ state, params, response }: { state: UrlState; params: SearchParams; response: SearchResponse }) {
  const undated = response.facets.undated;
  if (undated === 0) return null;
  const dateFilter = params.from !== null || params.to !== null;
  const kept = !dateFilter || params.undated === 'include';
  // With no query words the engine orders by date whatever `sort` says (SortLinks shows «تازه‌ترین»).
  const byDate = params.sort !== 'relevance' || response.query.groups.length === 0;
  const n = faCount(undated);
  // Under count=stories the facets count stories, and so does this note; when
  // no two results are copies of one story the two counts are the same.
  const unit = unitWords(params.count === 'stories' && response.stories < response.total ? 'stories' : 'articles');
  const notes: React.ReactNode[] = [];
  if (dateFilter && !kept) {
    notes.push(
      <p key="left-out" data-testid="undated-excluded">
        {n} {unit.one} بدون تاریخ کنار گذاشته شد.{' '}
        <Link prefetch={false} href={searchHref(state, { undated: 'include' })} className={linkClass} data-testid="undated-include">
          افزودن آن‌ها به نتایج
        </Link>
      </p>,
    );
  }
  if (dateFilter && kept) {
    notes.push(
      <p key="kept" data-testid="undated-included">
        {n} {unit.one} بدون تاریخ هم در نتایج است.{' '}
        <Link prefetch={false} href={searchHref(state, { undated: undefined })} className={linkClass} data-testid="undated-exclude">
          کنار گذاشتن آن‌ها
        </Link>
      </p>,
    );
  }
  if (kept && byDate && response.total > 0) {
    notes.push(
      <p key="order" data-testid="undated-sort">
        {n} {unit.one} بدون تاریخ پس از {unit.manyOf} تاریخ‌دار آمده است.
      </p>,
    );
  }
  return (
    <div className="space-y-1 text-sm text-stone-700 dark:text-stone-300" data-testid="undated-notes">
      {notes}
    </div>
  );
}
