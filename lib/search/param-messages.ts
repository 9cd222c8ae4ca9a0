// The API's English parameter messages said in Persian, for the pages and for
// the API's `messageFa`. The English stays the contract (clients match on
// it); this reads it back, so no message is written twice at its source.
import { toPersianDigits } from '../digits';

const fa = (s: string) => toPersianDigits(s);

type Rule = [RegExp, (m: RegExpExecArray, param: string) => string];

// Parameter names, values and examples stay in Latin script; the page isolates them (<bdi>).
const RULES: Rule[] = [
  [/^expected a whole number, got "(.*)"$/s, (m, p) => `پارامتر ${p} باید عدد صحیح باشد، نه «${m[1]}».`],
  [/^(\d+) is out of range (\d+)\.\.(\d+)$/, (m, p) => `مقدار ${fa(m[1])} برای ${p} بیرون از بازهٔ ${fa(m[2])} تا ${fa(m[3])} است.`],
  [
    /^expected a Jalali year, year-month or date like 1400-08-10, or a Gregorian one like 2021-11-01 \((?:got "(.*)"|got (\d+) characters)\)$/s,
    (m, p) =>
      `پارامتر ${p} باید سال، سال و ماه، یا تاریخ شمسی باشد (مانند 1400-08-10) یا میلادی (مانند 2021-11-01)` +
      (m[1] !== undefined ? `، نه «${m[1]}».` : `؛ ${fa(m[2])} نویسه بیش از اندازه است.`),
  ],
  [/^year (-?\d+) is out of range (\d+)\.\.(\d+)$/, (m, p) => `سال ${fa(m[1])} در ${p} پذیرفته نیست (از ${fa(m[2])} تا ${fa(m[3])}).`],
  [/^month (\d+) is out of range 1\.\.12$/, (m, p) => `ماه ${fa(m[1])} در ${p} وجود ندارد: ماه از ۱ تا ۱۲ است.`],
  [/^day (\d+) is out of range 1\.\.31$/, (m, p) => `روز ${fa(m[1])} در ${p} وجود ندارد: روز از ۱ تا ۳۱ است.`],
  [/^(\S+) is not a valid Jalali date \((\d+) is not a leap year\)$/, (m, p) => `${fa(m[1])} در ${p} وجود ندارد: ${fa(m[2])} کبیسه نیست.`],
  [/^(\S+) is not a valid Jalali date \(month (\d+) has (\d+) days\)$/, (m, p) => `${fa(m[1])} در ${p} وجود ندارد: ماه ${fa(m[2])} ${fa(m[3])} روز دارد.`],
  [/^(\S+) is not a valid Gregorian date \(month (\d+) has (\d+) days\)$/, (m, p) => `${fa(m[1])} (میلادی) در ${p} وجود ندارد: ماه ${fa(m[2])} ${fa(m[3])} روز دارد.`],
  [/^the start of the date range is after its end \(to\)$/, () => 'تاریخ آغاز (from) پس از تاریخ پایان (to) است.'],
  [/^expected (.+?), got "(.*)"$/s, (m, p) => `پارامتر ${p} یکی از این‌ها را می‌پذیرد: ${m[1].split(/, | or /).join('، ')}؛ نه «${m[2]}».`],
  [/^at most (\d+) values, got (\d+)$/, (m, p) => `پارامتر ${p} دست‌بالا ${fa(m[1])} مقدار می‌پذیرد، نه ${fa(m[2])}.`],
  [/^at least one query is needed/, (_m, p) => `دست‌کم یک جستجو (${p}) لازم است.`],
  [/^this view needs words to look for$/, (_m, p) => `این نما به واژه‌ای برای جستجو (${p}) نیاز دارد.`],
  [/^query (\d+) is empty$/, (m) => `جستجوی ${fa(m[1])} خالی است.`],
  [/^at most (\d+) queries, got (\d+)$/, (m) => `دست‌بالا ${fa(m[1])} جستجو را می‌توان سنجید، نه ${fa(m[2])}.`],
];

/**
 * A ParamError's message («from: month 13 is out of range 1..12») in Persian,
 * naming the parameter; a message with no rule gets a general sentence
 * naming it (the page shows the English beside it).
 */
export function paramMessageFa(param: string, message: string): string {
  const body = message.startsWith(`${param}: `) ? message.slice(param.length + 2) : message;
  for (const [re, say] of RULES) {
    const m = re.exec(body);
    if (m) return say(m, param);
  }
  return `مقدار پارامتر ${param} پذیرفته نیست.`;
}

/** `messageFa` of the API's other errors, by code. */
export const ERROR_MESSAGES_FA: Record<string, string> = {
  not_found: 'چنین خبری در نمایه نیست.',
  index_unavailable: 'نمایه در دسترس نیست؛ کمی بعد دوباره بکوشید.',
  internal: 'جستجو با خطایی پیش‌بینی‌نشده روبه‌رو شد.',
  busy: 'کارگزار سرگرم چند جستجوی سنگین دیگر است؛ چند ثانیه بعد دوباره بکوشید.',
};
