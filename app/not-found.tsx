import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">صفحه پیدا نشد</h1>
      <p className="mt-3 text-stone-600 dark:text-stone-400">نشانی نادرست است یا این خبر در آرشیو نیست.</p>
      <p className="mt-6">
        <Link href="/" className="text-amber-700 underline dark:text-amber-400">
          بازگشت به جستجو
        </Link>
      </p>
    </main>
  );
}
