// Digit scripts. Persian text mixes Persian (۰-۹), Arabic-Indic (٠-٩) and ASCII
// digits, often inside one article, so anything that reads numbers maps them
// to ASCII first. Each digit is one UTF-16 unit in every script, so the
// converted string has the same length and offsets found in it still point at
// the same characters of the original.

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Persian and Arabic-Indic digits → ASCII 0-9; every other character is left as is. */
export function toLatinDigits(s: string): string {
  return s.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/** ASCII digits → Persian digits, for display; every other character is left as is. */
export function toPersianDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(PERSIAN_ZERO + Number(d)));
}
