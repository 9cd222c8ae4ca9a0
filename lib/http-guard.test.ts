import { describe, expect, it } from 'vitest';
import { guardRequest, headerOverflowResponse } from './http-guard';
import { DENY_ALL_CSP, SECURITY_HEADERS } from './security-headers';
import type { NextConfig } from 'next';

describe('guardRequest', () => {
  it('answers 400 for a page path whose percent-escape is not hex or not UTF-8, with the security headers', () => {
    for (const url of ['/articles/%ZZ', '/articles/%ED%A0%80', '/%E0%A4%A?q=x']) {
      const a = guardRequest('GET', url)!;
      expect(a.status).toBe(400);
      expect(a.headers['X-Frame-Options']).toBe('DENY');
      expect(a.headers['Content-Security-Policy']).toBe(DENY_ALL_CSP);
      expect(a.body).toContain('نشانی درخواست نادرست است');
    }
  });

  it('answers the API error contract for a bad API path', () => {
    const a = guardRequest('GET', '/api/articles/%ZZ')!;
    expect(a.status).toBe(400);
    expect(JSON.parse(a.body).error.code).toBe('bad_path');
  });

  it('answers 405 with Allow for TRACE, TRACK and CONNECT', () => {
    for (const method of ['TRACE', 'TRACK', 'CONNECT']) {
      const a = guardRequest(method, '/')!;
      expect(a.status).toBe(405);
      expect(a.headers.Allow).toBe('GET, HEAD');
    }
  });

  it('lets Next answer what it can: good escapes (Persian ids, %25) and a bad escape only in the query', () => {
    expect(guardRequest('GET', `/articles/${encodeURIComponent('خبر ۱')}`)).toBeNull();
    expect(guardRequest('GET', '/articles/100%25')).toBeNull();
    expect(guardRequest('GET', '/?q=%ZZ')).toBeNull();
    expect(guardRequest('POST', '/api/search')).toBeNull();
  });
});

describe('security headers', () => {
  it('are the ones next.config.mjs puts on every response', async () => {
    // @ts-expect-error next.config.mjs is plain JavaScript (allowJs is off): typed by the cast below.
    const nextConfig = (await import('../next.config.mjs')).default as NextConfig;
    const rules = await nextConfig.headers!();
    expect(rules.find((r) => r.source === '/:path*')!.headers).toEqual(SECURITY_HEADERS);
    expect(rules.find((r) => r.source === '/api/:path*')!.headers).toEqual([{ key: 'Content-Security-Policy', value: DENY_ALL_CSP }]);
  });

  it('are in the 431 answer for oversized headers', () => {
    const raw = headerOverflowResponse();
    expect(raw.startsWith('HTTP/1.1 431 ')).toBe(true);
    for (const h of SECURITY_HEADERS) expect(raw).toContain(`\r\n${h.key}: ${h.value}\r\n`);
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
  });
});
