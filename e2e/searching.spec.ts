import { expect, searchbox, settled, test, totalOf, urlParams } from './helpers';

test('search as you type: typing letter by letter ends on the results of the whole query', async ({ page }) => {
  await page.goto('/');
  await searchbox(page).pressSequentially('کتابخانه ملی', { delay: 40 });
  await expect.poll(() => urlParams(page).get('q')).toBe('کتابخانه ملی');
  await settled(page);
  await expect(page.getByTestId('result')).toHaveCount(1);
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-id', '5501001');
});

test('an older, slower response never overwrites a newer one', async ({ page, request }) => {
  const final = 'زمین لرزه';
  const expected = await (await request.get(`/api/search?q=${encodeURIComponent(final)}`)).json();
  const ids: string[] = expected.results.map((r: { id: string }) => r.id).sort();
  expect(ids.length).toBeGreaterThan(0);
  await page.goto('/');
  let held = 0;
  // Hold back every request for the first query, so it answers after the second.
  await page.route(
    (url) => url.searchParams.get('q') === 'کتابخانه',
    async (route) => {
      held++;
      await new Promise((r) => setTimeout(r, 2000));
      await route.continue().catch(() => {});
    },
  );
  const box = searchbox(page);
  await box.fill('کتابخانه');
  await expect.poll(() => held, { message: 'the first search was sent' }).toBeGreaterThan(0);
  // While it is held: a quiet loading indicator, and the previous results stay.
  await expect(page.getByTestId('loading')).toHaveAttribute('data-pending', 'true');
  await expect(page.getByTestId('result')).toHaveCount(10);
  await box.fill('زمین لرزه');
  await expect.poll(() => urlParams(page).get('q')).toBe('زمین لرزه');
  await expect(page.getByTestId('result')).toHaveCount(ids.length);
  // Let the held response arrive, then check nothing changed.
  await page.waitForTimeout(2500);
  await expect(box).toHaveValue('زمین لرزه');
  expect(urlParams(page).get('q')).toBe('زمین لرزه');
  const shown = await page.getByTestId('result').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  expect(shown.sort()).toEqual(ids);
  expect(await page.getByTestId('result').locator('mark').first().innerText()).toMatch(/زمین|لرزه/);
});

test('the count and time read «N نتیجه در X میلی‌ثانیه» in Persian digits', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('کتابخانه')}`);
  await expect(page.getByTestId('total')).toHaveText(/^[۰-۹٬]+ نتیجه در [۰-۹٫]+ میلی‌ثانیه$/);
  expect(await totalOf(page)).toBe(3);
});

test('the empty query lists the newest articles with the whole archive in the facets', async ({ page, request }) => {
  const archive = (await (await request.get('/api/search?q=')).json()).total as number;
  expect(archive).toBeGreaterThanOrEqual(75); // data/articles/README.md
  await page.goto('/');
  expect(await totalOf(page)).toBe(archive);
  // The result's own date (a story's other copies have theirs inside its <details>).
  const dates = await page.getByTestId('result').locator(':scope > p time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  expect(dates.length).toBe(10);
  expect([...dates].sort().reverse()).toEqual(dates);
  // Every year of the archive is in the timeline, 1385 to 1403.
  await expect(page.getByTestId('timeline-table').locator('tbody tr')).toHaveCount(1403 - 1385 + 1);
  await expect(page.getByTestId('source-facet').getByRole('checkbox')).toHaveCount(6);
});

test('no results: says so, names the words nothing contains, offers to drop each filter', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('کتابخانه')}&from=1385&to=1385&source=${encodeURIComponent('ایسنا')}`);
  await expect(page.getByTestId('no-results')).toContainText('نتیجه‌ای پیدا نشد');
  const drops = page.getByTestId('relaxations').getByRole('link');
  await expect(drops.filter({ hasText: 'بدون فیلتر تاریخ' })).toBeVisible();
  await drops.filter({ hasText: 'بدون فیلتر تاریخ' }).click();
  await expect(page).toHaveURL((url) => !url.searchParams.has('from') && url.searchParams.get('source') === 'ایسنا');
  await expect(page.getByTestId('result')).toHaveCount(1);

  await page.goto(`/?q=${encodeURIComponent('کتابخانه زرافه')}`);
  await expect(page.getByTestId('unmatched')).toContainText('«زرافه»');
  await expect(page.getByTestId('unmatched')).not.toContainText('کتابخانه');
});

test('match mode: «هر یک از کلمات» widens «همهٔ کلمات»', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('کتابخانه زلزله')}`);
  const match = page.getByTestId('match');
  await expect(match.getByRole('link', { name: 'همهٔ کلمات' })).toHaveAttribute('aria-current', 'true');
  expect(await totalOf(page)).toBe(0);
  await match.getByRole('link', { name: 'هر یک از کلمات' }).click();
  await expect(page).toHaveURL(/match=any/);
  await expect(match.getByRole('link', { name: 'هر یک از کلمات' })).toHaveAttribute('aria-current', 'true');
  expect(await totalOf(page)).toBe(5);
  await expect(searchbox(page)).toHaveValue('کتابخانه زلزله');
});

test('the search help explains phrases, exclusion, OR and title-only', async ({ page }) => {
  await page.goto('/');
  const help = page.getByTestId('search-help');
  await expect(help.getByText('"کتابخانه ملی"')).toBeHidden();
  await help.getByText('راهنمای جستجو').click();
  for (const example of ['"کتابخانه ملی"', 'کتابخانه -تبریز', 'زلزله OR زمین‌لرزه', 'title:کتابخانه']) {
    await expect(help.getByText(example, { exact: true })).toBeVisible();
  }
});

test('a query with operators shows how it was understood', async ({ page, request }) => {
  const q = '"کتابخانه ملی" -تبریز';
  const api = await (await request.get(`/api/search?q=${encodeURIComponent(q)}`)).json();
  test.skip(!api.query?.hasOperators, 'the search core does not parse operators yet (query.hasOperators is false)');
  await page.goto(`/?q=${encodeURIComponent(q)}`);
  const parsed = page.getByTestId('parsed-query');
  await expect(parsed).toBeVisible();
  await expect(parsed).toContainText('کتابخانه ملی');
  await expect(parsed).toContainText('بدون');
  await expect(parsed).toContainText('تبریز');
  // The 'Tabriz library' article is left out.
  await expect(page.locator('[data-testid="result"][data-id="4312876"]')).toHaveCount(0);
  await page.goto(`/?q=${encodeURIComponent('کتابخانه')}`);
  await expect(page.getByTestId('parsed-query')).toHaveCount(0);
});
