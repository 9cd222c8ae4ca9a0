/**
 * A line with no visible character: archives pad paragraphs with NBSPs and
 * leave lines of nothing but NBSPs, spaces or zero-width marks (ZWSP, ZWNJ,
 * LRM/RLM) between them, and those lines separate paragraphs.
 */
export function isBlank(text: string): boolean {
  return /^[\s\u200b-\u200f\u2060]*$/.test(text);
}
