'use client';
// A page that failed to render: say so in Persian, keep the way back, and let
// the reader try again; the server has logged the cause (its digest is shown,
// so a report can name it without the page revealing the error).
import Link from 'next/link';

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">این صفحه ساخته نشد</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">
        خطایی در کارساز رخ داد. دوباره بکوشید؛ اگر تکرار شد، این کد را گزارش کنید:{' '}
        <bdi className="font-mono">{error.digest ?? '—'}</bdi>
      </p>
      <p className="mt-6 flex justify-center gap-6">
        <button type="button" onClick={reset} className="text-amber-700 underline dark:text-amber-400">
          دوباره
        </button>
        <Link href="/" className="text-amber-700 underline dark:text-amber-400">
          بازگشت به جستجو
        </Link>
      </p>
    </main>
  );
}
