// /trends: several queries on one Jalali timeline, each period's share of the
// archive's articles (or the count), drawn on the server from the URL alone.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getEngine } from '@/lib/search/instance';
import { ParamError } from '@/lib/search/params';
import { paramMessageFa } from '@/lib/search/param-messages';
import { MIN_ARTICLES, parseTrendsRequest, shareOf, trends, trendsBySource, type SourceTrend, type TrendsRequest } from '@/lib/search/trends';
import type { TrendsResponse, ValueCount } from '@/lib/types';
import { toPersianDigits } from '@/lib/digits';
import { formatCount, formatShare, periodLabel } from '@/lib/ui/trend-chart';
import { pointSearchHref, readTrendState, trendSearchParams, trendsApiHref, trendsHref, type TrendChanges, type TrendState } from '@/lib/ui/trend-href';
import { searchHref } from '@/lib/ui/href';
import { unitWords, type UnitWords } from '@/lib/ui/count-unit';
import { FaText } from '../components/FaText';
import { TrendChart, TrendCharts } from './TrendChart';
import { TrendDetails } from './TrendDetails';
import { SeriesSwatch, TrendForm } from './TrendForm';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'روند در زمان · کاوش' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const fa = (n: number) => toPersianDigits(String(n));
const linkClass = 'text-amber-800 underline-offset-2 hover:underline dark:text-amber-300';
const INTERVAL_NAMES = { year: 'سال', month: 'ماه', week: 'هفته' } as const;
/** Sources drawn as small multiples in the split by source. */
const SOURCES_SPLIT = 6;

export default async function TrendsPage({ searchParams }: PageProps) {
  const state = readTrendState(await searchParams);
  const engine = await getEngine();

  let request: TrendsRequest | null = null;
  let trend: TrendsResponse | null = null;
  let bySource: SourceTrend[] = [];
  let error: ParamError | null = null;
  try {
    if (state.q.length > 0) {
      request = parseTrendsRequest(trendSearchParams(state));
      trend = trends(engine, request);
      if (request.view === 'source') bySource = trendsBySource(engine, request, trend, SOURCES_SPLIT);
    }
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    error = e;
  }
  // The form's source list: every source under the other filters (a source filter does not narrow its own list).
  let sources: ValueCount[] = [];
  let sourceCount = 0;
  try {
    const base = parseTrendsRequest(trendSearchParams({ ...state, q: ['*'] })).filters;
    const facets = engine.query({ ...base, q: '', more: ['source'] }, { facets: true }).facets!;
    sources = facets.sources.slice(0, 60);
    sourceCount = facets.sourceValues;
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
  }

  return (
    <main className="mx-auto max-w-6xl px-4 pb-12 pt-5 sm:px-6">
      <header className="mb-5 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <p className="text-2xl font-black tracking-tight">
          <Link prefetch={false} href={searchHref({ q: state.q[0], from: state.from, to: state.to, source: state.source, tag: state.tag, match: state.match })} className="rounded-sm">
            کاوش
          </Link>
        </p>
        <h1 className="text-lg font-bold">روند در زمان</h1>
        <p className="text-sm text-stone-600 dark:text-stone-400">چند جستجو بر یک خط زمان شمسی، با سهم هر دوره از کل مقاله‌های آرشیو</p>
      </header>
      <TrendForm state={state} sources={sources} sourceCount={sourceCount} />
      {error && (
        <div role="alert" className="mt-5 rounded-2xl bg-red-50 p-5 text-red-900 dark:bg-red-950 dark:text-red-100" data-testid="trend-error">
          <p className="font-bold">نشانی این روند نادرست است.</p>
          <p className="mt-1" data-testid="param-error-fa">
            <FaText text={paramMessageFa(error.param, error.message)} />
          </p>
          <p className="mt-1 text-xs opacity-80">
            <bdi dir="ltr">{error.message}</bdi>
          </p>
          <p className="mt-3">
            <Link prefetch={false} href={trendsHref(state, { [error.param]: error.param === 'q' ? state.q.slice(0, 8) : undefined } as TrendChanges)} className="underline">
              بدون این پارامتر
            </Link>
          </p>
        </div>
      )}
      {!error && !trend && (
        <p className="mt-5 text-stone-700 dark:text-stone-300" data-testid="trend-intro">
          یک یا چند جستجو بنویسید تا ببینید پوشش هر یک در گذر زمان چگونه بالا و پایین رفته است. سهم هر دوره، شمار مقاله‌های یافته‌شده بخش بر همهٔ مقاله‌های آن دوره
          (با همین فیلترها) است، تا فراوانی مقاله‌های آرشیو در برخی سال‌ها نمودار را کج نکند.
        </p>
      )}
      {request && trend && <TrendResult state={state} request={request} trend={trend} bySource={bySource} />}
    </main>
  );
}

