// /concordance?<search>&sort=&width=&form=&page=: every hit of the search's
// words in context, the hit in the centre column (lib/search/present/concordance.ts).
// Server-rendered; its controls are a plain GET form, so it works without JavaScript.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getEngine } from '@/lib/search/instance';
import { ParamError } from '@/lib/search/params';
import { QueryTooCostlyError } from '@/lib/search/engine';
import { paramMessageFa } from '@/lib/search/param-messages';
import { concordance } from '@/lib/search/present/concordance';
import {
  CONCORDANCE_SEARCH_PARAMETERS,
  CONCORDANCE_SORTS,
  DEFAULT_LINES,
  MAX_WIDTH,
  concordanceHref,
  parseConcordanceParams,
  type ConcordanceParams,
} from '@/lib/search/present/concordance-params';
import { readUrlState, searchHref, type UrlState } from '@/lib/ui/href';
import { toPersianDigits } from '@/lib/digits';
import { faCount } from '@/lib/ui/dates';
import type { ConcordanceResponse, ConcordanceSort } from '@/lib/types';
import { FaText } from '../components/FaText';
import { parseCollocatesParams, parseTermsParams } from '@/lib/search/collect/terms-params';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'بافت واژه · کاوش' };

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_LABELS: Record<ConcordanceSort, string> = {
  left1: 'واژهٔ پیش از آن',
  left2: 'دومین واژهٔ پیش',
  left3: 'سومین واژهٔ پیش',
  right1: 'واژهٔ پس از آن',
  right2: 'دومین واژهٔ پس',
  right3: 'سومین واژهٔ پس',
  date: 'تاریخ',
  source: 'منبع',
};

const linkClass = 'text-amber-800 underline-offset-2 hover:underline dark:text-amber-300';
const fa = (n: number) => toPersianDigits(String(n));

type View = 'lines' | 'terms' | 'collocates';

