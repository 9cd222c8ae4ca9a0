// Persian function words: prepositions, conjunctions, pronouns, auxiliaries and
// demonstratives. Written for this project (so it ships under the project's
// licence) and kept to words that carry no topic: a query like «وضعیت هوا در
// تهران» must not require «در», but «گفت» or «بخش» are left as real words.
import { analyze } from './analyze';

const WORDS = `
و در به از که این را با برای آن تا بر هم نیز یا اما ولی اگر پس چون چه هر
است هست هستند نیست بود بودند باشد باشند شد شده شود شوند می‌شود می‌شوند کرد کرده کند کنند
می‌کند می‌کنند خواهد دارد دارند داشت داشته
من تو او وی ما شما ایشان آنها اینها آنان خود خویش
یک یکی های ها ای
همین همان آنجا اینجا چنین چنان
روی زیر پیش پس بین میان درباره دربارهٔ طی توسط سوی جز مگر بی بدون
نه نیز هیچ همه همچنین البته
`;

/** Stop words in analyzed (folded) form, so «اين» and «این» are both caught. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => analyze(w).map((t) => t.term)),
);

export function isStopword(term: string): boolean {
  return STOPWORDS.has(term);
}