function Switch<T extends string>({ label, options, current, href, testId }: { label: string; options: readonly (readonly [T, string])[]; current: T; href: (value: T) => string; testId: string }) {
  return (
    <nav aria-label={label} className="flex items-center gap-1 text-sm" data-testid={testId}>
      <span className="text-stone-600 dark:text-stone-400">{label}:</span>
      <span className="flex rounded-lg border border-stone-300 p-0.5 dark:border-stone-700">
        {options.map(([value, name]) => (
          <Link
            prefetch={false}
            key={value}
            href={href(value)}
            aria-current={current === value ? 'true' : undefined}
            data-value={value}
            className="rounded-md px-2.5 py-0.5 hover:bg-stone-100 aria-[current]:bg-stone-800 aria-[current]:text-white dark:hover:bg-stone-800 dark:aria-[current]:bg-stone-200 dark:aria-[current]:text-stone-900"
          >
            {name}
          </Link>
        ))}
      </span>
    </nav>
  );
}

function TrendResult({ state, request, trend, bySource }: { state: TrendState; request: TrendsRequest; trend: TrendsResponse; bySource: SourceTrend[] }) {
  const { measure, smooth, labels, view } = request;
  const unit = unitWords(trend.count);
  const chart = { periods: trend.periods, series: trend.series, interval: trend.interval, measure, smooth, labels, state, unit };
  const measureName = measure === 'share' ? `سهم از همهٔ ${unit.manyOf} هر دوره` : `شمار ${unit.many}`;
  const title = `${measureName}، به ${INTERVAL_NAMES[trend.interval]}: ${trend.series.map((s) => `«${s.q}»`).join('، ')}`;
  const empty = trend.periods.length === 0;
  return (
    <section aria-labelledby="trend-heading" className="mt-6 space-y-4">
      <h2 id="trend-heading" className="sr-only">
        روند
      </h2>
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
        <Switch label="دوره" testId="interval-switch" current={trend.interval} options={[['year', 'سال'], ['month', 'ماه'], ['week', 'هفته']] as const} href={(v) => trendsHref(state, { interval: v })} />
        <Switch label="سنجه" testId="measure-switch" current={measure} options={[['share', 'سهم'], ['count', 'شمار']] as const} href={(v) => trendsHref(state, { measure: v === 'share' ? undefined : v })} />
        <Switch label="هموارسازی" testId="smooth-switch" current={smooth === 3 ? '3' : '0'} options={[['0', 'خام'], ['3', 'میانگین ۳ دوره']] as const} href={(v) => trendsHref(state, { smooth: v === '0' ? undefined : v })} />
        <Switch label="تقویم" testId="labels-switch" current={labels} options={[['jalali', 'شمسی'], ['gregorian', 'میلادی']] as const} href={(v) => trendsHref(state, { labels: v === 'jalali' ? undefined : v })} />
        <Switch label="شمارش" testId="count-switch" current={trend.count} options={[['articles', 'مقاله'], ['stories', 'خبر (نسخه‌های یک خبر یک بار)']] as const} href={(v) => trendsHref(state, { count: v === 'articles' ? undefined : v })} />
        <Switch label="نما" testId="view-switch" current={view} options={[['time', 'همه با هم'], ['source', 'به تفکیک منبع']] as const} href={(v) => trendsHref(state, { view: v === 'time' ? undefined : v })} />
      </div>
      <Legend trend={trend} unit={unit} />
      {empty ? (
        <p className="rounded-xl border border-stone-200 p-4 dark:border-stone-800" data-testid="trend-empty">
          با این فیلترها هیچ {unit.oneOf} تاریخ‌داری نیست؛ خطی برای کشیدن نمانده است.
        </p>
      ) : view === 'source' ? (
        <BySource bySource={bySource} trend={trend} request={request} state={state} unit={unit} />
      ) : (
        <figure className="rounded-2xl border border-stone-200 bg-white p-3 pb-2 shadow-sm sm:p-4 dark:border-stone-800 dark:bg-stone-900">
          <TrendDetails measure={measure} smooth={smooth === 3} minArticles={MIN_ARTICLES} unit={unit}>
            <TrendCharts {...chart} title={title} />
          </TrendDetails>
          <figcaption className="mt-2 text-xs leading-relaxed text-stone-600 dark:text-stone-400">
            <ChartNotes measure={measure} smooth={smooth} unit={unit} stories={trend.count === 'stories'} />
          </figcaption>
        </figure>
      )}
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <span className="text-stone-600 dark:text-stone-400">دانلود داده‌ها (خام، یک سطر برای هر دوره و جستجو):</span>
        <a href={trendsApiHref(state, 'csv')} download className={linkClass} data-testid="trend-csv">
          <bdi dir="ltr">CSV</bdi> (اکسل)
        </a>
        <a href={trendsApiHref(state, 'json')} download className={linkClass} data-testid="trend-json">
          <bdi dir="ltr">JSON</bdi>
        </a>
      </p>
      {!empty && <TrendTable trend={trend} request={request} state={state} unit={unit} />}
    </section>
  );
}

