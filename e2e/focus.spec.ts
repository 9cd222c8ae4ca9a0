import { expect, hydrated, settled, test, urlParams, type Page } from './helpers';

// A toggle rewrites the URL and the page re-renders from the server: the
// keyboard focus must stay on the control that was used (or the one that
// stands for it in the new page), not fall back to the body.

// Each test waits for two or three server renders; on the shared 2-core machine under load one took 34 s.
test.describe.configure({ timeout: 90_000 });

const checkbox = (page: Page, name: 'source' | 'tag', value: string) => page.locator(`#${name}-facet input[type="checkbox"][name="${name}"][value="${value}"]`);

/** What has focus, named by what it stands for: `source:ایرنا`, `bar:1402-03`, or the tag name. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    if (el instanceof HTMLInputElement && el.type === 'checkbox') return `${el.name}:${el.value}`;
    if (el.dataset.key) return `bar:${el.dataset.key}`;
    return el.dataset.testid ?? el.tagName.toLowerCase();
  });

async function ready(page: Page, url: string) {
  await page.goto(url);
  // A key pressed before hydration would submit nothing and prove nothing.
  await expect.poll(() => hydrated(page, '#source-facet input[type="checkbox"]')).toBe(true);
}

test('Space on a source keeps the focus on that source, checked, and Space again unchecks it in place', async ({ page }) => {
  await ready(page, '/');
  const irna = checkbox(page, 'source', 'ایرنا');
  await irna.focus();
  await page.keyboard.press('Space');
  await expect.poll(() => urlParams(page).getAll('source')).toEqual(['ایرنا']);
  await settled(page);
  await expect(irna).toBeChecked();
  await expect.poll(() => focused(page)).toBe('source:ایرنا');

  await page.keyboard.press('Space');
  await expect.poll(() => urlParams(page).getAll('source')).toEqual([]);
  await settled(page);
  await expect(irna).not.toBeChecked();
  await expect.poll(() => focused(page)).toBe('source:ایرنا');
});

test('after a source toggle, Tab goes on to the next source, not back to the top of the page', async ({ page }) => {
  await ready(page, '/');
  const names = await page.locator('#source-facet input[type="checkbox"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const at = names.indexOf('ایرنا');
  expect(at).toBeGreaterThanOrEqual(0);
  await checkbox(page, 'source', 'ایرنا').focus();
  await page.keyboard.press('Space');
  await expect.poll(() => urlParams(page).getAll('source')).toEqual(['ایرنا']);
  await settled(page);
  await expect.poll(() => focused(page)).toBe('source:ایرنا');
  // The list may have re-sorted: the next source is the one after «ایرنا» now.
  const after = await page.locator('#source-facet input[type="checkbox"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(`source:${after[after.indexOf('ایرنا') + 1]}`);
});

test('Space on a tag keeps the focus on that tag, wherever the list puts it, checked and then unchecked', async ({ page }) => {
  await ready(page, '/');
  const isfahan = checkbox(page, 'tag', 'اصفهان');
  await isfahan.focus();
  await page.keyboard.press('Space');
  await expect.poll(() => urlParams(page).getAll('tag')).toEqual(['اصفهان']);
  await settled(page);
  await expect(isfahan).toBeChecked();
  await expect.poll(() => focused(page)).toBe('tag:اصفهان');
  // Not some other tag that took its place in the list.
  await expect(page.locator('#tag-facet input:checked')).toHaveCount(1);

  await page.keyboard.press('Space');
  await expect.poll(() => urlParams(page).getAll('tag')).toEqual([]);
  await settled(page);
  await expect(isfahan).not.toBeChecked();
  await expect.poll(() => focused(page)).toBe('tag:اصفهان');
});

test('a checkbox shows the toggle at once and, after Back, what the URL says again', async ({ page }) => {
  await ready(page, '/');
  const irna = checkbox(page, 'source', 'ایرنا');
  await irna.focus();
  await page.keyboard.press('Space');
  await expect(irna).toBeChecked();
  await expect.poll(() => urlParams(page).getAll('source')).toEqual(['ایرنا']);
  await settled(page);
  await page.goBack();
  await expect.poll(() => urlParams(page).getAll('source')).toEqual([]);
  await settled(page);
  // The same node survives navigations now, so it must follow the URL rather than keep the reader's last click.
  await expect(irna).not.toBeChecked();
});

test('Enter on a year bar lands on the first month of that year; Tab walks on through its months, Shift+Tab reaches «پاک کردن تاریخ»', async ({ page }) => {
  await ready(page, '/');
  const year = page.locator('[data-testid="year-facet"] a[data-key="1402"]');
  await year.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?from=1402&to=1402$/);
  await settled(page);
  const months = page.locator('[data-testid="month-facet"] a[data-key^="1402-"]');
  const keys = await months.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.key));
  expect(keys.length).toBeGreaterThan(1);
  await expect.poll(() => focused(page)).toBe(`bar:${keys[0]}`);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe(`bar:${keys[1]}`);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await focused(page)).toBe('clear-dates');
});

test('Enter on a month bar keeps the focus on that month, now the selected one', async ({ page }) => {
  await ready(page, '/?from=1402&to=1402');
  const months = page.locator('[data-testid="month-facet"] a[data-key^="1402-"]');
  const key = await months.nth(1).getAttribute('data-key');
  await months.nth(1).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => urlParams(page).get('from')).toBe(key);
  await settled(page);
  const bar = page.locator(`[data-testid="month-facet"] a[data-key="${key}"]`);
  await expect(bar).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => focused(page)).toBe(`bar:${key}`);
});

test('unchecking a tag that leaves the short list puts the focus on the tag now at its place, not on the body', async ({ page }) => {
  // «مشهد» is not among the top 20 tags: it is listed (last) only while checked.
  await ready(page, `/?tag=${encodeURIComponent('مشهد')}`);
  const boxes = page.locator('#tag-facet input[type="checkbox"]');
  const before = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(before.at(-1)).toBe('مشهد');
  await checkbox(page, 'tag', 'مشهد').focus();
  await page.keyboard.press('Space');
  await expect.poll(() => urlParams(page).getAll('tag')).toEqual([]);
  await settled(page);
  await expect(checkbox(page, 'tag', 'مشهد')).toHaveCount(0);
  const after = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  await expect.poll(() => focused(page)).toBe(`tag:${after.at(-1)}`);
});

test('Enter in a date box applies the dates and leaves the focus in that box', async ({ page }) => {
  await ready(page, '/');
  const toYear = page.getByTestId('date-to').getByLabel('سال');
  await page.getByTestId('date-from').getByLabel('سال').fill('1401');
  await toYear.fill('1402');
  await toYear.press('Enter');
  await expect.poll(() => urlParams(page).get('to')).toBe('1402');
  await settled(page);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('ty');
  // The new form shows the applied dates (Persian digits), in the box that has focus.
  await expect(toYear).toHaveValue('۱۴۰۲');
});
