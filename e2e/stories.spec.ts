// Wire stories on the pages, over the sample archive's saffron story (5915402
// ایرنا, 5915877 همشهری, 5916120 خبرگزاری مهر) and the saffron article of
// Torbat-e Heydarieh that is on the same topic but in no story.
import { expect, faNumber, test } from './helpers';

const saffron = `/?q=${encodeURIComponent('زعفران')}`;
const copies = ['5915402', '5915877', '5916120'];

test('results are grouped by story by default: one result for the three copies, with a «۳ نسخه» badge', async ({ page }) => {
  await page.goto(saffron);
  const results = page.getByTestId('result');
  await expect(results).toHaveCount(2);
  const ids = await results.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
  expect(ids.filter((id) => copies.includes(id))).toHaveLength(1);
  expect(ids).toContain('5604481');
  const story = page.getByTestId('story');
  await expect(story).toHaveCount(1);
  await expect(story.getByTestId('story-badge')).toHaveText('۳ نسخه');
  // The article on the same topic in other words is no copy.
  await expect(page.locator('[data-id="5604481"]').getByTestId('story')).toHaveCount(0);
});

test('the total line states articles and stories', async ({ page }) => {
  await page.goto(saffron);
  await expect(page.getByTestId('total')).toHaveText(/^۴ مقاله در ۲ خبر \([۰-۹٫]+ میلی‌ثانیه\)$/);
});

test('the badge opens the outlets and dates of the other copies, without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(saffron);
  const story = page.getByTestId('story');
  await expect(story.getByTestId('story-copies')).toBeHidden();
  await story.getByTestId('story-badge').click();
  const others = story.getByTestId('story-copy');
  await expect(others).toHaveCount(2);
  const shown = await page.getByTestId('story').locator('xpath=ancestor::li[@data-testid="result"]').getAttribute('data-id');
  const listed = await others.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
  expect([shown!, ...listed].sort()).toEqual(copies);
  await expect(story.getByTestId('story-copies')).toContainText('۱۴۰۳');
  await context.close();
});

test('«همهٔ نسخه‌ها» lists every copy, and the link back groups them again', async ({ page }) => {
  await page.goto(saffron);
  await page.getByTestId('group-switch').getByRole('link', { name: 'همهٔ نسخه‌ها' }).click();
  await expect(page).toHaveURL(/group=none/);
  await expect(page.getByTestId('result')).toHaveCount(4);
  await expect(page.getByTestId('story')).toHaveCount(3);
  await page.getByTestId('group-switch').getByRole('link', { name: 'هر خبر یک نتیجه' }).click();
  await expect(page.getByTestId('result')).toHaveCount(2);
  expect(new URL(page.url()).searchParams.has('group')).toBe(false);
});

test('the counts switch: the timeline counts the story once, or its three copies', async ({ page }) => {
  const most = async () => {
    const cells = await page.getByTestId('timeline-table').locator('td').allInnerTexts();
    return Math.max(...cells.map(faNumber));
  };
  await page.goto(saffron);
  expect(await most()).toBe(1);
  await page.getByTestId('count-switch').getByRole('link', { name: 'مقاله' }).click();
  await expect(page).toHaveURL(/count=articles/);
  await expect.poll(most).toBe(3);
  await expect(page.getByTestId('count-switch').getByRole('link', { name: 'مقاله' })).toHaveAttribute('aria-current', 'true');
});

test('the article page lists the copies, marks the earliest and shows what this copy cut', async ({ page }) => {
  await page.goto('/articles/5916120');
  const panel = page.getByTestId('story-panel');
  const rows = panel.getByTestId('story-copies').getByTestId('story-copy');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toHaveAttribute('data-id', '5915402');
  await expect(rows.first()).toHaveAttribute('data-earliest', 'true');
  await expect(rows.first()).toContainText('نخستین نسخه');
  await expect(rows.first()).toContainText('ایرنا');
  await expect(panel.locator('[data-current="true"]')).toHaveAttribute('data-id', '5916120');
  await expect(rows.nth(1)).toContainText('همشهری');
  // The others link to their pages, with a title.
  await expect(rows.first().getByRole('link')).toHaveAttribute('href', /\/articles\/5915402/);
  const diff = page.getByTestId('story-diff');
  await expect(diff).toContainText('ایرنا');
  await expect(diff.locator('del').first()).toBeVisible();
  await rows.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/articles\/5915402/);
  await expect(page.getByTestId('story-diff')).toHaveCount(0);
});

test('an article in no story has no copies section', async ({ page }) => {
  await page.goto('/articles/5604481');
  await expect(page.getByTestId('article-body')).toBeVisible();
  await expect(page.getByTestId('story-panel')).toHaveCount(0);
});

test('the trend of «زعفران» counts its three copies as one story with count=stories, and says «خبر»', async ({ page }) => {
  const trend = `/trends?q=${encodeURIComponent('زعفران')}&interval=year`;
  await page.goto(trend);
  await expect(page.getByTestId('legend-item')).toContainText('۴ مقاله');
  await page.getByTestId('count-switch').getByRole('link', { name: /^خبر/ }).click();
  await expect(page).toHaveURL(/count=stories/);
  await expect(page.getByTestId('legend-item')).toContainText('۲ خبر');
  await expect(page.getByTestId('legend-item')).not.toContainText('مقاله');
  const api = await (await page.request.get(`/api/trends?q=${encodeURIComponent('زعفران')}&interval=year&count=stories`)).json();
  expect(api.count).toBe('stories');
  expect(api.series[0].matched).toBe(2);
  // The table's counts are the API's, period by period.
  const row = page.getByTestId('trend-row').filter({ has: page.locator('a') }).first();
  const period = await row.getAttribute('data-period');
  const i = api.periods.findIndex((p: { key: string }) => p.key === period);
  // The table is in a closed <details>: read its text, not what is shown.
  expect(faNumber((await row.locator('td').nth(1).textContent())!)).toBe(api.series[0].counts[i]);
});

test('the concordance of «زعفران» reads the story once by default, says so, and lists every copy when asked', async ({ page, request }) => {
  test.slow();
  const q = `q=${encodeURIComponent('زعفران')}`;
  const grouped = await (await request.get(`/api/concordance?${q}&group=story`)).json();
  const every = await (await request.get(`/api/concordance?${q}`)).json();
  expect(grouped.otherCopies).toBe(2);
  expect(every.articles).toBe(grouped.articles + 2);
  await page.goto(`/concordance?${q}`);
  expect(faNumber(await page.getByTestId('kwic-total').innerText())).toBe(grouped.total);
  await expect(page.getByTestId('kwic-copies')).toContainText('۲ نسخهٔ دیگر');
  const shown = new Set(await page.getByTestId('kwic-line').evaluateAll((rows) => rows.map((r) => r.querySelector('a')!.getAttribute('href')!.split('?')[0])));
  expect(copies.filter((id) => shown.has(`/articles/${id}`))).toHaveLength(1);
  const csv = new URL((await page.getByTestId('kwic-export-csv').getAttribute('href'))!, 'http://x');
  expect(csv.searchParams.get('group')).toBe('story');
  await page.getByTestId('kwic-group').selectOption('none');
  await page.getByRole('button', { name: 'نمایش' }).click();
  await expect(page).toHaveURL(/group=none/);
  expect(faNumber(await page.getByTestId('kwic-total').innerText())).toBe(every.total);
  await expect(page.getByTestId('kwic-copies')).toHaveCount(0);
});
