// The citation line a researcher copies: source, title, Jalali and Gregorian date, URL.
import type { ArticleResponse, Segment } from '@/lib/types';
import { gregorianDate, jalaliPersian } from './dates';
import { safeHttpUrl } from './url-text';

export const plainText = (segments: Segment[]) => segments.map((s) => s.text).join('');

export interface CitationParts {
  source: string | null;
  title: string;
  jalali: string | null;
  gregorian: string | null;
  url: string | null;
}

export function citationParts(a: Pick<ArticleResponse, 'source' | 'title' | 'jalaliDate' | 'publishedAt' | 'url'>): CitationParts {
  return {
    source: a.source,
    title: plainText(a.title),
    jalali: jalaliPersian(a.jalaliDate),
    gregorian: gregorianDate(a.publishedAt, a.jalaliDate),
    url: safeHttpUrl(a.url),
  };
}

/** «ایسنا، «عنوان»، ۱۵ خرداد ۱۴۰۲ (2023-06-05)، https://…» */
export function citationText(p: CitationParts): string {
  const date = p.jalali ? (p.gregorian ? `${p.jalali} (${p.gregorian})` : p.jalali) : 'بی‌تاریخ';
  return [p.source, `«${p.title}»`, date, p.url].filter(Boolean).join('، ');
}
