// The site faces the open internet: security headers on every response, a
// nonce-based Content-Security-Policy that still lets the pages hydrate, and
// article text that is data, never markup (fixture 5999001 in data/articles/README.md).
import type { APIResponse, ConsoleMessage } from '@playwright/test';
import { expect, hydrated, searchbox, settled, test, type Page } from './helpers';

const HOSTILE_ID = '5999001';
const HOSTILE_QUERY = 'اسکریپت‌های مخرب';
const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '<img src=x onerror="window.__xss=1">';
const ENTITIES = '&lt;b&gt;';
const JS_LINK_TEXT = 'javascript:alert(1)';

/** Collects CSP violations (as the page sees them) and console errors from the moment the page opens. */
async function watch(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (m: ConsoleMessage) => {
    // A failed load is reported below with its URL (the console line has none).
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    // The browser's own favicon probe is not the page's doing (the app has no icon).
    if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    await d.dismiss();
  });
  return {
    problems: async () => [...problems, ...((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[])],
  };
}

function scriptDirectives(csp: string) {
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values] as const),
  );
  return directives;
}

function expectCommonHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['x-powered-by']).toBeUndefined();
}

test('pages carry a nonce CSP without unsafe-inline scripts, and the security headers', async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ['/', `/?q=${encodeURIComponent('کتابخانه')}`, '/articles/5501001']) {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    expectCommonHeaders(res);
    const csp = res.headers()['content-security-policy'];
    expect(csp, path).toBeTruthy();
    const d = scriptDirectives(csp);
    const script = d.get('script-src')!;
    expect(script).toContain("'strict-dynamic'");
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    const nonce = script.find((v) => v.startsWith("'nonce-"))!;
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/=]{16,}'$/);
    nonces.add(nonce);
    expect(d.get('style-src')).not.toContain("'unsafe-inline'");
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    // Every script tag Next.js wrote carries this response's nonce.
    const html = await res.text();
    const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce.slice(7, -1)}"`);
  }
  expect(nonces.size).toBe(3); // a fresh nonce per response
});

test('API answers, errors included, carry a deny-all CSP and the security headers', async ({ request }) => {
  for (const path of [
    `/api/search?q=${encodeURIComponent('کتابخانه')}`,
    '/api/search?size=100000',
    '/api/articles/5501001',
    '/api/articles/no-such-id',
    '/api/export?format=jsonl&q=x',
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBeLessThan(500);
    expectCommonHeaders(res);
    expect(res.headers()['content-security-policy'], path).toMatch(/^default-src 'none'; frame-ancestors 'none'/);
  }
});

test('with the CSP on, the search page hydrates and searches as you type, with no violation', async ({ page }) => {
  const seen = await watch(page);
  await page.goto('/');
  await settled(page);
  expect(await hydrated(page, 'input[type="search"]')).toBe(true);
  await searchbox(page).fill('کتابخانه ملی');
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-id', '5501001');
  await expect(page.getByTestId('result')).toHaveCount(1);
  expect(await seen.problems()).toEqual([]);
});

test('with the CSP on, the article page hydrates with no violation', async ({ page }) => {
  const seen = await watch(page);
  await page.goto(`/articles/5501001?q=${encodeURIComponent('کتابخانه')}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('کتابخانه ملی');
  await expect.poll(() => hydrated(page, 'main a')).toBe(true);
  // Client-side navigation back to the search page runs under the same policy.
  await page.getByTestId('back-to-results').click();
  await expect(page).toHaveURL((u) => u.pathname === '/');
  await expect(page.getByTestId('result').first()).toBeVisible();
  expect(await seen.problems()).toEqual([]);
});

test('an unknown page is a styled Persian 404 under the same policy, with no violation', async ({ page }) => {
  const seen = await watch(page);
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('صفحه پیدا نشد');
  // Styled: the stylesheet applied (Tailwind's text-2xl is 1.5rem), not blocked by the CSP.
  expect(await heading.evaluate((h) => getComputedStyle(h).fontSize)).toBe('24px');
  await expect(page.getByRole('link', { name: 'بازگشت به جستجو' })).toHaveAttribute('href', '/');
  const problems = (await seen.problems()).filter((p) => !p.startsWith('HTTP 404: ') || !p.endsWith('/no-such-page'));
  expect(problems).toEqual([]);
});

test('article text is data: markup in a title and body is shown as text and never runs', async ({ page, request }) => {
  const seen = await watch(page);

  // The server's HTML holds the markup escaped, never as tags.
  const raw = await (await request.get(`/?q=${encodeURIComponent(HOSTILE_QUERY)}`)).text();
  expect(raw).not.toContain(SCRIPT);
  expect(raw).not.toContain('<img src=x');
  expect(raw).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');

  // The search page, searching as a person does.
  await page.goto('/');
  await searchbox(page).fill(HOSTILE_QUERY);
  const result = page.locator(`[data-testid="result"][data-id="${HOSTILE_ID}"]`);
  await expect(result).toBeVisible();
  await expect(result.getByRole('heading')).toContainText(SCRIPT);
  await expect(result.getByRole('heading')).toContainText(IMG);
  await expect(result.getByTestId('snippet').first()).toBeVisible();
  await checkNothingRan(page);
  expect(await result.locator('script, img, b').count()).toBe(0);

  // The article page.
  await result.locator('[data-result-link]').first().click();
  await expect(page).toHaveURL(new RegExp(`/articles/${HOSTILE_ID}\\?`));
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toContainText(SCRIPT);
  await expect(h1).toContainText(IMG);
  const body = page.locator('article');
  await expect(body).toContainText(SCRIPT);
  await expect(body).toContainText(IMG);
  await expect(body).toContainText(ENTITIES);
  await expect(body).toContainText('&amp;amp;');
  await expect(body).toContainText('<b>درشت</b>');
  await expect(body).toContainText(JS_LINK_TEXT);
  expect(await page.locator('article script, article img, article b').count()).toBe(0);
  // «لینک خبر: javascript:alert(1)» is not a link, nor shown as the original's address.
  await expect(page.getByTestId('original-url')).toHaveCount(0);
  await checkNothingRan(page);

  // The same article loaded directly (server-rendered, then hydrated).
  await page.goto(`/articles/${HOSTILE_ID}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(SCRIPT);
  await checkNothingRan(page);

  // And the API says so too: no url, the title as plain text segments.
  const api = await (await request.get(`/api/articles/${HOSTILE_ID}`)).json();
  expect(api.url).toBeNull();
  expect(api.title.map((s: { text: string }) => s.text).join('')).toContain(SCRIPT);

  expect(await seen.problems()).toEqual([]);
});

async function checkNothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(await page.locator('a[href^="javascript:" i], a[href*="javascript:" i]').count()).toBe(0);
  expect(await page.locator('img[src="x"], [onerror]').count()).toBe(0);
}