export default async function ConcordancePage({ searchParams }: PageProps) {
  const raw = await searchParams;
  const viewName = (Array.isArray(raw.view) ? raw.view[0] : raw.view) ?? '';
  const chosen: View = viewName === 'terms' || viewName === 'collocates' ? viewName : 'lines';
  if (chosen !== 'lines') return <StatsView raw={raw} view={chosen} />;
  let params: ConcordanceParams;
  let answer: ConcordanceResponse;
  try {
    params = parseConcordanceParams(raw, { page: true });
    answer = concordance(await getEngine(), params);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    const state = readUrlState(raw);
    return (
      <Shell state={state}>
        <div role="alert" className="rounded-2xl bg-red-50 p-5 text-red-900 dark:bg-red-950 dark:text-red-100">
          <p className="font-bold">
            {e instanceof QueryTooCostlyError ? 'این جستجو کاری بیش از اندازه از کارگزار می‌خواهد.' : 'نشانی بافت واژه نادرست است.'}
          </p>
          <p className="mt-1" data-testid="param-error-fa">
            <FaText text={paramMessageFa(e.param, e.message)} />
          </p>
          <p className="mt-1 text-xs opacity-80">
            <bdi dir="ltr">{e.message}</bdi>
          </p>
        </div>
      </Shell>
    );
  }
  const { state } = params;
  const view = { sort: params.sort, width: params.width, size: params.size, form: params.form };
  const lastPage = Math.max(1, Math.ceil(answer.total / answer.size));
  const exportHref = (format: 'csv' | 'jsonl') => {
    // The API's default is group=none: the export names the grouping the page shows.
    const href = concordanceHref({ ...state, group: params.search.group }, view, '/api/concordance/export');
    return `${href}${href.includes('?') ? '&' : '?'}format=${format}`;
  };

  return (
    <Shell state={state}>
      <section aria-labelledby="kwic-heading" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="kwic-heading" className="text-lg font-bold">
            بافت واژهٔ «<bdi>{params.search.q}</bdi>»
          </h2>
          <p className="text-sm text-stone-700 dark:text-stone-300" data-testid="kwic-total">
            {faCount(answer.total)} بار در {faCount(answer.articles)} خبر
            {answer.group === 'story' && answer.otherCopies > 0 && (
              <span data-testid="kwic-copies">
                {' '}
                (از هر خبرِ بازنشرشده یک نسخه؛ {faCount(answer.otherCopies)} نسخهٔ دیگر خوانده نشد)
              </span>
            )}
            {params.form && (
              <>
                {' '}
                (تنها «<bdi>{params.form}</bdi>»)
              </>
            )}
          </p>
        </div>
        <Tabs state={state} view="lines" />
        <form method="get" action="/concordance" className="flex flex-wrap items-end gap-3 rounded-2xl border border-stone-200 bg-white p-3 text-sm dark:border-stone-800 dark:bg-stone-900" data-testid="kwic-controls">
          {CONCORDANCE_SEARCH_PARAMETERS.filter((name) => name !== 'group').flatMap((name) => {
            const value = state[name];
            return (Array.isArray(value) ? value : value ? [value] : []).map((v, i) => <input key={`${name}${i}`} type="hidden" name={name} value={v} />);
          })}
          {params.size !== DEFAULT_LINES && <input type="hidden" name="size" value={params.size} />}
          <label className="flex flex-col gap-1">
            <span>ترتیب</span>
            <select name="sort" defaultValue={params.sort} className="rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-950" data-testid="kwic-sort">
              {CONCORDANCE_SORTS.map((s) => (
                <option key={s} value={s}>
                  {SORT_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span>واژه در هر سو</span>
            <input
              type="number"
              name="width"
              min={1}
              max={MAX_WIDTH}
              defaultValue={params.width}
              className="w-20 rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-950"
              data-testid="kwic-width"
            />
          </label>
          <label className="flex flex-col gap-1">
            <span>نسخه‌های یک خبر</span>
            <select name="group" defaultValue={answer.group} className="rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-950" data-testid="kwic-group">
              <option value="story">یک نسخه از هر خبر</option>
              <option value="none">همهٔ نسخه‌ها</option>
            </select>
          </label>
          {answer.forms.length > 1 && (
            <label className="flex flex-col gap-1">
              <span>شکل واژه</span>
              <select name="form" defaultValue={params.form ?? ''} className="rounded-md border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-950" data-testid="kwic-form">
                <option value="">همهٔ شکل‌ها</option>
                {answer.forms.map((f) => (
                  <option key={f.form} value={f.form}>
                    {f.form} ({fa(f.hits)})
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className="rounded-md bg-stone-800 px-3 py-1.5 font-medium text-white hover:bg-stone-700 dark:bg-stone-200 dark:text-stone-900">
            نمایش
          </button>
          <span className="ms-auto flex gap-3">
            <a href={exportHref('csv')} download className={linkClass} data-testid="kwic-export-csv">
              دانلود همه <bdi dir="ltr">CSV</bdi>
            </a>
            <a href={exportHref('jsonl')} download className={linkClass} data-testid="kwic-export-jsonl">
              <bdi dir="ltr">JSON Lines</bdi>
            </a>
          </span>
        </form>
        {answer.lines.length === 0 ? (
          <p className="rounded-2xl bg-stone-100 p-4 dark:bg-stone-900" data-testid="kwic-empty">
            {answer.total === 0 ? 'واژه‌های جستجو در متن هیچ خبری نیامده‌اند.' : 'این صفحه خالی است.'}
          </p>
        ) : (
          <div className="overflow-hidden rounded-2xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
            <table className="w-full table-fixed border-collapse text-sm sm:text-base" data-testid="kwic">
              <caption className="sr-only">
                هر سطر یک بار آمدن واژه: واژه‌های پیش از آن، خود واژه، واژه‌های پس از آن، و تاریخ و منبع خبر
              </caption>
              <colgroup>
                <col />
                <col className="w-20 sm:w-36" />
                <col />
                <col className="w-16 sm:w-32" />
              </colgroup>
              <thead className="sr-only">
                <tr>
                  <th scope="col">پیش از واژه</th>
                  <th scope="col">واژه</th>
                  <th scope="col">پس از واژه</th>
                  <th scope="col">تاریخ و منبع</th>
                </tr>
              </thead>
              <tbody>
                {answer.lines.map((line, i) => (
                  <tr key={i} className="border-t border-stone-100 first:border-t-0 dark:border-stone-800" data-testid="kwic-line">
                    {/* The words before the hit stand to its right; when they overflow, the far end is cut, the hit's side stays. */}
                    <td dir="ltr" className="overflow-hidden whitespace-nowrap py-1.5 ps-2 text-left" data-testid="kwic-left">
                      <bdi dir="rtl">{line.left}</bdi>
                    </td>
                    <td className="overflow-hidden text-ellipsis whitespace-nowrap px-1.5 text-center font-bold">
                      <Link prefetch={false} href={line.href} className="text-amber-900 hover:underline dark:text-amber-200" data-testid="kwic-hit">
                        <bdi>{line.hit}</bdi>
                      </Link>
                    </td>
                    <td className="overflow-hidden whitespace-nowrap py-1.5 pe-2 text-right" data-testid="kwic-right">
                      <bdi dir="rtl">{line.right}</bdi>
                    </td>
                    <td className="overflow-hidden text-ellipsis whitespace-nowrap border-s border-stone-100 px-2 text-xs text-stone-600 dark:border-stone-800 dark:text-stone-400">
                      <Link prefetch={false} href={line.href} className="hover:underline" data-testid="kwic-date">
                        {line.jalaliDate ? toPersianDigits(line.jalaliDate.replaceAll('-', '/')) : 'بی‌تاریخ'}
                      </Link>
                      {line.source && (
                        <span className="block overflow-hidden text-ellipsis" data-testid="kwic-source">
                          <bdi>{line.source}</bdi>
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {lastPage > 1 && (
          <nav aria-label="صفحه‌ها" className="flex items-center justify-between gap-3 text-sm" data-testid="kwic-pages">
            {params.page > 1 ? (
              <Link prefetch={false} href={concordanceHref(state, { ...view, page: params.page - 1 })} rel="prev" className={linkClass}>
                → صفحهٔ قبل
              </Link>
            ) : (
              <span />
            )}
            <span>
              صفحهٔ {fa(params.page)} از {fa(lastPage)}
            </span>
            {params.page < lastPage ? (
              <Link prefetch={false} href={concordanceHref(state, { ...view, page: params.page + 1 })} rel="next" className={linkClass}>
                صفحهٔ بعد ←
              </Link>
            ) : (
              <span />
            )}
          </nav>
        )}
      </section>
    </Shell>
  );
}

function Shell({ state, children }: { state: UrlState; children: React.ReactNode }) {
  return (
    <main className="mx-auto max-w-6xl px-4 pb-12 pt-5 sm:px-6">
      <header className="mb-5 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-black tracking-tight">
          <Link prefetch={false} href="/" className="rounded-sm">
            کاوش
          </Link>
        </h1>
        <Link prefetch={false} href={searchHref(state)} className={`text-sm font-medium ${linkClass}`} data-testid="back-to-results">
          → بازگشت به نتایج
        </Link>
      </header>
      {children}
    </main>
  );
}

const tabHref = (state: UrlState, view: View) => {
  const href = concordanceHref(state);
  return view === 'lines' ? href : `${href}${href.includes('?') ? '&' : '?'}view=${view}`;
};

function Tabs({ state, view }: { state: UrlState; view: View }) {
  const tabs: [View, string][] = [
    ['lines', 'سطرها'],
    ['terms', 'واژه‌های شاخص'],
    ['collocates', 'هم‌آیندها'],
  ];
  return (
    <nav aria-label="نماها" className="flex gap-1 border-b border-stone-200 text-sm dark:border-stone-800" data-testid="kwic-tabs">
      {tabs.map(([v, label]) => (
        <Link
          key={v}
          prefetch={false}
          href={tabHref(state, v)}
          aria-current={v === view ? 'page' : undefined}
          className="-mb-px rounded-t-md border border-transparent px-3 py-1.5 hover:bg-stone-100 aria-[current]:border-stone-200 aria-[current]:border-b-white aria-[current]:bg-white aria-[current]:font-bold dark:hover:bg-stone-800 dark:aria-[current]:border-stone-800 dark:aria-[current]:border-b-stone-950 dark:aria-[current]:bg-stone-950"
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}

/** The search with `term` added to its query (a word with a space or a quote in it goes in quotes). */
function withTerm(state: UrlState, term: string): string {
  return searchHref(state, { q: `${state.q ?? ''} ${/[\s"]/.test(term) ? `"${term.replace(/"/g, '')}"` : term}`.trim() });
}

const fa2 = (x: number) => x.toLocaleString('fa-IR', { maximumFractionDigits: 1 });

async function StatsView({ raw, view }: { raw: Record<string, string | string[] | undefined>; view: 'terms' | 'collocates' }) {
  let state: UrlState = readUrlState(raw);
  let body: React.ReactNode;
  try {
    const engine = await getEngine();
    if (view === 'terms') {
      const p = parseTermsParams(raw, { page: true });
      state = p.state;
      const answer = engine.terms(p.search, p.background, p.size);
      const bgHref = (bg: 'range' | 'all') => `${tabHref(state, 'terms')}${bg === 'all' ? '&background=all' : ''}`;
      body = (
        <>
          <p className="text-sm text-stone-700 dark:text-stone-300" data-testid="terms-note">
            واژه‌هایی که در {faCount(answer.results)} خبرِ این جستجو بیش از {faCount(answer.rest)} خبرِ دیگرِ{' '}
            {p.background === 'all' ? 'همهٔ آرشیو' : 'همین بازه و فیلترها'} آمده‌اند، به ترتیب درست‌نمایی (G²)؛ شمارش در همهٔ خبرها، بی‌نمونه‌گیری{p.search.group === 'story' ? '، هر خبرِ بازنشرشده یک بار' : ''}. زمینه:{' '}
            <Link prefetch={false} href={bgHref('range')} aria-current={p.background === 'range' ? 'true' : undefined} className={`${linkClass} aria-[current]:font-bold`}>
              همین فیلترها
            </Link>
            {' · '}
            <Link prefetch={false} href={bgHref('all')} aria-current={p.background === 'all' ? 'true' : undefined} className={`${linkClass} aria-[current]:font-bold`}>
              همهٔ آرشیو
            </Link>
          </p>
          <StatsTable
            testId="terms"
            caption="واژه‌های شاخص: با کلیک بر هر واژه، به جستجو افزوده می‌شود"
            heads={['واژه', 'شکل‌ها', 'خبرِ نتایج', 'خبرِ زمینه', 'G²', 'لگ نسبت']}
            rows={answer.terms.map((t) => ({
              key: t.term,
              href: withTerm(state, t.term),
              term: t.term,
              cells: [t.forms.join('، '), faCount(t.inResults), faCount(t.inBackground), fa2(t.score), fa2(t.logRatio)],
            }))}
          />
        </>
      );
    } else {
      const p = parseCollocatesParams(raw, { page: true });
      state = p.state;
      const answer = engine.collocates(p.search, p.window, p.size);
      body = (
        <>
          <p className="text-sm text-stone-700 dark:text-stone-300" data-testid="collocates-note">
            واژه‌هایی که تا {fa2(p.window)} واژه پیش یا پس از {faCount(answer.hits)} بار آمدنِ واژه‌های جستجو آمده‌اند، به ترتیب logDice؛ شمارش در همهٔ خبرها{p.search.group === 'story' ? '، از هر خبرِ بازنشرشده یک نسخه' : ''}.
          </p>
          <StatsTable
            testId="collocates"
            caption="هم‌آیندها: با کلیک بر هر واژه، به جستجو افزوده می‌شود"
            heads={['واژه', 'شکل‌ها', 'با هم', 'logDice']}
            rows={answer.collocates.map((c) => ({
              key: c.term,
              href: withTerm(state, c.term),
              term: c.term,
              cells: [c.forms.join('، '), faCount(c.count), fa2(c.logDice)],
            }))}
          />
        </>
      );
    }
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    body = (
      <div role="alert" className="rounded-2xl bg-red-50 p-5 text-red-900 dark:bg-red-950 dark:text-red-100">
        <p data-testid="param-error-fa">
          <FaText text={paramMessageFa(e.param, e.message)} />
        </p>
      </div>
    );
  }
  return (
    <Shell state={state}>
      <section aria-labelledby="kwic-heading" className="space-y-4">
        <h2 id="kwic-heading" className="text-lg font-bold">
          {view === 'terms' ? 'واژه‌های شاخصِ' : 'هم‌آیندهای'} «<bdi>{state.q ?? ''}</bdi>»
        </h2>
        <Tabs state={state} view={view} />
        {body}
      </section>
    </Shell>
  );
}

function StatsTable({ testId, caption, heads, rows }: { testId: string; caption: string; heads: string[]; rows: { key: string; href: string; term: string; cells: string[] }[] }) {
  if (rows.length === 0) return <p className="rounded-2xl bg-stone-100 p-4 dark:bg-stone-900">واژه‌ای پیدا نشد.</p>;
  return (
    <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <table className="w-full border-collapse text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-stone-600 dark:text-stone-400">
            {heads.map((h, i) => (
              <th key={h} scope="col" className={`px-3 py-2 font-medium ${i === 1 ? 'max-sm:hidden text-start' : i === 0 ? 'text-start' : 'text-end'}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-stone-100 dark:border-stone-800" data-testid={`${testId}-row`}>
              <th scope="row" className="px-3 py-1.5 text-start font-bold">
                <Link prefetch={false} href={r.href} className={linkClass} data-testid={`${testId}-term`}>
                  {r.term}
                </Link>
              </th>
              {r.cells.map((c, i) => (
                <td key={i} className={`px-3 py-1.5 ${i === 0 ? 'max-sm:hidden text-stone-600 dark:text-stone-400' : 'text-end tabular-nums'}`}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
