// The trend's queries and filters as one GET form: works without JavaScript,
// and what it submits is the URL the chart is drawn from.
import { toPersianDigits } from '@/lib/digits';
import { MAX_TREND_QUERIES } from '@/lib/search/params';
import type { ValueCount } from '@/lib/types';
import { markerPath, SERIES_STYLES } from '@/lib/ui/trend-chart';
import type { TrendState } from '@/lib/ui/trend-href';

const input =
  'w-full rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-base text-stone-900 placeholder:text-stone-500 focus:border-amber-600 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100 dark:placeholder:text-stone-400';
const fa = (n: number) => toPersianDigits(String(n));

/** A query's marker and colour, as the chart draws it (the legend and the form share it). */
export function SeriesSwatch({ index }: { index: number }) {
  const style = SERIES_STYLES[index % SERIES_STYLES.length];
  return (
    <svg viewBox="0 0 28 14" className="inline-block h-3.5 w-7 shrink-0" aria-hidden>
      <line x1={1} x2={27} y1={7} y2={7} strokeWidth={2.5} className={style.stroke} />
      <path d={markerPath(style.marker, 14, 7, 4.5)} className={style.fill} />
    </svg>
  );
}

export function TrendForm({ state, sources, sourceCount }: { state: TrendState; sources: ValueCount[]; sourceCount: number }) {
  const boxes = Math.min(MAX_TREND_QUERIES, Math.max(2, state.q.length + 1));
  const chosenSources = new Set(state.source ?? []);
  const filterCount = (state.from || state.to ? 1 : 0) + (state.match === 'any' ? 1 : 0) + (state.source?.length ?? 0) + (state.tag?.length ?? 0);
  const listed = [...sources.map((s) => s.value), ...[...chosenSources].filter((s) => !sources.some((v) => v.value === s))];
  return (
    <form action="/trends" method="get" className="space-y-4 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900" data-testid="trend-form">
      <fieldset>
        <legend className="mb-2 font-bold">جستجوها (تا {fa(MAX_TREND_QUERIES)} جستجو، هر یک با زبان کامل جستجو)</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {Array.from({ length: boxes }, (_, i) => (
            <label key={i} className="flex items-center gap-2">
              <SeriesSwatch index={i} />
              <span className="sr-only">جستجوی {fa(i + 1)}</span>
              <input type="search" name="q" defaultValue={state.q[i] ?? ''} className={input} placeholder={i === 0 ? 'مثلاً: زلزله' : i === 1 ? 'مثلاً: سیل' : 'جستجوی دیگر'} data-testid="trend-q" autoComplete="off" />
            </label>
          ))}
        </div>
        {boxes < MAX_TREND_QUERIES && <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">برای جستجوی بیشتر، این‌ها را پر کنید و «نمایش روند» را بزنید: جعبهٔ تازه‌ای می‌آید.</p>}
      </fieldset>
      <details open={filterCount > 0 || state.q.length === 0 || undefined} className="space-y-4" data-testid="trend-filters">
      <summary className="cursor-pointer font-bold">
        فیلترها: بازه، تطبیق، منبع، برچسب {filterCount > 0 && <span className="ms-1 rounded-full bg-amber-700 px-2 py-0.5 text-xs text-white dark:bg-amber-500 dark:text-stone-950">{fa(filterCount)}</span>}
      </summary>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <fieldset>
          <legend className="mb-1 text-sm font-bold">بازهٔ زمانی</legend>
          <div className="flex items-center gap-2">
            <label className="flex-1">
              <span className="text-xs text-stone-600 dark:text-stone-400">از</span>
              <input name="from" defaultValue={state.from ?? ''} className={input} placeholder="۱۳۸۲" inputMode="numeric" autoComplete="off" data-testid="trend-from" />
            </label>
            <label className="flex-1">
              <span className="text-xs text-stone-600 dark:text-stone-400">تا</span>
              <input name="to" defaultValue={state.to ?? ''} className={input} placeholder="۱۳۸۵/۰۶" inputMode="numeric" autoComplete="off" data-testid="trend-to" />
            </label>
          </div>
          <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">سال، سال/ماه یا روز؛ شمسی (۱۳۸۴) یا میلادی (۲۰۰۵). خالی: همهٔ آرشیو.</p>
        </fieldset>
        <fieldset>
          <legend className="mb-1 text-sm font-bold">تطبیق کلمات</legend>
          <div className="flex gap-4 text-sm">
            <label className="flex items-center gap-1.5">
              <input type="radio" name="match" value="all" defaultChecked={state.match !== 'any'} /> همهٔ کلمات
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" name="match" value="any" defaultChecked={state.match === 'any'} /> هر یک از کلمات
            </label>
          </div>
        </fieldset>
      </div>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <details open={chosenSources.size > 0 || undefined} className="text-sm">
          <summary className="cursor-pointer font-bold">
            منبع‌ها {chosenSources.size > 0 ? `(${fa(chosenSources.size)} برگزیده)` : '(همه)'}
          </summary>
          <ul className="mt-2 max-h-56 space-y-1 overflow-y-auto">
            {listed.map((s) => (
              <li key={s}>
                <label className="flex items-center gap-1.5">
                  <input type="checkbox" name="source" value={s} defaultChecked={chosenSources.has(s)} data-testid="trend-source" /> <bdi>{s}</bdi>
                  <span className="text-stone-600 dark:text-stone-400">{(sources.find((v) => v.value === s)?.count ?? 0).toLocaleString('fa-IR')}</span>
                </label>
              </li>
            ))}
          </ul>
          {sourceCount > sources.length && <p className="mt-1 text-xs text-stone-600 dark:text-stone-400">{fa(sources.length)} منبع از {fa(sourceCount)}.</p>}
        </details>
        <fieldset className="text-sm">
          <legend className="mb-1 font-bold">برچسب‌ها</legend>
          {(state.tag ?? []).map((t) => (
            <label key={t} className="me-3 inline-flex items-center gap-1.5">
              <input type="checkbox" name="tag" value={t} defaultChecked /> <bdi>{t}</bdi>
            </label>
          ))}
          <label className="mt-1 block">
            <span className="sr-only">برچسب دیگر</span>
            <input name="tag" className={input} placeholder="برچسب (یکی)" autoComplete="off" data-testid="trend-tag" />
          </label>
        </fieldset>
      </div>
      </details>
      {/* How the chart is drawn is kept as it was. */}
      {(['interval', 'measure', 'smooth', 'labels', 'view', 'undated'] as const).map((k) => (state[k] ? <input key={k} type="hidden" name={k} value={state[k]} /> : null))}
      <button type="submit" className="rounded-lg bg-amber-700 px-4 py-1.5 font-bold text-white hover:bg-amber-800 dark:bg-amber-500 dark:text-stone-950 dark:hover:bg-amber-400" data-testid="trend-submit">
        نمایش روند
      </button>
    </form>
  );
}
