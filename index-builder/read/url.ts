/** The URL when it is an absolute http(s) address; anything else is not a link we can show. */
export function httpUrlOrNull(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? text : null;
  } catch {
    return null;
  }
}
