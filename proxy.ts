// Security headers for every page: a Content-Security-Policy whose scripts are
// allowed by a fresh nonce per request (never 'unsafe-inline'). Next.js reads the
// nonce from the request's CSP header while rendering and puts it on its own
// <script> tags; 'strict-dynamic' then trusts the chunks those scripts load.
// (Next 16 renamed middleware.ts to proxy.ts; it runs on the Node.js runtime.)
//
// The headers that do not change per request (nosniff, Referrer-Policy,
// X-Frame-Options, and a deny-all CSP for /api) are set for every path in
// next.config.mjs, so API responses and static files carry them without
// running this function.
import { NextResponse, type NextRequest } from 'next/server';
import { DENY_ALL_CSP, SECURITY_HEADERS } from './lib/security-headers';

export function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

/** The page policy for one nonce. `https` adds upgrade-insecure-requests (left out on http://127.0.0.1, where it would break the page). */
export function pageCsp(n: string, { dev = false, https = false } = {}): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${n}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    // <style> and <link rel=stylesheet> elements: only our own files or nonced ones (next dev injects
    // un-nonced <style> tags for hot reloading, so development allows inline styles, as Next's guide does).
    dev ? `style-src 'self' 'unsafe-inline'` : `style-src 'self' 'nonce-${n}'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function proxy(request: NextRequest) {
  // Pages are read, never written to (no forms post here, no server actions): anything but GET and HEAD is refused.
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const refused = new NextResponse('این صفحه فقط خواندنی است (GET یا HEAD).\n', { status: 405, headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': DENY_ALL_CSP } });
    for (const h of SECURITY_HEADERS) refused.headers.set(h.key, h.value);
    return refused;
  }
  const n = nonce();
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const csp = pageCsp(n, { dev: process.env.NODE_ENV === 'development', https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', n);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API (its headers are in next.config.mjs), not built assets. /favicon.ico (a 404: the icon
      // is app/icon.svg) goes through here so its answer has a Content-Security-Policy too.
      source: '/((?!api/|_next/static|_next/image).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
