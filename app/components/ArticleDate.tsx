import { formatJalaliPersian, parseJalaliBound } from '@/lib/jalali';

/** «۱۰ آبان ۱۴۰۰», with the exact instant on hover. */
export function ArticleDate({ jalaliDate, publishedAt }: { jalaliDate: string | null; publishedAt: string | null }) {
  if (!jalaliDate) return <span>بی‌تاریخ</span>;
  const { year, month = 1, day = 1 } = parseJalaliBound(jalaliDate, 'jalaliDate');
  return (
    <time dateTime={publishedAt ?? undefined} title={publishedAt ?? undefined}>
      {formatJalaliPersian({ year, month, day })}
    </time>
  );
}
