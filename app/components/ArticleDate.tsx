import { gregorianDate, gregorianTooltip, jalaliPersian } from '../../lib/ui/dates';

/** «۱۰ آبان ۱۴۰۰», with the Gregorian date (Tehran's calendar day) on hover. */
export function ArticleDate({ jalaliDate, publishedAt }: { jalaliDate: string | null; publishedAt: string | null }) {
  const jalali = jalaliPersian(jalaliDate);
  if (!jalali) return <span>بی‌تاریخ</span>;
  const tooltip = gregorianTooltip(publishedAt, jalaliDate) ?? undefined;
  return (
    <time dateTime={publishedAt ?? gregorianDate(null, jalaliDate) ?? undefined} title={tooltip}>
      {jalali}
    </time>
  );
}
