import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, settled, test, totalOf, urlParams, type Page } from './helpers';

// The sample archive has articles in 1385 and 1399–1403; «تهران» and «بازار» are in most of those years.
const TWO = `q=${encodeURIComponent('تهران')}&q=${encodeURIComponent('بازار')}&from=1399&to=1403`;
const byYear = `/trends?${TWO}&interval=year`;

const chart = (page: Page) => page.getByTestId('trend-chart');
const points = (page: Page) => chart(page).locator('a[data-point]');

test('compares two queries on one chart: a line and a legend entry each, the table beside', async ({ page }) => {
  await page.goto(byYear);
  await expect(page.getByTestId('legend-item')).toHaveCount(2);
  await expect(page.getByTestId('legend-item').first()).toContainText('تهران');
  await expect(chart(page).getByTestId('series')).toHaveCount(2);
  await expect(chart(page)).toHaveAttribute('data-periods', '5');
  // Time runs right to left: 1399 is the rightmost label.
  const labels = chart(page).getByTestId('x-label');
  const first = await labels.filter({ hasText: '۱۳۹۹' }).boundingBox();
  const last = await labels.filter({ hasText: '۱۴۰۳' }).boundingBox();
  expect(first!.x).toBeGreaterThan(last!.x);
  await page.getByTestId('trend-table-details').locator('summary').click();
  await expect(page.getByTestId('trend-row')).toHaveCount(5);
  const row1402 = page.locator('[data-testid=trend-row][data-period="1402"]');
  // 1402 holds 20 articles: its share is certain; 1399 (6) is not.
  await expect(row1402).not.toContainText('نامطمئن');
  await expect(page.locator('[data-testid=trend-row][data-period="1399"]')).toContainText('نامطمئن');
});

test('toggles the measure from share to count and back, in the URL', async ({ page }) => {
  await page.goto(byYear);
  await expect(chart(page)).toHaveAttribute('data-measure', 'share');
  await expect(chart(page).getByTestId('y-label').first()).toContainText('٪');
  await page.getByTestId('measure-switch').getByText('شمار').click();
  await expect(chart(page)).toHaveAttribute('data-measure', 'count');
  expect(urlParams(page).get('measure')).toBe('count');
  await expect(chart(page).getByTestId('y-label').first()).not.toContainText('٪');
  // Counts are exact: no point is drawn as uncertain.
  await expect(chart(page).locator('[data-uncertain]')).toHaveCount(0);
  await page.getByTestId('measure-switch').getByText('سهم').click();
  await expect(chart(page)).toHaveAttribute('data-measure', 'share');
  expect(urlParams(page).has('measure')).toBe(false);
});

test('switches the interval from year to month and week', async ({ page }) => {
  await page.goto(byYear);
  await page.getByTestId('interval-switch').getByText('ماه').click();
  await expect(chart(page)).toHaveAttribute('data-periods', '60');
  expect(urlParams(page).get('interval')).toBe('month');
  expect(urlParams(page).getAll('q')).toEqual(['تهران', 'بازار']);
  await page.goto(`/trends?q=${encodeURIComponent('تهران')}&from=1402&to=1402`);
  // One year is drawn by week, chosen from the range.
  await expect(page.getByTestId('interval-switch').locator('[aria-current]')).toHaveText('هفته');
  const periods = Number(await chart(page).getAttribute('data-periods'));
  expect(periods).toBeGreaterThanOrEqual(52);
  expect(periods).toBeLessThanOrEqual(54);
});

test('a point opens the search for that query in that period, which finds what the point counted', async ({ page }) => {
  await page.goto(byYear);
  const point = points(page).and(page.locator('[data-q="تهران"][data-period="1402"]'));
  const count = Number(await point.getAttribute('data-count'));
  expect(count).toBeGreaterThan(0);
  await point.click();
  await expect(page).toHaveURL(/^[^?]*\/\?/);
  await settled(page);
  expect(Object.fromEntries(urlParams(page))).toMatchObject({ q: 'تهران', from: '1402-01-01', to: '1402-12-29' });
  expect(await totalOf(page)).toBe(count);
});