function ChartNotes({ measure, smooth, unit, stories }: { measure: TrendsRequest['measure']; smooth: 0 | 3; unit: UnitWords; stories: boolean }) {
  return (
    <>
      زمان از راست به چپ پیش می‌رود. {measure === 'share' ? `سهم: ${unit.manyOf} یافته‌شده بخش بر همهٔ ${unit.manyOf} آن دوره با همین فیلترها. ` : ''}
      نوار خاکستری: دوره‌ای که آرشیو هیچ مقاله‌ای در آن ندارد (گسست، نه صفر).{' '}
      {measure === 'share' && `نشانهٔ توخالی و خط‌چین: سهمی که بر کمتر از ${fa(MIN_ARTICLES)} ${unit.one} استوار است و نامطمئن است. `}
      {smooth === 3 && 'خط‌ها میانگین سه دورهٔ پیاپی‌اند؛ جدول و دانلود، شمار خام را دارند. '}
      {unit.manyOf} بدون تاریخ (در راهنما) در هیچ دوره‌ای شمرده نمی‌شوند. هر نقطه پیوندی است به جستجوی همان دوره.
      {stories && ' هر خبر (همهٔ نسخه‌های بازنشرشدهٔ آن) در هر دوره یک بار شمرده می‌شود؛ خبری که نسخه‌هایش در چند دوره آمده‌اند، در هر یک از آن دوره‌ها.'}
    </>
  );
}

