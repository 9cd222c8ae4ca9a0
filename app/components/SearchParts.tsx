// The server-rendered pieces of the search page around the results list.
import Link from 'next/link';
import type { QuerySuggestion, QueryView as QueryViewData } from '@/lib/types';
import { toPersianDigits } from '@/lib/digits';
import { clearFiltersHref, hasFilters, searchHref, toSearchParams, toggleHref, type UrlState } from '../../lib/ui/href';
import { faCount, faMillis, rangePersian } from '../../lib/ui/dates';
import { FaText } from './FaText';
import { describeQuery, type QueryPart } from '../../lib/ui/query-view';
import type { Relaxation } from '../../lib/ui/relaxations';
import { ClosingDetails } from './ClosingDetails';
import { storiesLine } from './Stories';

const linkClass = 'text-amber-800 underline-offset-2 hover:underline dark:text-amber-300';

// ------------------------------------------------------------ chips

/** Selected filters as removable chips, and «پاک کردن همه». */
export function ActiveFilters({ state }: { state: UrlState }) {
  if (!hasFilters(state)) return null;
  const chips: { key: string; kind: string; label: string; href: string }[] = [];
  const range = rangePersian(state.from, state.to);
  if (range) chips.push({ key: 'date', kind: 'تاریخ', label: range, href: searchHref(state, { from: undefined, to: undefined }) });
  for (const s of state.source ?? []) chips.push({ key: `s-${s}`, kind: 'منبع', label: s, href: toggleHref(state, 'source', s) });
  for (const t of state.tag ?? []) chips.push({ key: `t-${t}`, kind: 'برچسب', label: t, href: toggleHref(state, 'tag', t) });
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="chips">
      <h2 className="sr-only">فیلترهای برگزیده</h2>
      <ul className="flex flex-wrap gap-2">
        {chips.map((c) => (
          <li key={c.key}>
            <Link prefetch={false}
              href={c.href}
              aria-label={`برداشتن فیلتر ${c.kind}: ${c.label}`}
              data-testid="chip"
              className="inline-flex items-center gap-1.5 rounded-full border border-amber-300 bg-amber-50 py-0.5 ps-3 pe-2 text-sm text-stone-800 hover:border-amber-500 hover:bg-amber-100 dark:border-amber-800 dark:bg-amber-950/50 dark:text-stone-100 dark:hover:bg-amber-900/60"
            >
              <span className="text-stone-600 dark:text-stone-400">{c.kind}:</span>
              <span>{c.label}</span>
              <span aria-hidden className="text-base leading-none">×</span>
            </Link>
          </li>
        ))}
      </ul>
      {chips.length > 0 && (
        <Link prefetch={false} href={clearFiltersHref(state)} className={`text-sm ${linkClass}`} data-testid="clear-all">
          پاک کردن همه
        </Link>
      )}
    </div>
  );
}

// ------------------------------------------------------------ toolbar

const SORTS = [
  ['relevance', 'مرتبط‌ترین'],
  ['newest', 'تازه‌ترین'],
  ['oldest', 'قدیمی‌ترین'],
] as const;

