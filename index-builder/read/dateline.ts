// The dateline that opens many agency leads: «مسکو - ایرنا- سرگئی لاوروف …»
// names the place and the agency before the text proper.

export interface Dateline {
  dateline: string;
  agency: string;
  /** The lead after the dateline, for deriving a title. */
  rest: string;
}

// Hyphen, the Unicode dashes and minus; tatweel (ـ) too, which Persian
// typesetting uses as a dash («تهران ـ ایرنا ـ»), but only next to a space,
// since inside a word it merely stretches a letter.
const DASH = String.raw`(?:\s*[-\u2010-\u2015\u2212]\s*|\s+\u0640+\s*|\s*\u0640+\s+)`;
const PART = String.raw`([^-\u2010-\u2015\u2212\u0640.:،؛!?؟]+?)`;
const DATELINE = new RegExp(`^\\s*${PART}${DASH}${PART}${DASH}(\\S[\\s\\S]*)$`);

// A place or an agency is a name of a few words; anything longer is a
// sentence that happens to contain dashes.
const MAX_WORDS = 4;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** The place and agency of a lead that opens with «<place> - <agency>-», or null. */
export function splitDateline(lead: string): Dateline | null {
  const m = DATELINE.exec(lead);
  if (!m) return null;
  const dateline = m[1].trim();
  const agency = m[2].trim();
  if (!dateline || !agency || wordCount(dateline) > MAX_WORDS || wordCount(agency) > MAX_WORDS) return null;
  return { dateline, agency, rest: m[3].trim() };
}
