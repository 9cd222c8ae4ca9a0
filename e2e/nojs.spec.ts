import { expect, test, totalOf } from './helpers';

test.use({ javaScriptEnabled: false });

test('without JavaScript: the search form submits the query and keeps the filters', async ({ page }) => {
  await page.goto(`/?source=${encodeURIComponent('ایسنا')}&sort=oldest`);
  await page.getByRole('searchbox', { name: 'جستجو' }).fill('کتابخانه');
  await page.getByRole('button', { name: 'جستجو', exact: true }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === 'کتابخانه' && url.searchParams.get('source') === 'ایسنا' && url.searchParams.get('sort') === 'oldest');
  await expect(page.getByTestId('result')).toHaveCount(1);
});

test('without JavaScript: timeline bars, sort and pages are plain links', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('year-facet').getByRole('link', { name: /۱۴۰۱/ }).click();
  await expect(page).toHaveURL(/\?from=1401&to=1401$/);
  expect(await totalOf(page)).toBe(12);
  await page.getByTestId('pagination').getByRole('link', { name: /صفحهٔ بعد/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId('result')).toHaveCount(2);
});

test('without JavaScript: the date boxes submit, and an impossible date gets a Persian message', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('کتاب')}`);
  const from = page.getByTestId('date-from');
  await from.getByLabel('سال').fill('۱۴۰۰');
  await from.getByLabel('ماه').fill('۱۲');
  await from.getByLabel('روز').fill('۳۰');
  await page.getByRole('button', { name: 'اعمال تاریخ' }).click();
  await expect(page.getByTestId('date-error')).toContainText('۱۴۰۰/۱۲/۳۰ وجود ندارد');
  await expect(page.getByTestId('date-from').getByLabel('روز')).toHaveValue('۳۰');

  await page.getByTestId('date-from').getByLabel('روز').fill('29');
  await page.getByTestId('date-to').getByLabel('سال').fill('1401');
  await page.getByRole('button', { name: 'اعمال تاریخ' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get('from') === '1400-12-29' && url.searchParams.get('to') === '1401' && url.searchParams.get('q') === 'کتاب');
  expect(new URL(page.url()).searchParams.has('fy')).toBe(false);
});

test('without JavaScript: source and tag checkboxes apply with a button; chips are links', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('source-facet').getByRole('checkbox', { name: /ایسنا/ }).check();
  await page.getByTestId('source-facet').getByRole('checkbox', { name: /تسنیم/ }).check();
  await page.getByRole('button', { name: 'اعمال فیلترها' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.getAll('source').join('|') === 'ایسنا|تسنیم');
  // 15 + 12, and IRNA's copy of Tasnim's Sarakhs story: the page groups by story, a story kept by any copy's source.
  expect(await totalOf(page)).toBe(28);
  await page.getByRole('link', { name: 'برداشتن فیلتر منبع: تسنیم' }).click();
  await expect(page).toHaveURL((url) => url.searchParams.getAll('source').join('|') === 'ایسنا');
  expect(await totalOf(page)).toBe(15);
});

test('without JavaScript: a whole date typed in the year box and the میلادی mode reach the URL as meant', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('date-from').getByLabel('سال').fill('۱۴۰۱/۳/۱');
  await page.getByRole('button', { name: 'اعمال تاریخ' }).click();
  await expect(page).toHaveURL(/\?from=1401-03-01$/);

  await page.goto('/');
  await page.getByRole('radio', { name: 'میلادی' }).check();
  await page.getByTestId('date-from').getByLabel('سال').fill('1401');
  await page.getByRole('button', { name: 'اعمال تاریخ' }).click();
  await expect(page.getByTestId('date-error')).toContainText('سال میلادی');
  await page.getByTestId('date-from').getByLabel('سال').fill('2023');
  await page.getByRole('button', { name: 'اعمال تاریخ' }).click();
  await expect(page).toHaveURL(/\?from=2023$/);
});

test('without JavaScript: the article page shows no control that needs it (copy, previous/next match), the first match stays a link', async ({ page }) => {
  await page.goto(`/articles/5501001?q=${encodeURIComponent('کتابخانه')}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('کتابخانه ملی');
  await expect(page.getByTestId('copy-citation')).toHaveCount(0);
  const nav = page.getByTestId('match-nav');
  await expect(nav.getByRole('link', { name: 'رفتن به نخستین مورد' })).toHaveAttribute('href', /#/);
  await expect(nav.getByRole('button')).toHaveCount(0);
});