/** Relevance, newest, oldest as links (no JavaScript needed). With no query, relevance means newest. */
export function SortLinks({ state }: { state: UrlState }) {
  const hasQuery = Boolean(state.q?.trim());
  const current = state.sort === 'newest' || state.sort === 'oldest' ? state.sort : hasQuery ? 'relevance' : 'newest';
  const options = SORTS.filter(([value]) => hasQuery || value !== 'relevance');
  return (
    <nav aria-label="ترتیب نتایج" className="flex items-center gap-1 text-sm" data-testid="sort">
      <span className="text-stone-600 dark:text-stone-400">ترتیب:</span>
      {options.map(([value, label]) => (
        <Link prefetch={false}
          key={value}
          href={searchHref(state, { sort: value === 'relevance' ? undefined : value })}
          aria-current={current === value ? 'true' : undefined}
          className="rounded-md px-2 py-0.5 hover:bg-stone-100 aria-[current]:bg-stone-800 aria-[current]:text-white dark:hover:bg-stone-800 dark:aria-[current]:bg-stone-200 dark:aria-[current]:text-stone-900"
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}

/** «دانلود نتایج»: every match of this search as CSV or JSON Lines. */
export function DownloadMenu({ state, total, stories = total }: { state: UrlState; total: number; stories?: number }) {
  // An export is a submitted search: whole words, never the typing prefix; one row per article unless asked per story.
  const params = toSearchParams({ ...state, page: undefined, size: undefined, prefix: undefined, group: undefined, count: undefined });
  const href = (format: 'csv' | 'jsonl', meta = false, perStory = false) => {
    const p = new URLSearchParams(params);
    p.set('format', format);
    if (meta) p.set('meta', '1');
    if (perStory) p.set('group', 'story');
    return `/api/export?${p.toString()}`;
  };
  return (
    <ClosingDetails className="group text-sm sm:relative" testId="download">
      <summary className="cursor-pointer list-none rounded-md border border-stone-300 px-2.5 py-0.5 hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800 [&::-webkit-details-marker]:hidden">
        دانلود نتایج <span aria-hidden>▾</span>
      </summary>
      {/* Below sm the panel spans the page's width, under its button: anchored to the button
          it ran off the screen on a phone. Absolute with no positioned ancestor (the details is
          positioned from sm only), not fixed: a fixed panel's unset top is where the button would
          be on the unscrolled page, so on a scrolled page it opened far from the button. */}
      <div data-testid="download-panel" className="z-10 mt-1 rounded-xl max-sm:absolute max-sm:inset-x-3 sm:absolute sm:end-0 sm:w-64 border border-stone-200 bg-white p-3 shadow-lg dark:border-stone-700 dark:bg-stone-900">
        <p className="mb-2 text-stone-600 dark:text-stone-400">همهٔ {faCount(total)} نتیجهٔ این جستجو:</p>
        <ul className="space-y-1">
          <li>
            <a href={href('csv')} download className={linkClass} data-testid="export-csv">
              <bdi dir="ltr">CSV</bdi> (اکسل)
            </a>
          </li>
          <li>
            <a href={href('csv', true)} download className={linkClass} data-testid="export-csv-meta">
              <bdi dir="ltr">CSV</bdi> با سطر نخستِ # (جستجو، تاریخ خروجی و ساخت نمایه)
            </a>
          </li>
          <li>
            <a href={href('jsonl')} download className={linkClass} data-testid="export-jsonl">
              <bdi dir="ltr">JSON Lines</bdi> (رکورد نخست: جستجو و تاریخ‌ها)
            </a>
          </li>
        </ul>
        {stories < total && (
          <>
            <p className="mb-2 mt-3 text-stone-600 dark:text-stone-400">یک سطر برای هر خبر ({faCount(stories)} خبر، نسخه‌ای که بهتر آمده):</p>
            <ul className="space-y-1">
              <li>
                <a href={href('csv', false, true)} download className={linkClass} data-testid="export-csv-stories">
                  <bdi dir="ltr">CSV</bdi>
                </a>
              </li>
              <li>
                <a href={href('jsonl', false, true)} download className={linkClass} data-testid="export-jsonl-stories">
                  <bdi dir="ltr">JSON Lines</bdi>
                </a>
              </li>
            </ul>
          </>
        )}
      </div>
    </ClosingDetails>
  );
}

/**
 * «N نتیجه در X میلی‌ثانیه». While the box is typed in (`prefix=last`) the
 * count is of the live results and says so: it is not the whole-word answer.
 */
export function Stats({ total, stories = total, tookMs, typing = false }: { total: number; stories?: number; tookMs: number; typing?: boolean }) {
  const both = storiesLine(total, stories);
  return (
    <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="total" data-typing={typing || undefined} data-stories={stories} role="status">
      {both ? <>{both} ({faMillis(tookMs)} میلی‌ثانیه)</> : <>{faCount(total)} نتیجه در {faMillis(tookMs)} میلی‌ثانیه</>}
      {typing && <span data-testid="typing-note"> (در حال تایپ: واژهٔ آخر به‌عنوان آغاز واژه)</span>}
    </p>
  );
}

/**
 * How each query word was matched: «جنگ: جنگ ۶۹۳ · جنگها ۱۲۰ …», each form
 * with its articles in the archive, and a link that leaves one form out of
 * the search (`-"form"` added to the query).
 */
export function MatchedForms({ view, state }: { view: QueryViewData; state: UrlState }) {
  const words = view.words.filter((w) => w.forms.length > 1 || w.more > 0 || w.forms.some((f) => f.kind !== 'word'));
  if (words.length === 0) return null;
  const q = state.q?.trim() ?? '';
  return (
    <details className="text-sm" data-testid="matched-forms">
      <summary className="cursor-pointer text-stone-700 hover:text-stone-900 dark:text-stone-300 dark:hover:text-white">
        شکل‌هایی که شمرده شد
      </summary>
      <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">
        شمار هر شکل: مقاله‌های کل آرشیو که آن را دارند (پیش از فیلترها). «کنار گذاشتن» مقاله‌های دارای آن شکل را از جستجو بیرون می‌گذارد.
      </p>
      <ul className="mt-1 space-y-1">
        {words.map((w) => (
          <li key={`${w.prefix ? '*' : ''}${w.text}`} data-testid="word-forms" data-word={w.text}>
            <span className="font-semibold">{w.text}{w.prefix && '…'}:</span>{' '}
            {w.forms.map((f, i) => (
              <span key={f.form} data-testid="form" data-form={f.form} data-kind={f.kind}>
                {i > 0 && ' · '}
                {f.form} <span className="text-stone-600 dark:text-stone-400">{faCount(f.articles)}</span>
                {f.kind !== 'word' && f.kind !== 'apart' && (
                  <>
                    {' '}
                    <Link prefetch={false} href={searchHref(state, { q: `${q} -"${f.form}"` })} className={`text-xs ${linkClass}`} aria-label={`کنار گذاشتن شکل «${f.form}»`} data-testid="leave-out">
                      (کنار گذاشتن)
                    </Link>
                  </>
                )}
              </span>
            ))}
            {w.more > 0 && <span className="text-stone-600 dark:text-stone-400"> · و {faCount(w.more)} شکل دیگر</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

// ------------------------------------------------------------ query

/** «آیا منظورتان … بود؟»: one link per suggestion, with its count; the query is never changed by itself. */
export function DidYouMean({ suggestions, state }: { suggestions: QuerySuggestion[]; state: UrlState }) {
  if (suggestions.length === 0) return null;
  return (
    <div className="rounded-xl border border-amber-300 bg-amber-50 px-4 py-2 text-sm dark:border-amber-800 dark:bg-amber-950/50" data-testid="did-you-mean">
      {suggestions.map((s) => (
        <p key={s.kind + s.text}>
          {s.kind === 'layout' ? (
            'با صفحه‌کلید لاتین تایپ شد؟ '
          ) : (
            <>
              «<bdi>{s.text}</bdi>»{' '}
            </>
          )}
          آیا منظورتان{' '}
          <Link prefetch={false} href={searchHref(state, { q: s.q })} className={`font-semibold ${linkClass}`} data-testid="suggestion">
            «{s.suggestion}»
          </Link>{' '}
          بود؟ <span className="text-stone-600 dark:text-stone-400">({faCount(s.articles)} مقاله در آرشیو)</span>
        </p>
      ))}
    </div>
  );
}

function Part({ part }: { part: QueryPart }) {
  if (part.kind === 'op') return <span className="text-stone-600 dark:text-stone-400">{part.text}</span>;
  return (
    <span className="rounded bg-stone-100 px-1.5 py-0.5 dark:bg-stone-800">
      {part.title && <span className="text-stone-600 dark:text-stone-400">عنوان: </span>}
      {part.phrase ? `«${part.text}»` : part.text}
      {part.prefix && <span aria-hidden>…</span>}
    </span>
  );
}

/** Parts in one line of text: a space between parts, none inside parentheses. */
function Parts({ parts }: { parts: QueryPart[] }) {
  return (
    <>
      {parts.map((p, i) => {
        const prev = parts[i - 1];
        const space = i > 0 && !(prev?.kind === 'op' && prev.text === '(') && !(p.kind === 'op' && (p.text === ')' || p.text === '،'));
        return (
          <span key={i}>
            {space && ' '}
            <Part part={p} />
          </span>
        );
      })}
    </>
  );
}

/** The parsed query, when operators were used: what the engine understood. */
export function ParsedQuery({ view }: { view: QueryViewData }) {
  if (!view.hasOperators && view.notices.length === 0) return null;
  const { parts, excluded, ignored } = describeQuery(view);
  const sep: QueryPart = { kind: 'op', text: '،' };
  return (
    <p className="text-sm leading-loose" data-testid="parsed-query">
      {/* Only notices (a lone «""»): no «جستجو برای:» followed by nothing. */}
      {parts.length > 0 && (
        <>
          <span className="text-stone-600 dark:text-stone-400">جستجو برای:</span> <Parts parts={parts} />
        </>
      )}
      {excluded.length > 0 && (
        <>
          {' '}
          <span className="text-stone-600 dark:text-stone-400">بدون</span>{' '}
          <Parts parts={excluded.flatMap((p, i) => (i > 0 ? [sep, p] : [p]))} />
        </>
      )}
      {ignored.length > 0 && (
        <span className="text-stone-600 dark:text-stone-400"> (نادیده: {ignored.join('، ')})</span>
      )}
      {view.notices.map((n) => (
        <span key={n.code + n.text} className="block text-amber-900 dark:text-amber-200" data-testid="query-notice">
          <FaText text={n.message} />
        </span>
      ))}
    </p>
  );
}

/** «راهنمای جستجو»: the query language in five lines. */
export function SearchHelp() {
  const rows: [string, string][] = [
    ['"کتابخانه ملی"', 'عبارت دقیق، واژه‌ها کنار هم (یا: «کتابخانه ملی»)'],
    ['کتابخانه -تبریز', 'خبرهای دارای «تبریز» کنار گذاشته می‌شوند'],
    ['زلزله OR زمین‌لرزه', 'هر یک از دو واژه (یا: «زلزله یا زمین‌لرزه»)'],
    ['title:کتابخانه', 'فقط در عنوان (یا: «عنوان:کتابخانه»)'],
    ['کتاب', 'واژهٔ کامل، با شکل‌ها و صرف‌هایش: کتاب‌ها و کتابی هم، کتابخانه نه'],
    ['کتاب*', 'هر واژه‌ای که با «کتاب» آغاز شود: کتابخانه هم (دست‌کم دو حرف)'],
    ['"کتاب‌ها"', 'یک واژه در گیومه: فقط همین شکل'],
  ];
  return (
    <details className="text-sm" data-testid="search-help">
      <summary className="cursor-pointer text-stone-700 hover:text-stone-900 dark:text-stone-300 dark:hover:text-white">
        راهنمای جستجو
      </summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-xl border border-stone-200 bg-white p-3 dark:border-stone-800 dark:bg-stone-900">
        {rows.map(([example, meaning]) => (
          <div key={example} className="contents">
            <dt>
              <code className="rounded bg-stone-100 px-1.5 py-0.5 font-sans dark:bg-stone-800">{example}</code>
            </dt>
            <dd className="text-stone-700 dark:text-stone-300">{meaning}</dd>
          </div>
        ))}
        <div className="contents">
          <dt>
            <kbd className="rounded border border-stone-300 px-1.5 font-sans dark:border-stone-600">/</kbd>{' '}
            <kbd className="rounded border border-stone-300 px-1.5 font-sans dark:border-stone-600">↓</kbd>{' '}
            <kbd className="rounded border border-stone-300 px-1.5 font-sans dark:border-stone-600">Esc</kbd>
          </dt>
          <dd className="text-stone-700 dark:text-stone-300">رفتن به جعبهٔ جستجو، رفتن میان نتایج، پاک کردن جستجو</dd>
        </div>
      </dl>
    </details>
  );
}

/** «همهٔ کلمات» / «هر یک از کلمات» (match=all / any). */
export function MatchToggle({ state }: { state: UrlState }) {
  const current = state.match === 'any' ? 'any' : 'all';
  const options = [
    ['all', 'همهٔ کلمات'],
    ['any', 'هر یک از کلمات'],
  ] as const;
  return (
    <nav aria-label="تطبیق کلمات" className="flex rounded-lg border border-stone-300 p-0.5 text-sm dark:border-stone-700" data-testid="match">
      {options.map(([value, label]) => (
        <Link prefetch={false}
          key={value}
          href={searchHref(state, { match: value === 'all' ? undefined : value })}
          aria-current={current === value ? 'true' : undefined}
          className="rounded-md px-2.5 py-0.5 hover:bg-stone-100 aria-[current]:bg-stone-800 aria-[current]:text-white dark:hover:bg-stone-800 dark:aria-[current]:bg-stone-200 dark:aria-[current]:text-stone-900"
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}

// ------------------------------------------------------------ no results

export type { Relaxation };

export function NoResults({ unmatched, relaxations, state }: { unmatched: string[]; relaxations: Relaxation[]; state: UrlState }) {
  return (
    <div className="space-y-3 rounded-2xl border border-dashed border-stone-300 p-5 dark:border-stone-700" data-testid="no-results">
      <p className="font-bold">نتیجه‌ای پیدا نشد.</p>
      {unmatched.length > 0 && (
        <p data-testid="unmatched">
          این {unmatched.length > 1 ? 'واژه‌ها' : 'واژه'} در هیچ خبری {unmatched.length > 1 ? 'نیامده‌اند' : 'نیامده است'}:{' '}
          {unmatched.map((w, i) => (
            <span key={w}>
              {i > 0 && '، '}
              <strong className="font-semibold">«{w}»</strong>
            </span>
          ))}
        </p>
      )}
      {relaxations.length > 0 && (
        <div>
          <p className="mb-1">می‌توانید فیلتری را بردارید:</p>
          <ul className="list-inside list-disc space-y-1" data-testid="relaxations">
            {relaxations.map((r) => (
              <li key={r.href}>
                <Link prefetch={false} href={r.href} className={linkClass}>
                  {r.label}
                </Link>{' '}
                <span className="text-sm text-stone-600 dark:text-stone-400">({faCount(r.total)} نتیجه)</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {relaxations.length === 0 && unmatched.length === 0 && state.q && (
        <p className="text-stone-700 dark:text-stone-300">واژهٔ دیگری را بیازمایید یا «هر یک از کلمات» را برگزینید.</p>
      )}
    </div>
  );
}

// ------------------------------------------------------------ pages

function pageWindow(page: number, last: number): (number | null)[] {
  const pages = new Set([1, last, page - 1, page, page + 1].filter((p) => p >= 1 && p <= last));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push(null);
    out.push(p);
  });
  return out;
}

export function Pagination({ state, page, lastPage }: { state: UrlState; page: number; lastPage: number }) {
  if (lastPage <= 1) return null;
  const href = (p: number) => searchHref(state, { page: p === 1 ? undefined : String(p) });
  const fa = (n: number) => toPersianDigits(String(n));
  const item = 'rounded-md px-2.5 py-1 hover:bg-stone-100 dark:hover:bg-stone-800';
  return (
    <nav aria-label="صفحه‌ها" className="mt-6 flex flex-wrap items-center justify-between gap-3 text-sm" data-testid="pagination">
      {page > 1 ? (
        <Link prefetch={false} href={href(page - 1)} rel="prev" className={`${item} ${linkClass}`}>
          → صفحهٔ قبل
        </Link>
      ) : (
        <span />
      )}
      <ul className="flex items-center gap-1">
        {pageWindow(page, lastPage).map((p, i) =>
          p === null ? (
            <li key={`gap${i}`} aria-hidden className="px-1 text-stone-500">
              …
            </li>
          ) : (
            <li key={p}>
              <Link prefetch={false}
                href={href(p)}
                aria-current={p === page ? 'page' : undefined}
                aria-label={`صفحهٔ ${fa(p)}`}
                className={`${item} aria-[current]:bg-stone-800 aria-[current]:text-white dark:aria-[current]:bg-stone-200 dark:aria-[current]:text-stone-900`}
              >
                {fa(p)}
              </Link>
            </li>
          ),
        )}
      </ul>
      <span className="sr-only" data-testid="page-indicator">
        صفحهٔ {fa(page)} از {fa(lastPage)}
      </span>
      {page < lastPage ? (
        <Link prefetch={false} href={href(page + 1)} rel="next" className={`${item} ${linkClass}`}>
          صفحهٔ بعد ←
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
