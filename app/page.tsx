import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getEngine } from '@/lib/search/instance';
import { ParamError, parseSearchParams, type SearchParams } from '@/lib/search/params';
import { QueryTooCostlyError, type SearchEngine } from '@/lib/search/engine';
import type { SearchResponse } from '@/lib/types';
import { SearchBox } from './components/SearchBox';
import { Timeline } from './components/Timeline';
import { DateFilter } from './components/DateFilter';
import { FacetLists } from './components/FacetLists';
import { facetGroups } from '../lib/ui/facet-groups';
import { relaxations } from '../lib/ui/relaxations';
import { UndatedNotes } from './components/UndatedNotes';
import { ResultItem } from './components/ResultItem';
import { KeyboardNav } from './components/KeyboardNav';
import { NavigationProvider, PendingRegion } from './components/Navigation';
import {
  ActiveFilters,
  DidYouMean,
  DownloadMenu,
  MatchedForms,
  MatchToggle,
  NoResults,
  Pagination,
  ParsedQuery,
  SearchHelp,
  SortLinks,
  Stats,
  type Relaxation,
} from './components/SearchParts';
import { readUrlState, searchHref, withPageDefaults, type UrlState } from '../lib/ui/href';
import { StorySwitches } from './components/Stories';
import { trendsFromSearchHref } from '../lib/ui/trend-href';
import { calendarField, calendarOf, composeRange, dateFieldsOf, hasDateFields, partsOf, type Calendar, type DateParts } from '../lib/ui/jalali-input';
import { FaText } from './components/FaText';
import { ERROR_MESSAGES_FA, paramMessageFa } from '@/lib/search/param-messages';
import { SchedulerBusyError } from '@/lib/search/scheduler';
import { serveSearch } from '@/lib/search/serve-search';
import { concordanceHref } from '@/lib/search/present/concordance-params';
import { readDateBound } from '@/lib/jalali';
import { toPersianDigits } from '@/lib/digits';
import { collectionsIndexId } from '@/lib/collections/index-identity';
import { KeepNeedsScript, KeepScope } from './components/KeepScope';
import { SaveSearchButton } from './components/SaveSearchButton';

