// Requests Next.js cannot take in, on the real server: a path whose percent-escapes do not decode, methods a
// page does not answer, TRACE, headers too large, and the favicon probe. Each gets a 4xx with the security
// headers, never a 500 (lib/http-guard.ts, proxy.ts). Raw sockets where a client would fix the request first.
import net from 'node:net';
import type { APIResponse } from '@playwright/test';
import { expect, test } from './helpers';

const PORT = Number(process.env.E2E_PORT ?? 3210);

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['content-security-policy'], what).toMatch(/frame-ancestors 'none'/);
}

/** One raw HTTP/1.1 exchange: the status and the headers, lower-cased. */
function raw(request: string): Promise<{ status: number; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(PORT, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.on('data', (d) => (text += d));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        if (i > 0) headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers });
    });
  });
}
const get = (path: string, method = 'GET') => raw(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);

test('a path whose percent-escape is not hex or not UTF-8 answers 400 with the security headers', async () => {
  for (const path of ['/api/articles/%ZZ', '/articles/%ED%A0%80', '/articles/%ZZ']) {
    const res = await get(path);
    expect(res.status, path).toBe(400);
    expectSecurityHeaders(res.headers, path);
  }
});

test('TRACE answers 405 with Allow and the security headers, pages and API alike', async () => {
  for (const path of ['/', '/api/search?q=x']) {
    const res = await get(path, 'TRACE');
    expect(res.status, path).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expectSecurityHeaders(res.headers, path);
  }
});

test('a page answers POST, PUT and DELETE with 405 and Allow: GET, HEAD', async ({ request }) => {
  for (const [method, path] of [['POST', '/'], ['PUT', '/articles/5501001'], ['DELETE', `/?q=${encodeURIComponent('کتابخانه')}`]]) {
    const res: APIResponse = await request.fetch(path, { method, maxRedirects: 0 });
    expect(res.status(), `${method} ${path}`).toBe(405);
    expect(res.headers().allow).toBe('GET, HEAD');
    expectSecurityHeaders(res.headers(), `${method} ${path}`);
  }
  // GET still reads the page.
  expect((await request.get('/articles/5501001')).status()).toBe(200);
});

test('headers too large answer 431 with the security headers', async () => {
  const res = await raw(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`);
  expect(res.status).toBe(431);
  expectSecurityHeaders(res.headers, '431');
});

test('the favicon probe answers 404 with the security headers', async ({ request }) => {
  const res = await request.get('/favicon.ico');
  expect(res.status()).toBe(404);
  expectSecurityHeaders(res.headers(), '/favicon.ico');
});

test('an id of only dots is reached through its escape, not a step up to / (the sample has no such id: a 404 naming it)', async ({ request }) => {
  const api = await request.get('/api/articles/~..', { maxRedirects: 0 });
  expect(api.status()).toBe(404);
  expect((await api.json()).error.message).toBe('no article with id ".."');
  const page = await request.get('/articles/~..', { maxRedirects: 0 });
  expect(page.status()).toBe(404);
});
