import { expect, test } from './helpers';

const search = `/?q=${encodeURIComponent('کتابخانه')}&from=1399&to=1403&sort=oldest&tag=${encodeURIComponent('کتاب')}`;

test('article page: jump to the first and next match, and back to exactly the same search', async ({ page }) => {
  await page.goto(search);
  const before = new URL(page.url());
  await page.locator('[data-testid="result"][data-id="5501001"] [data-result-link]').click();
  await expect(page).toHaveURL(/\/articles\/5501001\?q=/);
  const url = new URL(page.url());
  expect(url.searchParams.get('q')).toBe('کتابخانه');
  expect(url.searchParams.get('back')).toBeTruthy();

  const marks = page.locator('[data-testid="article-body"] mark');
  const count = await marks.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < count; i++) await expect(marks.nth(i)).toHaveAttribute('id', `hit-${i + 1}`);

  await page.getByRole('link', { name: 'رفتن به نخستین مورد' }).click();
  await expect(page.locator('#hit-1')).toHaveClass(/current/);
  await expect(page.locator('#hit-1')).toBeInViewport();
  await page.getByRole('button', { name: /مورد بعدی/ }).click();
  await expect(page.locator('#hit-2')).toHaveClass(/current/);
  await expect(page.locator('#hit-1')).not.toHaveClass(/current/);
  await expect(page.getByTestId('match-position')).toHaveText(/^مورد ۲ از [۰-۹]+$/);

  await page.getByTestId('back-to-results').click();
  await expect(page).toHaveURL((u) => u.pathname === '/' && u.search === before.search);
  expect(new URL(page.url()).hash).toBe('#r-5501001');
  await expect(page.locator('#r-5501001')).toBeInViewport();
});

test('article page: metadata and a citation a researcher can copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/articles/5501001?q=${encodeURIComponent('کتابخانه')}`);
  const meta = page.getByTestId('article-meta');
  await expect(meta).toContainText('۱۵ خرداد ۱۴۰۲');
  await expect(meta).toContainText('2023-06-05');
  await expect(meta).toContainText('ایسنا');
  await expect(meta).toContainText('تهران');
  const citation = page.getByTestId('citation');
  const expected = 'ایسنا، «افتتاح تالار تازه کتابخانه ملی در تهران»، ۱۵ خرداد ۱۴۰۲ (2023-06-05)، https://example.ir/news/5501001';
  await expect(citation).toHaveText(expected);
  await page.getByTestId('copy-citation').click();
  await expect(page.getByText('رونوشت شد')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
});

test('an unknown article is a 404', async ({ page }) => {
  const res = await page.goto('/articles/no-such-article');
  expect(res?.status()).toBe(404);
});
