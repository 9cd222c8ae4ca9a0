import { expect, faNumber, searchbox, test } from './helpers';

// Fixture facts from data/articles/README.md: 5501001 is «افتتاح تالار تازه
// کتابخانه ملی در تهران», written with Persian ی/ک, dated ۱۵ خرداد ۱۴۰۲.

test('the page is Persian, right to left, in the self-hosted Vazirmatn font', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const family = await page.locator('body').evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toMatch(/vazirmatn/i);
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => [...document.fonts].some((f) => /vazirmatn/i.test(f.family) && f.status === 'loaded'))).toBe(true);
});

test('a query typed with Arabic ي/ك finds and highlights an article written with Persian ی/ک', async ({ page }) => {
  await page.goto('/');
  await searchbox(page).fill('كتابخانه ملي');
  await expect(page).toHaveURL(/[?&]q=/);
  const first = page.getByTestId('result').first();
  await expect(first.getByRole('heading')).toContainText('افتتاح تالار تازه کتابخانه ملی در تهران');
  await expect(first.getByRole('heading').locator('mark').first()).toHaveText('کتابخانه');
  await expect(first.getByTestId('snippet').locator('mark').first()).toBeVisible();
  expect(new URL(page.url()).searchParams.get('q')).toBe('كتابخانه ملي');
});

test('clicking a year and then a month filters the results and updates the URL', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('year-facet').getByRole('link', { name: /۱۴۰۱/ }).click();
  await expect(page).toHaveURL(/from=1401&to=1401/);

  const month = page.getByTestId('month-facet').getByRole('link', { name: /فروردین/ });
  const count = faNumber((await month.getAttribute('aria-label'))!.split(':')[1]);
  await month.click();
  await expect(page).toHaveURL(/from=1401-01&to=1401-01/);

  const results = page.getByTestId('result');
  await expect(results).toHaveCount(count);
  for (const date of await results.locator('time').allInnerTexts()) expect(date).toContain('فروردین ۱۴۰۱');
});

test('a search link reproduces the page, rendered on the server without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/?q=${encodeURIComponent('کتابخانه ملی')}&from=1402&to=1402`);
  await expect(page.getByTestId('result').first()).toContainText('کتابخانه ملی');
  await expect(page.getByRole('searchbox', { name: 'جستجو' })).toHaveValue('کتابخانه ملی');
  await expect(page.getByTestId('month-facet')).toBeVisible();
  await context.close();
});

test('opening a result shows the whole article with the query highlighted', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('كتابخانه ملي')}`);
  await page.getByTestId('result').first().getByRole('link').first().click();
  await expect(page).toHaveURL(/\/articles\/5501001\?q=/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('کتابخانه ملی');
  const marks = page.locator('article mark');
  expect(await marks.count()).toBeGreaterThanOrEqual(3);
  await expect(marks.first()).toHaveText('کتابخانه');
  await expect(page.getByTestId('article-meta').getByText('۱۵ خرداد ۱۴۰۲')).toBeVisible();
});
