import Link from 'next/link';
import type { SearchResult } from '@/lib/types';
import { Highlighted } from './Highlighted';
import { ArticleDate } from './ArticleDate';
import { articleHref } from './href';

export function ResultItem({ result, q }: { result: SearchResult; q: string | undefined }) {
  return (
    <li className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900" data-testid="result">
      <h3 className="text-lg font-bold leading-relaxed">
        <Link href={articleHref(result.id, q)} className="hover:text-amber-700 dark:hover:text-amber-400">
          <Highlighted segments={result.title} />
        </Link>
      </h3>
      <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-stone-500">
        <ArticleDate jalaliDate={result.jalaliDate} publishedAt={result.publishedAt} />
        {result.source && <span>{result.source}</span>}
      </p>
      {result.snippets.map((snippet, i) => (
        <p key={i} className="mt-2 leading-loose text-stone-700 dark:text-stone-300" data-testid="snippet">
          … <Highlighted segments={snippet} /> …
        </p>
      ))}
    </li>
  );
}
