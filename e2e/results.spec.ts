import { expect, settled, test, totalOf, urlParams } from './helpers';

test('a result: highlighted title, Persian date with the Gregorian on hover, source, tags, up to 3 snippets, the original link', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('کتابخانه ملی')}`);
  const r = page.getByTestId('result').first();
  await expect(r.getByRole('heading').locator('mark')).toHaveText(['کتابخانه', 'ملی']);
  const time = r.locator('time');
  await expect(time).toHaveText('۱۵ خرداد ۱۴۰۲');
  await expect(time).toHaveAttribute('title', '2023-06-05 10:30 (Tehran)');
  await expect(r.getByTestId('result-source')).toHaveText('ایسنا');
  await expect(r.getByTestId('result-tags').getByRole('link')).toHaveText(['کتابخانه ملی', 'فرهنگ', 'کتاب']);
  const snippets = r.getByTestId('snippet');
  expect(await snippets.count()).toBeGreaterThanOrEqual(1);
  expect(await snippets.count()).toBeLessThanOrEqual(3);
  const url = r.getByTestId('original-url');
  await expect(url).toHaveAttribute('href', 'https://example.ir/news/5501001');
  expect(await url.evaluate((a) => a.parentElement!.tagName + ':' + a.parentElement!.getAttribute('dir'))).toBe('BDI:ltr');
});

test('results are a list; an undated article says so; no link for a result without an http(s) URL', async ({ page }) => {
  await page.goto('/?sort=oldest&size=100');
  await expect(page.getByTestId('results')).toHaveJSProperty('tagName', 'OL');
  const last = page.getByTestId('result').last();
  await expect(last).toHaveAttribute('data-id', 'kavosh-rec-008');
  await expect(last).toContainText('بی‌تاریخ');
  await expect(last.getByTestId('original-url')).toHaveCount(0);
});

test('sort: newest, oldest and relevance, in the URL', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('کتاب')}`);
  const sort = page.getByTestId('sort');
  await expect(sort.getByRole('link', { name: 'مرتبط‌ترین' })).toHaveAttribute('aria-current', 'true');
  const datesOf = () => page.getByTestId('result').locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));

  await sort.getByRole('link', { name: 'قدیمی‌ترین' }).click();
  await expect(page).toHaveURL(/sort=oldest/);
  await settled(page);
  const oldest = await datesOf();
  expect(oldest).toEqual([...oldest].sort((a, b) => Date.parse(a) - Date.parse(b)));

  await sort.getByRole('link', { name: 'تازه‌ترین' }).click();
  await expect(page).toHaveURL(/sort=newest/);
  await settled(page);
  const newest = await datesOf();
  expect(newest).toEqual([...newest].sort((a, b) => Date.parse(b) - Date.parse(a)));
  await expect(sort.getByRole('link', { name: 'تازه‌ترین' })).toHaveAttribute('aria-current', 'true');
  expect(urlParams(page).get('q')).toBe('کتاب');
});

test('pages: the page is in the URL, next/previous and numbers move through every result', async ({ page, request }) => {
  // The page groups copies of one story into one result (group=story) and pages over the stories.
  const { total, stories } = (await (await request.get('/api/search?q=&group=story')).json()) as { total: number; stories: number };
  const lastPage = Math.ceil(stories / 10);
  await page.goto('/');
  expect(await totalOf(page)).toBe(total);
  const firstIds = await page.getByTestId('result').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  const pages = page.getByTestId('pagination');
  await pages.getByRole('link', { name: /صفحهٔ بعد/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await settled(page);
  await expect(pages.getByRole('link', { name: 'صفحهٔ ۲' })).toHaveAttribute('aria-current', 'page');
  const secondIds = await page.getByTestId('result').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  expect(secondIds).toHaveLength(10);
  expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
  const fa = (n: number) => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
  await pages.getByRole('link', { name: `صفحهٔ ${fa(lastPage)}` }).click();
  await expect(page).toHaveURL(new RegExp(`page=${lastPage}`));
  await expect(page.getByTestId('result')).toHaveCount(stories - (lastPage - 1) * 10);
  await expect(pages.getByRole('link', { name: /صفحهٔ بعد/ })).toHaveCount(0);
  await pages.getByRole('link', { name: /صفحهٔ قبل/ }).click();
  await expect(page).toHaveURL(new RegExp(`page=${lastPage - 1}`));
  // A filter change goes back to page 1.
  await page.getByTestId('sort').getByRole('link', { name: 'قدیمی‌ترین' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('sort') === 'oldest' && !url.searchParams.has('page'));
});