test('shows a point\'s figures on focus (JavaScript)', async ({ page }) => {
  await page.goto(byYear);
  const point = points(page).first();
  await point.focus();
  const tip = page.getByTestId('trend-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(`${Number(await point.getAttribute('data-count')).toLocaleString('fa-IR')} مقاله از`);
});

test('downloads the CSV and reads it back: BOM, one row per period and query, the counts of the table', async ({ page }) => {
  await page.goto(byYear);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('trend-csv').click()]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('query,period,label_jalali,start_jalali,end_jalali,start_gregorian,end_gregorian,count,period_total,share,uncertain,counted');
  // 5 years × 2 queries, then each query's undated row.
  expect(lines).toHaveLength(1 + 5 * 2 + 2);
  const tehran1402 = lines.find((l) => l.startsWith('تهران,1402,'))!.split(',');
  const point = points(page).and(page.locator('[data-q="تهران"][data-period="1402"]'));
  expect(tehran1402[7]).toBe(await point.getAttribute('data-count'));
  expect(tehran1402[8]).toBe('20');
  expect(tehran1402[5]).toBe('2023-03-21');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the form draws the chart, and the switches work as links', async ({ page }) => {
    test.slow(); // four page loads; over 30 s when the shared machine is busy
    await page.goto('/trends');
    await expect(page.getByTestId('trend-intro')).toBeVisible();
    await page.getByTestId('trend-q').nth(0).fill('تهران');
    await page.getByTestId('trend-q').nth(1).fill('بازار');
    await page.getByTestId('trend-from').fill('1399');
    await page.getByTestId('trend-to').fill('1403');
    await page.getByTestId('trend-submit').click();
    await expect(chart(page).getByTestId('series')).toHaveCount(2);
    expect(urlParams(page).getAll('q').filter(Boolean)).toEqual(['تهران', 'بازار']);
    await page.getByTestId('interval-switch').getByText('سال').click();
    await expect(chart(page)).toHaveAttribute('data-periods', '5');
    // A point's figures are in its SVG title (the browser's own tooltip).
    await expect(points(page).first().locator('title')).toContainText('مقاله');
  });

  test('the split by source draws one small chart per source', async ({ page }) => {
    await page.goto(`${byYear}&view=source`);
    const charts = page.getByTestId('source-chart');
    expect(await charts.count()).toBeGreaterThan(1);
    await expect(page.getByTestId('by-source-table').locator('tbody tr')).toHaveCount(await charts.count());
  });
});

test('the search page links «روند در زمان» with its query and filters', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('تهران')}&from=1399&source=${encodeURIComponent('ایسنا')}&sort=newest`);
  await page.getByTestId('trends-link').click();
  await expect(page).toHaveURL(/\/trends\?/);
  expect(Object.fromEntries(urlParams(page))).toEqual({ q: 'تهران', from: '1399', source: 'ایسنا' });
  await expect(chart(page).getByTestId('series')).toHaveCount(1);
});

test('a bad parameter is explained in Persian, naming it', async ({ page }) => {
  await page.goto(`${byYear}&measure=ratio`);
  await expect(page.getByTestId('trend-error')).toContainText('measure');
  await expect(page.getByTestId('param-error-fa')).toContainText('share');
});

test('at phone width (390 px) nothing lies outside the viewport, and the narrow chart is drawn', async ({ page }) => {
  test.slow();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of [byYear, `/trends?${TWO}&interval=month&view=source`]) {
    await page.goto(url);
    await page.getByTestId('trend-table-details').locator('summary').click();
    const overflow = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || el.closest('.overflow-x-auto')) continue;
        if (r.right > innerWidth + 1 || r.left < -1) out.push(`${el.tagName}.${el.getAttribute('data-testid') ?? ''} ${Math.round(r.left)}..${Math.round(r.right)}`);
      }
      return { scroll: document.documentElement.scrollWidth, out: out.slice(0, 5) };
    });
    expect(overflow).toEqual({ scroll: 390, out: [] });
  }
  await page.goto(byYear);
  await expect(page.getByTestId('trend-chart-narrow')).toBeVisible();
  await expect(chart(page)).toBeHidden();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violations (${scheme})`, async ({ page }) => {
    test.setTimeout(120_000); // each axe run takes seconds on the shared 2-core machine
    await page.emulateMedia({ colorScheme: scheme });
    for (const url of [byYear, `${byYear}&view=source`]) {
      await page.goto(url);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
      expect({ url, serious }).toEqual({ url, serious: [] });
    }
  });
}
