import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getEngine } from '@/lib/search/instance';
import { MAX_QUERY_LENGTH } from '@/lib/search/params';
import { Highlighted } from '../../components/Highlighted';
import { ArticleDate } from '../../components/ArticleDate';
import { searchHref } from '../../components/href';

export const dynamic = 'force-dynamic';

type PageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ArticlePage({ params, searchParams }: PageProps) {
  const { id } = await params;
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw ?? '').slice(0, MAX_QUERY_LENGTH);
  const engine = await getEngine();
  const article = engine.article(decodeURIComponent(id), q);
  if (!article) notFound();
  const safeUrl = article.url && /^https?:\/\//i.test(article.url) ? article.url : null;

  return (
    <main className="mx-auto max-w-3xl px-4 py-6">
      <Link href={searchHref({ q: q || undefined })} className="text-amber-700 hover:underline dark:text-amber-400">
        → بازگشت به نتایج
      </Link>
      <article className="mt-4 rounded-lg border border-stone-200 bg-white p-6 shadow-sm dark:border-stone-800 dark:bg-stone-900">
        <h1 className="text-2xl font-bold leading-relaxed">
          <Highlighted segments={article.title} />
        </h1>
        <p className="mt-2 flex flex-wrap gap-x-3 text-sm text-stone-500">
          <ArticleDate jalaliDate={article.jalaliDate} publishedAt={article.publishedAt} />
          {article.source && <span>منبع: {article.source}</span>}
          {article.dateline && <span>{article.dateline}</span>}
        </p>
        <div className="mt-4 space-y-4 leading-loose">
          {article.paragraphs.map((p, i) => (
            <p key={i}>
              <Highlighted segments={p} />
            </p>
          ))}
        </div>
        {article.tags.length > 0 && (
          <ul className="mt-4 flex flex-wrap gap-2 text-sm" aria-label="برچسب‌ها">
            {article.tags.map((t) => (
              <li key={t} className="rounded bg-stone-100 px-2 py-0.5 dark:bg-stone-800">
                {t}
              </li>
            ))}
          </ul>
        )}
        {safeUrl && (
          <p className="mt-4 text-sm">
            <a href={safeUrl} rel="noopener noreferrer nofollow" className="text-amber-700 hover:underline" dir="ltr">
              {safeUrl}
            </a>
          </p>
        )}
      </article>
    </main>
  );
}
