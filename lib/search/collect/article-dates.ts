// Each article's date in the forms the collectors need, computed once per
// index: its Jalali day key (filters), publication instant (date sorts), and
// its counter in the year and month histograms.
import type { ArticleMeta } from '../article-store';
import { ordinalsOf } from './periods';

export class ArticleDates {
  /** Jalali day key (yyyymmdd) per article, 0 when undated. */
  readonly dayKey: Int32Array;
  /** Publication instant per article in ms, and its negative (sort keys: higher first); undated articles -Infinity in both. */
  readonly newest: Float64Array;
  readonly oldest: Float64Array;
  /** Per article, its Jalali year's counter in a year histogram and its month's in a month histogram; -1 when undated. */
  readonly yearSlot: Int32Array;
  readonly monthSlot: Int32Array;
  /** The Jalali years the archive spans: histograms are arrays over them. */
  readonly firstYear: number;
  readonly yearSpan: number;

  private ordinals: Int32Array | null = null;

  /** Julian day number per article, 0 when undated: made on the first week histogram (weeks cross months and years). */
  get dayOrdinal(): Int32Array {
    return (this.ordinals ??= ordinalsOf(this.dayKey));
  }

  /** The first and last day key of the dated articles, or null when none is dated. */
  get extent(): { fromDay: number; toDay: number } | null {
    let [lo, hi] = [Infinity, -Infinity];
    for (const key of this.dayKey) if (key !== 0) [lo, hi] = [Math.min(lo, key), Math.max(hi, key)];
    return Number.isFinite(lo) ? { fromDay: lo, toDay: hi } : null;
  }

  constructor(meta: ArticleMeta, n: number) {
    this.dayKey = Int32Array.from(meta.dayKeys);
    this.newest = new Float64Array(n);
    this.oldest = new Float64Array(n);
    for (let docId = 0; docId < n; docId++) {
      const at = meta.publishedAt[docId];
      const time = at ? Date.parse(at) : NaN;
      this.newest[docId] = Number.isNaN(time) ? -Infinity : time;
      this.oldest[docId] = Number.isNaN(time) ? -Infinity : -time;
    }
    let first = Infinity;
    let last = -Infinity;
    for (const key of this.dayKey) {
      if (key === 0) continue;
      first = Math.min(first, Math.floor(key / 10000));
      last = Math.max(last, Math.floor(key / 10000));
    }
    this.firstYear = Number.isFinite(first) ? first : 0;
    this.yearSpan = Number.isFinite(first) ? last - first + 1 : 0;
    this.yearSlot = new Int32Array(n).fill(-1);
    this.monthSlot = new Int32Array(n).fill(-1);
    this.dayKey.forEach((key, docId) => {
      if (key === 0) return;
      this.yearSlot[docId] = Math.floor(key / 10000) - this.firstYear;
      this.monthSlot[docId] = this.yearSlot[docId] * 12 + (Math.floor(key / 100) % 100) - 1;
    });
  }
}
