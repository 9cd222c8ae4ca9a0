// The security headers of answers Next.js does not make itself (lib/http-guard.ts) or makes in proxy.ts.
/** The headers every response carries (next.config.mjs sets the same on what Next answers; a test keeps them equal). */
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
];

/** For an answer that is not a page: nothing in it may run or be framed. */
export const DENY_ALL_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