export const dynamic = 'force-dynamic';

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: PageProps) {
  const raw = await searchParams;
  const state = readUrlState(raw);

  // The date boxes submitted without JavaScript: turn them into from/to, or say why not.
  let dateInitial: { from: DateParts; to: DateParts } = { from: partsOf(state.from), to: partsOf(state.to) };
  let dateError: { message: string; field: 'from' | 'to' } | null = null;
  let dateCalendar: Calendar = calendarOf(state.from, state.to);
  if (hasDateFields(raw)) {
    const fields = dateFieldsOf(raw);
    dateCalendar = calendarField(raw);
    const range = composeRange(fields.from, fields.to, dateCalendar);
    if (range.ok) redirect(searchHref(state, { from: range.from ?? undefined, to: range.to ?? undefined }));
    dateError = { message: range.message, field: range.field };
    dateInitial = fields;
    delete state.from;
    delete state.to;
  }

  let params: SearchParams;
  let engine: SearchEngine;
  let response: SearchResponse;
  try {
    params = parseSearchParams(withPageDefaults(state));
    engine = await getEngine();
    response = (await serveSearch(engine, params)).answer;
  } catch (e) {
    if (e instanceof SchedulerBusyError) {
      return (
        <Shell state={state}>
          <div role="alert" className="rounded-2xl bg-amber-50 p-5 text-amber-950 dark:bg-amber-950 dark:text-amber-100" data-testid="busy">
            <p className="font-bold">{ERROR_MESSAGES_FA.busy}</p>
            <p className="mt-3">
              <Link prefetch={false} href={searchHref(state, {})} className="underline">
                دوباره بکوشید
              </Link>
            </p>
          </div>
        </Shell>
      );
    }
    if (!(e instanceof ParamError)) throw e;
    return (
      <Shell state={state}>
        <div role="alert" className="rounded-2xl bg-red-50 p-5 text-red-900 dark:bg-red-950 dark:text-red-100">
          <p className="font-bold">
            {e instanceof QueryTooCostlyError
              ? 'این جستجو کاری بیش از اندازه از کارگزار می‌خواهد: واژه‌ها یا عبارت‌های پرکاربرد کمتری به کار ببرید.'
              : 'نشانی جستجو نادرست است.'}
          </p>
          <p className="mt-1" data-testid="param-error-fa">
            <FaText text={paramMessageFa(e.param, e.message)} />
          </p>
          <p className="mt-1 text-xs opacity-80">
            <bdi dir="ltr">{e.message}</bdi>
          </p>
          <p className="mt-3 flex gap-4">
            <Link prefetch={false} href={searchHref(state, { [e.param]: undefined })} className="underline">
              بدون این پارامتر
            </Link>
            <Link prefetch={false} href="/" className="underline">
              شروع دوباره
            </Link>
          </p>
        </div>
      </Shell>
    );
  }

  // Grouped, the pages are over stories.
  const lastPage = Math.max(1, Math.ceil((params.group === 'story' ? response.stories : response.total) / response.size));
  const groups = facetGroups(response, params, state);
  const filterCount = (state.from || state.to ? 1 : 0) + (state.source?.length ?? 0) + (state.tag?.length ?? 0);

  return (
    <Shell state={state}>
      <div className="grid gap-6 md:grid-cols-[15rem_minmax(0,1fr)] lg:grid-cols-[16rem_minmax(0,1fr)]">
        <aside aria-labelledby="filters-heading" className="md:sticky md:top-4 md:self-start">
          <details open={params.more.length > 0 || undefined} className="facet-drawer rounded-2xl border border-stone-200 bg-white shadow-sm md:border-0 md:bg-transparent md:shadow-none dark:border-stone-800 dark:bg-stone-900 md:dark:bg-transparent" data-testid="facet-drawer">
            <summary className="flex cursor-pointer items-center justify-between px-4 py-3 font-bold">
              <span>
                فیلترها
                {filterCount > 0 && (
                  <span className="ms-2 rounded-full bg-amber-700 px-2 py-0.5 text-xs text-white dark:bg-amber-500 dark:text-stone-950">
                    {toPersianDigits(String(filterCount))}
                  </span>
                )}
              </span>
              <span aria-hidden className="drawer-chevron text-stone-500">▾</span>
            </summary>
            <div className="space-y-6 px-4 pb-4 md:px-0">
              <h2 id="filters-heading" className="sr-only md:not-sr-only md:text-base md:font-bold">
                فیلترها
              </h2>
              <DateFilter key={`${state.from ?? ''}|${state.to ?? ''}|${dateError?.message ?? ''}`} state={state} initial={dateInitial} initialCalendar={dateCalendar} initialError={dateError} />
              {/* Not keyed by the checked values: a toggle keeps the same form, so the checkbox the reader used keeps the focus. Expanding or collapsing a list starts its find box afresh. */}
              <FacetLists key={JSON.stringify(state.more ?? [])} groups={groups} state={state} />
            </div>
          </details>
        </aside>
        <PendingRegion label="نتایج" className="min-w-0 space-y-4">
          <h2 className="sr-only" id="results">
            نتایج
          </h2>
          <Timeline
            facets={response.facets}
            state={state}
            countIn={(from, to) => engine.count({ ...params, from: readDateBound(from, 'from', 'start'), to: readDateBound(to, 'to', 'end'), undated: 'exclude' })}
          />
          <ActiveFilters state={state} />
          <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
            <Stats total={response.total} stories={response.stories} tookMs={response.tookMs} typing={params.prefix === 'last'} />
            <div className="flex flex-wrap items-center gap-3">
              <SortLinks state={state} />
              {state.q?.trim() && (
                <Link prefetch={false} href={trendsFromSearchHref(state)} className="rounded-md border border-stone-300 px-2.5 py-0.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800" data-testid="trends-link">
                  روند در زمان
                </Link>
              )}
              {response.total > 0 && state.q?.trim() && (
                <Link prefetch={false} href={concordanceHref(state)} className="rounded-md border border-stone-300 px-2.5 py-0.5 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800" data-testid="concordance-link">
                  بافت واژه
                </Link>
              )}
              {response.total > 0 && <DownloadMenu state={state} total={response.total} stories={response.stories} />}
              <SaveSearchButton total={response.total} builtAt={engine.builtAt} query={state.q ?? ''} />
            </div>
          </div>
          {response.stories < response.total && <StorySwitches state={state} group={params.group} count={params.count} />}
          <KeepNeedsScript />
          <UndatedNotes state={state} params={params} response={response} />
          <DidYouMean suggestions={response.suggestions} state={state} />
          <ParsedQuery view={response.query} />
          <MatchedForms view={response.query} state={state} />
          {response.total === 0 ? (
            <NoResults unmatched={response.unmatched} relaxations={relaxations((changes) => engine.count({ ...params, ...changes }), params, state)} state={state} />
          ) : (
            <ol className="space-y-4" data-testid="results">
              {response.results.map((r) => (
                <ResultItem key={r.id} result={r} state={state} copies={r.story ? engine.storyCopies(r.id) : null} />
              ))}
            </ol>
          )}
          <Pagination state={state} page={params.page} lastPage={lastPage} />
        </PendingRegion>
      </div>
    </Shell>
  );
}

function Shell({ state, children }: { state: UrlState; children: React.ReactNode }) {
  return (
    <NavigationProvider>
      <KeepScope indexId={collectionsIndexId()}>
      <a href="#results" className="sr-only focus:not-sr-only focus:absolute focus:start-4 focus:top-2 focus:z-20 focus:rounded focus:bg-white focus:px-3 focus:py-1 dark:focus:bg-stone-900">
        پرش به نتایج
      </a>
      <KeyboardNav />
      <main className="mx-auto max-w-6xl px-4 pb-12 pt-5 sm:px-6">
        <header className="mb-6 space-y-3">
          <div className="flex items-baseline gap-3">
            <h1 className="text-2xl font-black tracking-tight">
              <Link prefetch={false} href="/" className="rounded-sm">
                کاوش
              </Link>
            </h1>
            <p className="text-sm text-stone-600 dark:text-stone-400">جستجو در آرشیو خبر</p>
            <Link prefetch={false} href="/collections" className="ms-auto text-sm text-amber-800 underline-offset-2 hover:underline dark:text-amber-300">
              مجموعه‌ها
            </Link>
          </div>
          <SearchBox state={state} />
          <div className="flex flex-wrap items-start gap-x-5 gap-y-2">
            <MatchToggle state={state} />
            <SearchHelp />
          </div>
        </header>
        {children}
      </main>
      </KeepScope>
    </NavigationProvider>
  );
}
