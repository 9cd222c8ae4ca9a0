import { expect, settled, test, totalOf, urlParams, type Page } from './helpers';

const apply = (page: Page) => page.getByRole('button', { name: 'اعمال تاریخ' }).click();

async function totalAt(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await settled(page);
  return totalOf(page);
}

test('«84» in the year box is Jalali 1384, and the page says so (never a year 84)', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('date-from').getByLabel('سال').fill('84');
  await apply(page);
  await expect.poll(() => urlParams(page).get('from')).toBe('84');
  await settled(page);
  await expect(page.getByTestId('chips')).toContainText('۸۴ ← ۱۳۸۴');
  await expect(page.getByTestId('date-from').getByLabel('سال')).toHaveValue('۱۳۸۴');
  await expect(page.getByTestId('timeline-table')).not.toContainText(/^۸۴$/m);
});

test('a two-digit year counts the 1300s year: «۹۹» finds what 1399 finds', async ({ page }) => {
  const expected = await totalAt(page, '/?from=1399&to=1399');
  expect(expected).toBeGreaterThan(0);
  expect(await totalAt(page, '/?from=99&to=99')).toBe(expected);
});

test('«2023» is the Gregorian year, shown as the Jalali days it covers, with no bar labelled ۲۰۲۳', async ({ page }) => {
  const expected = await totalAt(page, '/?from=1401-10-11&to=1402-10-10');
  await page.goto('/');
  await page.getByTestId('date-from').getByLabel('سال').fill('2023');
  await page.getByTestId('date-to').getByLabel('سال').fill('۲۰۲۳');
  await apply(page);
  await expect.poll(() => [urlParams(page).get('from'), urlParams(page).get('to')]).toEqual(['2023', '2023']);
  await settled(page);
  expect(await totalOf(page)).toBe(expected);
  await expect(page.getByTestId('chips')).toContainText('۲۰۲۳ ← ۱۴۰۱/۱۰/۱۱ تا ۱۴۰۲/۱۰/۱۰');
  await expect(page.getByTestId('timeline-table')).not.toContainText('۲۰۲۳');
  // The form reopens in the Gregorian mode, showing what was typed.
  await expect(page.getByRole('radio', { name: 'میلادی' })).toBeChecked();
  await expect(page.getByTestId('date-from').getByLabel('سال')).toHaveValue('۲۰۲۳');
});

test('a pasted «1401/3/1» fills year, month and day instead of being cut to the year', async ({ page }) => {
  await page.goto('/');
  const year = page.getByTestId('date-from').getByLabel('سال');
  await expect.poll(() => year.evaluate((el) => Object.keys(el).some((k) => k.startsWith('__react')))).toBe(true);
  await year.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', '1401/3/1');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(year).toHaveValue('1401');
  await expect(page.getByTestId('date-from').getByLabel('ماه')).toHaveValue('3');
  await expect(page.getByTestId('date-from').getByLabel('روز')).toHaveValue('1');
  await apply(page);
  await expect.poll(() => urlParams(page).get('from')).toBe('1401-03-01');
});

test('the Gregorian mode («میلادی») takes a Gregorian day and refuses a Jalali year', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: 'میلادی' }).check();
  const from = page.getByTestId('date-from');
  await from.getByLabel('سال').fill('1401');
  await apply(page);
  await expect(page.getByTestId('date-error')).toContainText('سال میلادی باید از ۱۹۰۰ تا ۲۱۰۰ باشد');
  expect(urlParams(page).has('from')).toBe(false);

  await from.getByLabel('سال').fill('2023');
  await from.getByLabel('ماه').fill('3');
  await from.getByLabel('روز').fill('21');
  await apply(page);
  await expect.poll(() => urlParams(page).get('from')).toBe('2023-03-21');
  await settled(page);
  await expect(page.getByTestId('chips')).toContainText('از ۲۰۲۳/۰۳/۲۱ ← ۱۴۰۲/۰۱/۰۱');
});

test('old links keep their meaning: from=1402&to=1402 is still Jalali 1402', async ({ page }) => {
  await page.goto('/?from=1402&to=1402');
  await settled(page);
  await expect(page.getByTestId('chips')).toContainText('۱۴۰۲');
  await expect(page.getByTestId('chips')).not.toContainText('←');
  await expect(page.getByRole('radio', { name: 'شمسی' })).toBeChecked();
});

test('the API reads from/to as the box does and refuses 1401/13/1 naming the parameter', async ({ request }) => {
  const gregorian = await (await request.get('/api/search?q=&from=2023&to=2023')).json();
  const jalali = await (await request.get('/api/search?q=&from=1401-10-11&to=1402-10-10')).json();
  expect(gregorian.total).toBe(jalali.total);
  const bad = await request.get(`/api/search?q=&from=${encodeURIComponent('1401/13/1')}`);
  expect(bad.status()).toBe(400);
  expect(JSON.stringify(await bad.json())).toContain('from: month 13');
});

test('a one-day filter’s timeline bar counts that day, as the total does', async ({ page, request }) => {
  const month = await (await request.get('/api/search?q=&from=1402-01&to=1402-01')).json();
  expect(month.total).toBeGreaterThan(1);
  const day: string = month.results[0].jalaliDate;
  await page.goto(`/?from=${day}&to=${day}`);
  await settled(page);
  const total = await totalOf(page);
  expect(total).toBeLessThan(month.total);
  const row = page.getByTestId('timeline-table').getByRole('row', { name: /فروردین ۱۴۰۲/ });
  await expect(row.getByRole('cell')).toHaveText(String(total).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]));
});