function Legend({ trend, unit }: { trend: TrendsResponse; unit: UnitWords }) {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1.5 text-sm" data-testid="trend-legend" aria-label="راهنمای نمودار">
      {trend.series.map((s, k) => (
        <li key={k} className="flex items-center gap-2" data-testid="legend-item">
          <SeriesSwatch index={k} />
          <span>
            <bdi className="font-semibold">{s.q}</bdi>{' '}
            <span className="text-stone-600 dark:text-stone-400">
              {formatCount(s.matched)} {unit.one}
              {s.undated > 0 && <span data-testid="legend-undated">، {formatCount(s.undated)} بدون تاریخ</span>}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

function BySource({ bySource, trend, request, state, unit }: { bySource: SourceTrend[]; trend: TrendsResponse; request: TrendsRequest; state: TrendState; unit: UnitWords }) {
  if (bySource.length === 0) return <p data-testid="by-source-empty">هیچ منبعی مقاله‌ای با این جستجوها ندارد.</p>;
  const { measure, smooth, labels } = request;
  return (
    <div className="space-y-4" data-testid="by-source">
      <p className="text-sm text-stone-600 dark:text-stone-400">
        {fa(bySource.length)} منبعی که بیشترین {unit.one} را با این جستجوها دارند، هر یک با محور زمانی یکسان؛ {measure === 'share' ? `سهم هر دوره از ${unit.manyOf} همان منبع در آن دوره است.` : `شمار ${unit.manyOf} همان منبع.`}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-max text-sm" data-testid="by-source-table">
          <caption className="mb-1 text-start font-bold">در کل بازه، به تفکیک منبع</caption>
          <thead>
            <tr className="border-b border-stone-300 dark:border-stone-700">
              <th scope="col" className="py-1 pe-3 text-start">منبع</th>
              <th scope="col" className="px-2 py-1 text-start">{unit.manyOf} منبع</th>
              {trend.series.map((s, k) => (
                <th key={k} scope="col" className="px-2 py-1 text-start">
                  <bdi>{s.q}</bdi>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {bySource.map(({ source, trend: t }) => {
              const total = t.periods.reduce((sum, p) => sum + p.total, 0);
              return (
                <tr key={source} className="border-b border-stone-100 dark:border-stone-800">
                  <th scope="row" className="py-1 pe-3 text-start font-semibold">
                    <bdi>{source}</bdi>
                  </th>
                  <td className="px-2 py-1">{formatCount(total)}</td>
                  {t.series.map((s, k) => {
                    const count = s.counts.reduce((a, b) => a + b, 0);
                    const share = shareOf(count, total);
                    return (
                      <td key={k} className="px-2 py-1">
                        {formatCount(count)}
                        {share !== null && <span className="text-stone-600 dark:text-stone-400"> ({formatShare(share, 2)})</span>}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ul className="grid gap-4 lg:grid-cols-2">
        {bySource.map(({ source, trend: t }) => (
          <li key={source} className="rounded-2xl border border-stone-200 bg-white p-3 shadow-sm dark:border-stone-800 dark:bg-stone-900" data-testid="source-chart" data-source={source}>
            <h3 className="mb-1 font-bold">
              <bdi>{source}</bdi>
            </h3>
            <TrendDetails measure={measure} smooth={smooth === 3} minArticles={MIN_ARTICLES} unit={unit}>
              <TrendChart
                unit={unit}
                size="small"
                periods={t.periods}
                series={t.series}
                interval={t.interval}
                measure={measure}
                smooth={smooth}
                labels={labels}
                state={state}
                source={source}
                compact
                title={`${source}: ${t.series.map((s) => `«${s.q}»`).join('، ')}`}
                testId={`source-chart-${bySource.findIndex((b) => b.source === source)}`}
              />
            </TrendDetails>
          </li>
        ))}
      </ul>
    </div>
  );
}

function TrendTable({ trend, request, state, unit }: { trend: TrendsResponse; request: TrendsRequest; state: TrendState; unit: UnitWords }) {
  return (
    <details className="rounded-2xl border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900" data-testid="trend-table-details">
      <summary className="cursor-pointer font-bold">جدول داده‌ها (شمار خام و سهم هر دوره)</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full min-w-max text-sm tabular-nums" data-testid="trend-table">
          <caption className="sr-only">شمار و سهم هر جستجو در هر دوره، با همهٔ {unit.manyOf} دوره</caption>
          <thead>
            <tr className="border-b border-stone-300 dark:border-stone-700">
              <th scope="col" rowSpan={2} className="py-1 pe-3 text-start align-bottom">
                دوره
              </th>
              <th scope="col" rowSpan={2} className="px-2 py-1 text-start align-bottom">
                همهٔ {unit.many}
              </th>
              {trend.series.map((s, k) => (
                <th key={k} scope="colgroup" colSpan={2} className="px-2 pt-1 text-start">
                  <bdi>{s.q}</bdi>
                </th>
              ))}
            </tr>
            <tr className="border-b border-stone-300 text-xs text-stone-600 dark:border-stone-700 dark:text-stone-400">
              {trend.series.map((_, k) => [
                <th key={`c${k}`} scope="col" className="px-2 pb-1 text-start font-normal">
                  شمار
                </th>,
                <th key={`s${k}`} scope="col" className="px-2 pb-1 text-start font-normal">
                  سهم
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {trend.periods.map((p, i) => (
              <tr key={p.key} className="border-b border-stone-100 dark:border-stone-800" data-testid="trend-row" data-period={p.key}>
                <th scope="row" className="py-1 pe-3 text-start font-normal">
                  {periodLabel(p, trend.interval, request.labels)}
                </th>
                <td className="px-2 py-1">{p.total === 0 ? <span title="گسست: دوره‌ای بی‌مقاله">—</span> : formatCount(p.total)}</td>
                {trend.series.map((s, k) => {
                  const share = shareOf(s.counts[i], p.total);
                  return [
                    <td key={`c${k}`} className="px-2 py-1">
                      {s.counts[i] > 0 ? (
                        <a href={pointSearchHref(state, s.q, p)} className={linkClass}>
                          {formatCount(s.counts[i])}
                        </a>
                      ) : (
                        formatCount(s.counts[i])
                      )}
                    </td>,
                    <td key={`s${k}`} className="px-2 py-1">
                      {share === null ? '—' : formatShare(share, 2)}
                      {share !== null && p.total < MIN_ARTICLES && <span className="text-stone-600 dark:text-stone-400"> (نامطمئن)</span>}
                    </td>,
                  ];
                })}
              </tr>
            ))}
            <tr className="text-stone-600 dark:text-stone-400" data-testid="trend-undated-row">
              <th scope="row" className="py-1 pe-3 text-start font-normal">
                بدون تاریخ
              </th>
              <td className="px-2 py-1">—</td>
              {trend.series.map((s, k) => (
                <td key={k} colSpan={2} className="px-2 py-1">
                  {formatCount(s.undated)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </details>
  );
}
