import { type Locator, type Page, expect, faNumber, settled, test, totalOf, urlParams } from './helpers';

async function center(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function dragAcross(page: Page, from: Locator, to: Locator) {
  const a = await center(from);
  const b = await center(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 10 });
  await page.mouse.up();
}

const bar = (page: Page, key: string) => page.locator(`svg [data-key="${key}"]`);

test('timeline: a bar shows its count on hover, and clicking it filters to that year', async ({ page }) => {
  await page.goto('/');
  const y1402 = page.getByTestId('year-facet').getByRole('link', { name: /۱۴۰۲/ });
  await expect(y1402.locator('title')).toHaveText('۱۴۰۲: ۲۰ خبر');
  await y1402.click();
  await expect(page).toHaveURL(/\?from=1402&to=1402$/);
  await settled(page);
  expect(await totalOf(page)).toBe(20);
  // One year chosen: the chart goes per month, with Persian month names, and the text alternative agrees.
  const months = page.getByTestId('month-facet');
  await expect(months.getByRole('link')).toHaveCount(12);
  const table = page.getByTestId('timeline-table');
  await expect(table.locator('tbody tr').first()).toContainText('فروردین ۱۴۰۲');
  await expect(table.locator('tbody tr').last()).toContainText('اسفند ۱۴۰۲');
  const counts = await table.locator('tbody td').allInnerTexts();
  expect(counts.reduce((sum, c) => sum + faNumber(c), 0)).toBe(20);
});

test('timeline: dragging across year bars selects their range; «پاک کردن تاریخ» clears it', async ({ page }) => {
  await page.goto('/?sort=oldest');
  await expect(bar(page, '1400')).toBeVisible();
  await dragAcross(page, bar(page, '1400'), bar(page, '1402'));
  await expect.poll(() => [urlParams(page).get('from'), urlParams(page).get('to')]).toEqual(['1400', '1402']);
  expect(urlParams(page).get('sort')).toBe('oldest');
  await settled(page);
  expect(await totalOf(page)).toBe(10 + 12 + 20);
  // Three years: still per year, with the range marked.
  await expect(page.locator('[data-testid="year-facet"] a[aria-current="true"]')).toHaveCount(3);
  for (const date of await page.getByTestId('result').locator('time').allInnerTexts()) expect(date).toMatch(/۱۴۰[۰۱۲]$/);
  await page.getByTestId('clear-dates').click();
  await expect(page).toHaveURL((url) => !url.searchParams.has('from') && !url.searchParams.has('to'));
});

test('timeline: dragging across month bars selects months, in either direction', async ({ page }) => {
  await page.goto('/?from=1402&to=1402');
  // Right to left: Farvardin is the rightmost bar. Drag from Tir back to Ordibehesht.
  await dragAcross(page, bar(page, '1402-04'), bar(page, '1402-02'));
  await expect.poll(() => [urlParams(page).get('from'), urlParams(page).get('to')]).toEqual(['1402-02', '1402-04']);
  await settled(page);
  expect(await totalOf(page)).toBe(1 + 2 + 2);
  await expect(page.getByTestId('chips')).toContainText('از اردیبهشت ۱۴۰۲ تا تیر ۱۴۰۲');
});

test('date inputs take Persian or Latin digits and reject an impossible date with a message', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('کتاب')}`);
  const from = page.getByTestId('date-from');
  const to = page.getByTestId('date-to');
  await from.getByLabel('سال').fill('۱۴۰۰');
  await from.getByLabel('ماه').fill('۱۲');
  await from.getByLabel('روز').fill('۳۰');
  await page.getByRole('button', { name: 'اعمال تاریخ' }).click();
  await expect(page.getByTestId('date-error')).toContainText('۱۴۰۰/۱۲/۳۰ وجود ندارد');
  await expect(from.getByLabel('سال')).toHaveAttribute('aria-invalid', 'true');
  expect(urlParams(page).has('from')).toBe(false);

  // 1399 was a leap year: 30 Esfand 1399 exists.
  await from.getByLabel('سال').fill('1399');
  await to.getByLabel('سال').fill('1402');
  await to.getByLabel('ماه').fill('3');
  await page.getByRole('button', { name: 'اعمال تاریخ' }).click();
  await expect.poll(() => [urlParams(page).get('from'), urlParams(page).get('to')]).toEqual(['1399-12-30', '1402-03']);
  await expect(page.getByTestId('date-error')).toBeEmpty();
  await settled(page);
  // The boxes show the filter in Persian digits.
  await expect(page.getByTestId('date-to').getByLabel('ماه')).toHaveValue('۳');

  // A backwards range is refused too.
  await page.getByTestId('date-from').getByLabel('سال').fill('1403');
  await page.getByRole('button', { name: 'اعمال تاریخ' }).click();
  await expect(page.getByTestId('date-error')).toContainText('پس از');
});

test('sources and tags: OR within a list, AND across lists, chips, «پاک کردن همه»', async ({ page }) => {
  await page.goto('/');
  const sources = page.getByTestId('source-facet');
  await sources.getByRole('checkbox', { name: /ایسنا/ }).check();
  await expect.poll(() => urlParams(page).getAll('source')).toEqual(['ایسنا']);
  await settled(page);
  expect(await totalOf(page)).toBe(15);
  for (const s of await page.getByTestId('result-source').allInnerTexts()) expect(s.replace('ي', 'ی')).toBe('ایسنا');

  await sources.getByRole('checkbox', { name: /تسنیم/ }).check();
  await expect.poll(() => urlParams(page).getAll('source')).toEqual(['ایسنا', 'تسنیم']);
  await settled(page);
  // The page groups by story, and a story stays when any copy is from a chosen source: IRNA's copy (5846013) of
  // Tasnim's Sarakhs story comes with it.
  expect(await totalOf(page)).toBe(15 + 12 + 1);
  await expect(sources.getByRole('checkbox', { name: /ایسنا/ })).toBeChecked();

  const tags = page.getByTestId('tag-facet');
  const tag = tags.getByRole('checkbox').first();
  const tagName = (await tag.getAttribute('value'))!;
  const tagCount = Number(await tag.getAttribute('data-count'));
  await tag.check();
  await expect.poll(() => urlParams(page).getAll('tag')).toEqual([tagName]);
  await settled(page);
  expect(await totalOf(page)).toBe(tagCount);

  const chips = page.getByTestId('chip');
  await expect(chips).toHaveCount(3);
  await page.getByRole('link', { name: 'برداشتن فیلتر منبع: ایسنا' }).click();
  await expect.poll(() => urlParams(page).getAll('source')).toEqual(['تسنیم']);
  await expect(page.getByTestId('chip')).toHaveCount(2);
  await page.getByTestId('clear-all').click();
  await expect.poll(() => [...urlParams(page).keys()]).toEqual([]);
  await expect(page.getByTestId('chips')).toHaveCount(0);
});
