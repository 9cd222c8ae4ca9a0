// A trend written out: CSV (UTF-8 with a byte-order mark, so Excel shows the
// Persian) and JSON, one row per period and query, raw figures (never smoothed).
import type { TrendsResponse } from '@/lib/types';
import { MIN_ARTICLES, trendRows, type TrendRow } from '@/lib/search/trends';
import { BOM, contentDisposition, csvRow } from '../export/format';

export const TRENDS_CSV_COLUMNS = ['query', 'period', 'label_jalali', 'start_jalali', 'end_jalali', 'start_gregorian', 'end_gregorian', 'count', 'period_total', 'share', 'uncertain', 'counted'] as const;

/** The period column of a query's undated matches: they belong to no period and are never spread over them. */
export const UNDATED_PERIOD = 'undated';

/** A share as a plain decimal (0.125), 6 places at most; empty for a gap. */
const shareText = (share: number | null) => (share === null ? '' : String(Number(share.toFixed(6))));

// `counted` says what count and period_total count (articles, or distinct stories with count=stories) on every row,
// so a file read on its own cannot be mistaken.
function rowFields(r: TrendRow, counted: TrendsResponse['count']): string[] {
  return [r.q, r.period, r.label, r.start, r.end, r.startIso, r.endIso, String(r.count), String(r.total), shareText(r.share), r.share === null ? '' : r.uncertain ? '1' : '0', counted];
}

export function trendsCsv(r: TrendsResponse): string {
  const undated = r.series.map((s) => [s.q, UNDATED_PERIOD, 'بدون تاریخ', '', '', '', '', String(s.undated), '', '', '', r.count]);
  return BOM + csvRow(TRENDS_CSV_COLUMNS) + trendRows(r).map((row) => csvRow(rowFields(row, r.count))).join('') + undated.map((f) => csvRow(f)).join('');
}

export interface TrendsExport {
  interval: TrendsResponse['interval'];
  /** What the counts and totals count: articles, or distinct stories. */
  count: TrendsResponse['count'];
  /** A share over a total below this is marked uncertain. */
  minArticles: number;
  rows: TrendRow[];
  /** Each query's matches with no date, apart from the periods. */
  undated: { q: string; count: number }[];
}

export function trendsJson(r: TrendsResponse): TrendsExport {
  return { interval: r.interval, count: r.count, minArticles: MIN_ARTICLES, rows: trendRows(r), undated: r.series.map((s) => ({ q: s.q, count: s.undated })) };
}

export function trendsDisposition(format: 'csv' | 'json', today: string): string {
  const name = `kavosh-trends${today ? `-${today}` : ''}.${format}`;
  return contentDisposition({ ascii: name, utf8: name });
}
