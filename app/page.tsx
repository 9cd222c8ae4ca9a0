import Link from 'next/link';
import { getEngine } from '@/lib/search/instance';
import { ParamError, parseSearchParams } from '@/lib/search/params';
import { toPersianDigits } from '@/lib/digits';
import { SearchBox } from './components/SearchBox';
import { DateFacet } from './components/DateFacet';
import { ResultItem } from './components/ResultItem';
import { readUrlState, searchHref } from './components/href';

export const dynamic = 'force-dynamic';

type PageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: PageProps) {
  const state = readUrlState(await searchParams);
  let params;
  try {
    params = parseSearchParams(state as Record<string, string | undefined>);
  } catch (e) {
    if (!(e instanceof ParamError)) throw e;
    return (
      <Shell state={state}>
        <p role="alert" className="rounded-lg bg-red-50 p-4 text-red-800 dark:bg-red-950 dark:text-red-200">
          نشانی جستجو نادرست است: <bdi dir="ltr">{e.message}</bdi>{' '}
          <Link href="/" className="underline">
            شروع دوباره
          </Link>
        </p>
      </Shell>
    );
  }

  const engine = await getEngine();
  const response = engine.search(params);
  const lastPage = Math.max(1, Math.ceil(response.total / response.size));

  return (
    <Shell state={state}>
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <aside>
          <DateFacet facets={response.facets} params={params} state={state} />
        </aside>
        <section aria-label="نتایج">
          <p className="mb-3 text-stone-600 dark:text-stone-400" data-testid="total">
            {toPersianDigits(String(response.total))} نتیجه
          </p>
          {response.total === 0 && <p>چیزی پیدا نشد. واژهٔ دیگری را بیازمایید یا فیلتر تاریخ را بردارید.</p>}
          <ol className="space-y-4">
            {response.results.map((r) => (
              <ResultItem key={r.id} result={r} q={state.q} />
            ))}
          </ol>
          {lastPage > 1 && (
            <nav aria-label="صفحه‌ها" className="mt-6 flex items-center justify-between">
              {params.page > 1 ? (
                <Link href={searchHref(state, { page: String(params.page - 1) })} className="text-amber-700 hover:underline">
                  صفحهٔ قبل
                </Link>
              ) : (
                <span />
              )}
              <span className="text-sm text-stone-500">
                صفحهٔ {toPersianDigits(String(params.page))} از {toPersianDigits(String(lastPage))}
              </span>
              {params.page < lastPage ? (
                <Link href={searchHref(state, { page: String(params.page + 1) })} className="text-amber-700 hover:underline">
                  صفحهٔ بعد
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </section>
      </div>
    </Shell>
  );
}

function Shell({ state, children }: { state: ReturnType<typeof readUrlState>; children: React.ReactNode }) {
  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <header className="mb-6 space-y-3">
        <h1 className="text-2xl font-black">
          <Link href="/">کاوش</Link>
          <span className="ms-2 text-base font-normal text-stone-500">جستجو در آرشیو خبر</span>
        </h1>
        <SearchBox state={state} />
      </header>
      {children}
    </main>
  );
}
