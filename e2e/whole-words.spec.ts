// What the page counts: whole words once the user has stopped typing, and how
// each word was matched, beside the total.
import { expect, hydrated, searchbox, settled, test, totalOf, urlParams } from './helpers';

const apiTotal = async (request: import('@playwright/test').APIRequestContext, query: string) =>
  (await (await request.get(`/api/search?${query}`)).json()).total as number;

test('a submitted or linked «دانش» counts the word, not «دانشگاه»', async ({ page, request }) => {
  const whole = await apiTotal(request, `q=${encodeURIComponent('دانش')}`);
  const typed = await apiTotal(request, `q=${encodeURIComponent('دانش')}&prefix=last`);
  expect(typed).toBeGreaterThan(whole); // «دانشگاه» and «دانشجو» are in the sample
  await page.goto(`/?q=${encodeURIComponent('دانش')}`);
  expect(await totalOf(page)).toBe(whole);
  await expect(page.getByTestId('typing-note')).toHaveCount(0);
  const marks = await page.getByTestId('result').locator('mark').allInnerTexts();
  expect(marks.some((m) => m.startsWith('دانشگاه'))).toBe(false);
});

test('typing asks for live results with the last word as a prefix, then settles on whole words', async ({ page, request }) => {
  const whole = await apiTotal(request, `q=${encodeURIComponent('دانش')}`);
  const asked: URL[] = [];
  page.on('request', (r) => asked.push(new URL(r.url())));
  await page.goto('/');
  await expect.poll(() => hydrated(page, '#q')).toBe(true);
  await searchbox(page).pressSequentially('دانش', { delay: 30 });
  // While typing: the live search asks for the prefix (a slow server may land only the settled one).
  await expect.poll(() => asked.some((u) => u.searchParams.get('prefix') === 'last' && u.searchParams.has('q'))).toBe(true);
  // After a pause: the whole-word answer, and no live label.
  await expect.poll(() => urlParams(page).get('q')).toBe('دانش');
  await expect.poll(() => urlParams(page).has('prefix')).toBe(false);
  await settled(page);
  await expect(page.getByTestId('typing-note')).toHaveCount(0);
  expect(await totalOf(page)).toBe(whole);
});

test('a link made while typing (sort, facets) gives whole words', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('کتاب')}&prefix=last`);
  await expect(page.getByTestId('typing-note')).toBeVisible();
  const href = await page.getByTestId('sort').getByRole('link', { name: 'تازه‌ترین' }).getAttribute('href');
  expect(new URLSearchParams(href!.split('?')[1]).has('prefix')).toBe(false);
  const csv = await page.getByTestId('export-csv').getAttribute('href');
  expect(new URLSearchParams(csv!.split('?')[1]).has('prefix')).toBe(false);
});

test('beside the total: the forms of «کتاب» with their counts, and one can be left out', async ({ page, request }) => {
  await page.goto(`/?q=${encodeURIComponent('کتاب')}`);
  const forms = page.getByTestId('matched-forms');
  await forms.getByText('شکل‌هایی که شمرده شد').click();
  const word = forms.locator('[data-testid="word-forms"][data-word="کتاب"]');
  await expect(word.locator('[data-form="کتاب"]')).toContainText(/[۰-۹]/);
  const plural = word.locator('[data-form="کتابها"]');
  await expect(plural).toBeVisible();
  // Nothing the whole word does not match is listed.
  await expect(word.locator('[data-form="کتابخانه"]')).toHaveCount(0);
  await plural.getByTestId('leave-out').click();
  await expect.poll(() => urlParams(page).get('q')).toBe('کتاب -"کتابها"');
  await settled(page);
  expect(await totalOf(page)).toBe(await apiTotal(request, `q=${encodeURIComponent('کتاب -"کتابها"')}`));
  expect(await totalOf(page)).toBeLessThan(await apiTotal(request, `q=${encodeURIComponent('کتاب')}`));
});

test('«*» after one letter is refused in the parsed-query line, not with an error', async ({ page, request }) => {
  const res = await request.get(`/api/search?q=${encodeURIComponent('ک* کتاب')}`);
  expect(res.status()).toBe(200);
  expect((await res.json()).query.notices[0]).toMatchObject({ code: 'prefix_too_short', text: 'ک' });
  await page.goto(`/?q=${encodeURIComponent('ک* کتاب')}`);
  await expect(page.getByTestId('query-notice')).toContainText('دست‌کم دو حرف');
});

test('«کتاب*» asks for the prefix explicitly, on a submitted search', async ({ page, request }) => {
  await page.goto(`/?q=${encodeURIComponent('کتاب*')}`);
  expect(await totalOf(page)).toBe(await apiTotal(request, `q=${encodeURIComponent('کتاب')}&prefix=last`));
  await expect(page.getByTestId('typing-note')).toHaveCount(0);
});

test('did you mean: a typo gets the archive word with its count, one click, never applied by itself', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('کتابخانهه')}`);
  await expect(page.getByTestId('no-results')).toBeVisible();
  const offer = page.getByTestId('did-you-mean');
  await expect(offer).toContainText('«کتابخانه»');
  await expect(offer).toContainText('۳ مقاله');
  expect(urlParams(page).get('q')).toBe('کتابخانهه');
  await offer.getByTestId('suggestion').click();
  await expect.poll(() => urlParams(page).get('q')).toBe('کتابخانه');
  await settled(page);
  expect(await totalOf(page)).toBe(3);
  await expect(page.getByTestId('did-you-mean')).toHaveCount(0);
});

test('did you mean: a query typed on the Latin keyboard layout («cgcgi») offers «زلزله»', async ({ page }) => {
  await page.goto('/?q=cgcgi');
  await expect(page.getByTestId('did-you-mean').getByTestId('suggestion')).toHaveText('«زلزله»');
});
