import type { Metadata } from 'next';
import Link from 'next/link';
import { getEngine } from '@/lib/search/instance';
import { collectionsIndexId } from '@/lib/collections/index-identity';
import { KeepNeedsScript } from '../components/KeepScope';
import { CollectionsView } from './CollectionsView';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'مجموعه‌ها · کاوش' };

export default async function CollectionsPage() {
  // The build date tells a saved search's changed total from a rebuilt archive; the page works without an index.
  const builtAt = await getEngine().then(
    (e) => e.builtAt,
    () => null,
  );
  return (
    <main className="mx-auto max-w-4xl px-4 pb-16 pt-5 sm:px-6">
      <nav aria-label="مسیر" className="flex items-center justify-between gap-4 text-sm">
        <Link prefetch={false} href="/" className="font-medium text-amber-800 underline-offset-2 hover:underline dark:text-amber-300">
          → جستجو
        </Link>
        <Link prefetch={false} href="/" className="font-black">
          کاوش
        </Link>
      </nav>
      <h1 className="mt-4 text-2xl font-bold">مجموعه‌ها</h1>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        خبرهای نگه‌داشته و جستجوهای ذخیره‌شده در همین مرورگر می‌مانند (نه روی کارگزار). برای بردن به رایانهٔ دیگر «خروجی همه» بگیرید و آن‌جا «ورود از فایل» کنید.
      </p>
      <div className="mt-3">
        <KeepNeedsScript what="مجموعه‌ها، جستجوهای ذخیره‌شده، خروجی و ورود" />
      </div>
      <CollectionsView indexId={collectionsIndexId()} builtAt={builtAt} />
    </main>
  );
}
