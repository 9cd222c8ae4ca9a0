// Latin words and Latin-digit dates inside a Persian sentence: left alone, the
// bidi algorithm reorders «from: 1400-08-10» into nonsense. Each run is cut out
// to be isolated (<bdi dir="ltr">).

const LATIN_RUN = /[A-Za-z0-9][A-Za-z0-9_.:/=&?%+-]*(?: +[A-Za-z0-9][A-Za-z0-9_.:/=&?%+-]*)*/g;

export type TextRun = { latin: boolean; text: string };

/** «پارامتر sort باید relevance باشد» → Persian, Latin «sort», Persian, Latin «relevance», Persian. */
export function latinRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  for (const m of text.matchAll(LATIN_RUN)) {
    if (m.index > at) runs.push({ latin: false, text: text.slice(at, m.index) });
    runs.push({ latin: true, text: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ latin: false, text: text.slice(at) });
  return runs;
}
