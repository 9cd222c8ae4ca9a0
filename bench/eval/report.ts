// Plain-text report helpers: aligned tables and visible invisible characters.

/** A table with a header row; numbers right-aligned, text left-aligned. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => [...(r[c] ?? '')].length)));
  // A column of figures (numbers, "12.5%", "1,234 ms", "n/a") is right-aligned.
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => typeof r[c] === 'number' || /^(\d|n\/a$)/.test(String(r[c]))));
  const line = (r: string[]) =>
    r
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c] - [...cell].length);
        return numeric[c] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const fixed = (n: number, digits = 4) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
export const pct = (n: number, digits = 1) => (Number.isFinite(n) ? `${(n * 100).toFixed(digits)}%` : 'n/a');
export const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;

const INVISIBLE: Record<string, string> = {
  '\u200c': '<ZWNJ>',
  '\u200d': '<ZWJ>',
  '\u00a0': '<NBSP>',
  '\u200b': '<ZWSP>',
  '\u200e': '<LRM>',
  '\u200f': '<RLM>',
  '\u0640': '<TATWEEL>',
};

/** The string quoted, with invisible and look-alike characters named so a reader sees them. */
export function visible(s: string): string {
  const named = [...s]
    .map((ch) => {
      if (INVISIBLE[ch]) return INVISIBLE[ch];
      const code = ch.codePointAt(0)!;
      if ((code >= 0x064b && code <= 0x065f) || code === 0x0670) return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
      return ch;
    })
    .join('');
  return `"${named}"`;
}
