// An article address as a reader can read it: percent-escapes decoded
// («/%D8%AE%D8%A8%D8%B1» → «/خبر»), for display only (the link keeps the
// address as it is).

// Escapes that would hide or reorder what is shown (controls, bidi marks,
// spaces) stay escaped, so a decoded address never looks like another one.
const KEEP_ESCAPED = /[\u0000-\u0020\u007f-\u009f\u00a0\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/u;

/**
 * Decodes each run of %XX escapes that is valid UTF-8; a malformed run
 * («%E2%82» alone, «%ZZ») is shown as it is.
 */
export function readableUrl(url: string): string {
  return url.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    let text: string;
    try {
      text = decodeURIComponent(run);
    } catch {
      return run;
    }
    // Decode character by character so only the unsafe ones stay escaped.
    return [...text].map((ch) => (KEEP_ESCAPED.test(ch) ? encodeURIComponent(ch) : ch)).join('');
  });
}

/** An article's address when it is http(s), normalized; anything else (javascript:, data:, junk) is no link. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
