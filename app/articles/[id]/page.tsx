import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getEngine } from '@/lib/search/instance';
import { MAX_QUERY_LENGTH } from '@/lib/search/params';
import { Highlighted, numberHits } from '../../components/Highlighted';
import { ArticleDate } from '../../components/ArticleDate';
import { ExternalUrl } from '../../components/ExternalUrl';
import { MatchNavigator } from '../../components/MatchNavigator';
import { CopyButton } from '../../components/CopyButton';
import { StoryPanel } from '../../components/Stories';
import { backHref, idFromSegment, searchHref } from '../../../lib/ui/href';
import { citationParts, citationText, plainText } from '../../../lib/ui/citation';
import { collectionsIndexId } from '@/lib/collections/index-identity';
import { KeepButton } from '../../components/KeepButton';
import { KeepNeedsScript } from '../../components/KeepScope';

export const dynamic = 'force-dynamic';

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

function decodeId(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

async function load({ params, searchParams }: PageProps) {
  const { id } = await params;
  const raw = await searchParams;
  const q = one(raw.q).slice(0, MAX_QUERY_LENGTH);
  const back = one(raw.back).slice(0, 4000);
  const engine = await getEngine();
  return { article: engine.article(idFromSegment(decodeId(id)), q), q, back };
}

export async function generateMetadata(props: PageProps): Promise<Metadata> {
  const { article } = await load(props);
  return { title: article ? `${plainText(article.title)} · کاوش` : 'خبر پیدا نشد · کاوش' };
}

export default async function ArticlePage(props: PageProps) {
  const { article, q, back } = await load(props);
  if (!article) notFound();
  const body = numberHits(article.paragraphs, 'hit-');
  const cite = citationParts(article);
  const citation = citationText(cite);
  const meta = 'text-stone-600 dark:text-stone-400';

  return (
    <main className="mx-auto max-w-3xl px-4 pb-16 pt-5 sm:px-6">
      <nav aria-label="مسیر" className="flex items-center justify-between gap-4 text-sm">
        <Link prefetch={false}
          href={backHref(back || undefined, q || undefined, article.id)}
          className="font-medium text-amber-800 underline-offset-2 hover:underline dark:text-amber-300"
          data-testid="back-to-results"
        >
          → بازگشت به نتایج
        </Link>
        <span className="flex items-center gap-4">
          <Link prefetch={false} href="/collections" className="text-amber-800 underline-offset-2 hover:underline dark:text-amber-300">
            مجموعه‌ها
          </Link>
          <Link prefetch={false} href="/" className="font-black">
            کاوش
          </Link>
        </span>
      </nav>
      <article className="mt-4">
        <header className="border-b border-stone-200 pb-4 dark:border-stone-800">
          <h1 className="text-2xl font-bold leading-relaxed sm:text-3xl sm:leading-relaxed">
            <Highlighted segments={article.title} />
          </h1>
          <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="article-meta">
            <dt className={meta}>تاریخ</dt>
            <dd>
              <ArticleDate jalaliDate={article.jalaliDate} publishedAt={article.publishedAt} />
              {cite.gregorian && (
                <span className={`ms-2 ${meta}`}>
                  (<bdi dir="ltr">{cite.gregorian}</bdi>)
                </span>
              )}
            </dd>
            {article.source && (
              <>
                <dt className={meta}>منبع</dt>
                <dd>
                  <Link prefetch={false} href={searchHref({ source: [article.source] })} className="hover:underline">
                    {article.source}
                  </Link>
                  {article.sourceAsWritten && (
                    <span className="text-sm text-stone-600 dark:text-stone-400" data-testid="source-as-written">
                      {' '}
                      (در آرشیو: <bdi>{article.sourceAsWritten}</bdi>)
                    </span>
                  )}
                </dd>
              </>
            )}
            {article.dateline && (
              <>
                <dt className={meta}>محل</dt>
                <dd>{article.dateline}</dd>
              </>
            )}
            {article.agency && article.agency !== article.source && (
              <>
                <dt className={meta}>خبرگزاری</dt>
                <dd>{article.agency}</dd>
              </>
            )}
            {article.category && (
              <>
                <dt className={meta}>بخش</dt>
                <dd>{article.category}</dd>
              </>
            )}
            {cite.url && (
              <>
                <dt className={meta}>نشانی اصلی</dt>
                <dd className="min-w-0">
                  <ExternalUrl url={cite.url} full className="max-w-full" />
                </dd>
              </>
            )}
          </dl>
          <div className="mt-3">
            <KeepButton indexId={collectionsIndexId()} article={{ id: article.id, title: cite.title, jalaliDate: article.jalaliDate, publishedAt: article.publishedAt, source: article.source, url: article.url }} />
            <KeepNeedsScript what="مجموعه‌ها" />
          </div>
        </header>
        {q.trim() && (
          <div className="mt-3">
            {body.count > 0 ? (
              <MatchNavigator count={body.count} />
            ) : (
              <p className={`text-sm ${meta}`}>واژه‌های جستجو در متن خبر نیامده‌اند.</p>
            )}
          </div>
        )}
        <div className="mt-4 space-y-5 text-lg leading-loose" data-testid="article-body">
          {body.runs.map((p, i) => (
            <p key={i}>
              <Highlighted segments={p} />
            </p>
          ))}
        </div>
        {article.tags.length > 0 && (
          <ul className="mt-6 flex flex-wrap gap-2 text-sm" aria-label="برچسب‌ها">
            {article.tags.map((t) => (
              <li key={t}>
                <Link prefetch={false}
                  href={searchHref({ tag: [t] })}
                  className="inline-block rounded-full bg-stone-100 px-2.5 py-0.5 hover:bg-amber-100 dark:bg-stone-800 dark:hover:bg-stone-700"
                >
                  {t}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {article.story && <StoryPanel story={article.story} back={back} />}
        <section aria-labelledby="cite-heading" className="mt-8 rounded-2xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          <div className="flex items-center justify-between gap-3">
            <h2 id="cite-heading" className="text-sm font-bold">
              ارجاع
            </h2>
            <CopyButton text={citation} />
          </div>
          <p className="mt-2 select-all text-sm leading-relaxed" data-testid="citation">
            {cite.source && <>{cite.source}، </>}«{cite.title}»، {cite.jalali ?? 'بی‌تاریخ'}
            {cite.gregorian && (
              <>
                {' '}
                (<bdi dir="ltr">{cite.gregorian}</bdi>)
              </>
            )}
            {cite.url && (
              <>
                ، <bdi dir="ltr">{cite.url}</bdi>
              </>
            )}
          </p>
        </section>
      </article>
    </main>
  );
}
