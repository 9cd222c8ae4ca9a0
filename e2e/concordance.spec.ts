import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import { expect, faNumber, test } from './helpers';

const kitab = `q=${encodeURIComponent('کتاب')}`;
const collator = new Intl.Collator('fa');

test('concordance: linked from the results, every hit in the centre column with its date and source', async ({ page, request }) => {
  test.slow(); // the search page, then the concordance, on a shared machine
  await page.goto(`/?${kitab}&sort=newest`);
  await page.getByTestId('concordance-link').click();
  await expect(page).toHaveURL(/\/concordance\?q=/);
  expect(new URL(page.url()).searchParams.has('sort')).toBe(false);
  // The page groups copies of a story by default (group=story); the API does not unless asked.
  const api = await (await request.get(`/api/concordance?${kitab}&group=story`)).json();
  expect(api.total).toBeGreaterThan(1);
  await expect(page.getByTestId('kwic-total')).toContainText(`${api.total.toLocaleString('fa-IR')} بار`);
  expect(faNumber(await page.getByTestId('kwic-total').innerText())).toBe(api.total);
  const lines = page.getByTestId('kwic-line');
  await expect(lines).toHaveCount(Math.min(api.total, 50));
  await expect(page.getByTestId('kwic-hit').first()).toHaveText(api.lines[0].hit);
  // The hits line up: every hit's centre is on one vertical line.
  const centres = await page.getByTestId('kwic-hit').evaluateAll((els) => els.slice(0, 5).map((e) => e.closest('td')!.getBoundingClientRect()).map((r) => Math.round(r.left + r.width / 2)));
  expect(new Set(centres).size).toBe(1);
});

test('concordance: sorting by the word before orders the lines by it, folded and alphabetical', async ({ page }) => {
  test.slow();
  await page.goto(`/concordance?${kitab}`);
  await page.getByTestId('kwic-sort').selectOption('left1');
  await page.getByRole('button', { name: 'نمایش' }).click();
  await expect(page).toHaveURL(/sort=left1/);
  const befores = await page.getByTestId('kwic-left').evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').trim().split(/\s+/).at(-1) ?? ''));
  const words = befores.filter(Boolean).map((w) => w.replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/[\u064B-\u065F\u0670]/g, ''));
  expect(words.length).toBeGreaterThan(1);
  for (let i = 1; i < words.length; i++) expect(collator.compare(words[i - 1], words[i]), `${words[i - 1]} ≤ ${words[i]}`).toBeLessThanOrEqual(0);
});

test('concordance: a hit opens the article at that very mark', async ({ page }) => {
  test.slow();
  await page.goto(`/concordance?${kitab}`);
  const hit = page.getByTestId('kwic-hit').nth(1);
  const text = await hit.innerText();
  const href = (await hit.getAttribute('href'))!;
  const anchor = href.split('#')[1];
  expect(anchor).toMatch(/^hit-\d+$/);
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`#${anchor}$`));
  await expect(page.locator(`mark#${anchor}`)).toHaveText(text);
});

test('concordance: the export has every hit, CSV with a BOM, read back', async ({ page, request }) => {
  await page.goto(`/concordance?${kitab}&sort=left1&size=2`);
  const href = (await page.getByTestId('kwic-export-csv').getAttribute('href'))!;
  expect(new URL(href, 'http://x').searchParams.get('sort')).toBe('left1');
  const res = await request.get(href);
  expect(res.status()).toBe(200);
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(body.subarray(3).toString('utf8')) as string[][];
  expect(rows[0]).toEqual(['id', 'date', 'source', 'left', 'hit', 'right', 'link']);
  const api = await (await request.get(`/api/concordance?${kitab}&sort=left1&size=2`)).json();
  expect(rows.length - 1).toBe(api.total);
  expect(rows[1].slice(3, 6)).toEqual([api.lines[0].left, api.lines[0].hit, api.lines[0].right]);
  const jsonl = (await (await request.get(href.replace('format=csv', 'format=jsonl'))).text()).trim().split('\n');
  expect(jsonl).toHaveLength(api.total);
});

test('distinctive terms: a table reached by its tab; clicking a term adds it to the query', async ({ page }) => {
  await page.goto(`/concordance?${kitab}`);
  await page.getByTestId('kwic-tabs').getByRole('link', { name: 'واژه‌های شاخص' }).click();
  await expect(page).toHaveURL(/view=terms/);
  const term = page.getByTestId('terms-term').first();
  const word = (await term.innerText()).trim();
  await expect(page.getByTestId('terms-note')).toContainText('بی‌نمونه‌گیری');
  await term.click();
  await expect(page).toHaveURL(/^[^?]*\/\?q=/);
  expect(new URL(page.url()).searchParams.get('q')).toBe(`کتاب ${word}`);
});

test('collocates: a table of the words beside the hits, by logDice', async ({ page }) => {
  await page.goto(`/concordance?${kitab}&view=collocates`);
  await expect(page.getByTestId('collocates-row').first()).toBeVisible();
  await expect(page.getByTestId('collocates-note')).toContainText('logDice');
});

test('concordance: a bad width is said in Persian, naming it', async ({ page }) => {
  await page.goto(`/concordance?${kitab}&width=99`);
  await expect(page.getByTestId('param-error-fa')).toContainText('width');
});

test('concordance: axe finds no serious or critical violation', async ({ page }) => {
  test.slow();
  await page.goto(`/concordance?${kitab}`);
  await expect(page.getByTestId('kwic')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the sort and width form submits and pages are links', async ({ page }) => {
    await page.goto(`/concordance?${kitab}&size=2`);
    await page.getByTestId('kwic-sort').selectOption('right1');
    await page.getByTestId('kwic-width').fill('3');
    await page.getByRole('button', { name: 'نمایش' }).click();
    await expect(page).toHaveURL(/sort=right1/);
    await expect(page).toHaveURL(/width=3/);
    const right = await page.getByTestId('kwic-right').first().innerText();
    expect(right.trim().split(/\s+/).length).toBeLessThanOrEqual(3);
    await page.getByRole('link', { name: 'صفحهٔ بعد ←' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page).toHaveURL(/sort=right1/);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  test('the lines fit the screen, hit visible in each', async ({ page }) => {
    await page.goto(`/concordance?${kitab}`);
    await expect(page.getByTestId('kwic')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = (await page.getByTestId('kwic-hit').first().boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  });
});
