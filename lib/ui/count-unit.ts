// The noun a count is said in: «مقاله» when it counts articles, «خبر» when it
// counts distinct wire stories (`count=stories`), so a figure never names
// articles while it counts stories. The forms differ in how Persian attaches
// the ezafe and the plural, so each is spelled out rather than composed.
import type { CountUnit } from '../search/params';

export interface UnitWords {
  /** After a number: «۱۲ مقاله», «۱۲ خبر». */
  one: string;
  /** The plural: «مقاله‌ها», «خبرها». */
  many: string;
  /** The plural before what it is of: «مقاله‌های این دوره», «خبرهای این دوره». */
  manyOf: string;
  /** The singular before what it is of: «مقالهٔ تاریخ‌دار», «خبر تاریخ‌دار». */
  oneOf: string;
}

const WORDS: Record<CountUnit, UnitWords> = {
  articles: { one: 'مقاله', many: 'مقاله‌ها', manyOf: 'مقاله‌های', oneOf: 'مقالهٔ' },
  stories: { one: 'خبر', many: 'خبرها', manyOf: 'خبرهای', oneOf: 'خبر' },
};

export function unitWords(count: CountUnit): UnitWords {
  return WORDS[count];
}
