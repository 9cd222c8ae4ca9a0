// Collections (issue 19): kept articles and saved searches live in the browser's IndexedDB under the index's id.
// Every test starts in a fresh browser context, so with nothing kept.
import AxeBuilder from '@axe-core/playwright';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { startServer, type Server } from '../scripts/server';
import { toPersianDigits } from '../lib/digits';
import { expect, test, type Page } from './helpers';

const fa = (n: number) => toPersianDigits(String(n));

// Each test keeps, reloads and downloads on a small shared machine: a page load alone took 7 s under load.
test.describe.configure({ timeout: 120_000 });

const Q = 'کتابخانه';
const resultsUrl = `/?q=${encodeURIComponent(Q)}`;

/** Keeps the result (or the article page's article) `scope` shows, in `collection`, with a note and tags. */
async function keep(page: Page, scope: ReturnType<Page['locator']>, { collection, note = '', tags = '', existing = false }: { collection: string; note?: string; tags?: string; existing?: boolean }) {
  await scope.getByRole('button', { name: 'افزودن به مجموعه', exact: true }).click();
  const form = scope.getByRole('form', { name: 'افزودن به مجموعه' });
  if (existing) await form.getByLabel('مجموعه', { exact: true }).selectOption({ label: collection });
  else {
    await form.getByLabel('مجموعه', { exact: true }).selectOption({ label: 'مجموعهٔ تازه…' });
    await form.getByLabel('نام مجموعهٔ تازه').fill(collection);
  }
  await form.getByLabel('یادداشت').fill(note);
  await form.getByLabel('برچسب‌ها (جدا با ویرگول)').fill(tags);
  await form.getByRole('button', { name: /ذخیره/ }).click();
  await expect(scope.getByTestId('kept-mark')).toContainText(`«${collection}»`);
}

const result = (page: Page, n: number) => page.getByTestId('result').nth(n);

async function readDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), text: readFileSync((await dl.path())!, 'utf8') };
}

test('keep from the results with a note and tags: the result is marked, after a reload too', async ({ page }) => {
  await page.goto(resultsUrl);
  const first = result(page, 0);
  const id = await first.getAttribute('data-id');
  await keep(page, first, { collection: 'کتابخانه‌ها', note: 'برای فصل دوم', tags: 'کتاب، فرهنگ' });
  await expect(result(page, 1).getByTestId('kept-mark')).toHaveCount(0);
  await page.reload();
  await expect(page.locator(`[data-testid="result"][data-id="${id}"]`).getByTestId('kept-mark')).toHaveText('در مجموعهٔ «کتابخانه‌ها»');
  await expect(result(page, 1).getByTestId('kept-mark')).toHaveCount(0);
});

test('keep from the article page; /collections shows title, Jalali date, source and note; a note edited there stays', async ({ page }) => {
  await page.goto(resultsUrl);
  // Another article than the one kept from its own page below.
  const other = page.locator('[data-testid="result"]:not([data-id="5501001"])').first();
  await keep(page, other, { collection: 'کتابخانه‌ها', note: 'از نتایج' });
  await page.goto('/articles/5501001');
  await keep(page, page.getByTestId('keep'), { collection: 'کتابخانه‌ها', existing: true, note: 'تالار تازه' });

  await page.getByRole('link', { name: 'مجموعه‌ها' }).click();
  await expect(page).toHaveURL(/\/collections$/);
  const item = page.locator('[data-testid="kept-item"][data-id="5501001"]');
  await expect(item).toContainText('افتتاح تالار تازه کتابخانه ملی در تهران');
  await expect(item).toContainText('۱۵ خرداد ۱۴۰۲');
  await expect(item.getByTestId('kept-note')).toHaveValue('تالار تازه');
  await expect(page.getByTestId('kept-item')).toHaveCount(2);

  await item.getByTestId('kept-note').fill('تالار تازه؛ نقل‌قول وزیر');
  await item.getByRole('button', { name: 'ذخیرهٔ یادداشت' }).click();
  await expect(item.getByRole('button', { name: 'ذخیرهٔ یادداشت' })).toBeDisabled();
  await page.reload();
  await expect(page.locator('[data-testid="kept-item"][data-id="5501001"]').getByTestId('kept-note')).toHaveValue('تالار تازه؛ نقل‌قول وزیر');
});

test('reorder, move between collections and filter by tag', async ({ page }) => {
  await page.goto(resultsUrl);
  const ids = [await result(page, 0).getAttribute('data-id'), await result(page, 1).getAttribute('data-id')];
  await keep(page, result(page, 0), { collection: 'الف', tags: 'یک' });
  await keep(page, result(page, 1), { collection: 'الف', existing: true, tags: 'دو' });
  await keep(page, result(page, 2), { collection: 'ب' });
  await page.goto('/collections');
  const a = page.locator('[data-testid="collection"][data-name="الف"]');
  await expect(a.getByTestId('kept-item')).toHaveCount(2);
  await a.getByTestId('kept-item').nth(1).getByRole('button', { name: /به بالا/ }).click();
  await expect(a.getByTestId('kept-item').first()).toHaveAttribute('data-id', ids[1]!);

  await page.getByTestId('tag-filter').selectOption('یک');
  await expect(a.getByTestId('kept-item')).toHaveCount(1);
  await page.getByTestId('tag-filter').selectOption('');

  await a.locator(`[data-testid="kept-item"][data-id="${ids[0]}"]`).getByRole('combobox', { name: /انتقال/ }).selectOption({ label: 'ب' });
  await expect(a.getByTestId('kept-item')).toHaveCount(1);
  await expect(page.locator('[data-testid="collection"][data-name="ب"]').getByTestId('kept-item')).toHaveCount(2);
});

test('export a collection as CSV (with the BOM) and read it back; the citation list is in date order', async ({ page }) => {
  await page.goto(resultsUrl);
  await keep(page, result(page, 0), { collection: 'خروجی', note: 'یادداشت، با ویرگول\nو سطر دوم', tags: 'کتاب' });
  await keep(page, result(page, 1), { collection: 'خروجی', existing: true });
  const ids = [await result(page, 0).getAttribute('data-id'), await result(page, 1).getAttribute('data-id')];
  await page.goto('/collections');
  await expect(page.getByTestId('kept-item')).toHaveCount(2);

  const csv = await readDownload(page, () => page.getByTestId('export-collection-csv').click());
  expect(csv.name).toBe('kavosh-خروجی.csv');
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  const rows = parse(csv.text.slice(1), { columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r.id)).toEqual(ids);
  expect(rows[0]).toMatchObject({ note: 'یادداشت، با ویرگول\nو سطر دوم', tags: 'کتاب', in_index: 'true', text: '' });

  await page.getByLabel('با متن کامل').check();
  const withText = await readDownload(page, () => page.getByTestId('export-collection-csv').click());
  const textRows = parse(withText.text.slice(1), { columns: true }) as Record<string, string>[];
  expect(textRows[0].text.length).toBeGreaterThan(100);

  const cites = await readDownload(page, () => page.getByTestId('export-collection-citations').click());
  const lines = cites.text.split('\n').filter((l) => /^.+، «/.test(l));
  expect(lines).toHaveLength(2);
  const years = lines.map((l) => (/\((\d{4}-\d\d-\d\d)\)/.exec(l) ?? [])[1]);
  expect([...years].sort()).toEqual(years);
});

test('export all from one browser and import it into another; a foreign file changes nothing; a differing note is asked about', async ({ page, browser }) => {
  await page.goto(resultsUrl);
  const id = (await result(page, 0).getAttribute('data-id'))!;
  await keep(page, result(page, 0), { collection: 'سفر', note: 'یادداشت نخست' });
  await page.getByRole('button', { name: 'ذخیرهٔ جستجو' }).click();
  await page.getByRole('form', { name: 'ذخیرهٔ جستجو' }).getByRole('button', { name: 'ذخیره', exact: true }).click();
  await expect(page.getByTestId('save-search')).toContainText('جستجو ذخیره شد');
  await page.goto('/collections');
  const all = await readDownload(page, () => page.getByRole('button', { name: 'خروجی همه' }).click());
  expect(JSON.parse(all.text)).toMatchObject({ format: 'kavosh-collections', version: 2 });

  const other = await browser.newContext();
  try {
    const b = await other.newPage();
    await b.goto('/collections');
    const input = b.getByLabel('ورود از فایل');
    await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ name: 'چیز دیگر', items: [1] })) });
    await expect(b.getByTestId('import-message')).toContainText('خروجی مجموعه‌های کاوش نیست');
    await expect(b.getByTestId('import-message')).toContainText('چیزی تغییر نکرد');
    await expect(b.getByTestId('collection')).toHaveCount(0);

    await input.setInputFiles({ name: 'kavosh.json', mimeType: 'application/json', buffer: Buffer.from(all.text) });
    await expect(b.getByTestId('import-message')).toContainText('افزوده شد: ۱ خبر، ۱ مجموعه، ۱ جستجو');
    const item = b.locator(`[data-testid="kept-item"][data-id="${id}"]`);
    await expect(item.getByTestId('kept-note')).toHaveValue('یادداشت نخست');
    await expect(b.getByTestId('saved-search')).toHaveCount(1);

    await item.getByTestId('kept-note').fill('یادداشت مرورگر دوم');
    await item.getByRole('button', { name: 'ذخیرهٔ یادداشت' }).click();
    await expect(item.getByRole('button', { name: 'ذخیرهٔ یادداشت' })).toBeDisabled();
    await input.setInputFiles({ name: 'kavosh.json', mimeType: 'application/json', buffer: Buffer.from(all.text) });
    const review = b.getByTestId('merge-review');
    await expect(review.getByTestId('conflict')).toHaveCount(1);
    await review.getByRole('radio', { name: 'هر دو' }).check();
    await review.getByRole('button', { name: 'ادغام' }).click();
    await expect(b.locator(`[data-testid="kept-item"][data-id="${id}"]`).getByTestId('kept-note')).toHaveValue('یادداشت مرورگر دوم\n—\nیادداشت نخست');
  } finally {
    await other.close();
  }
});

test('a share link opens in a fresh browser with the titles and notes, and can be added there', async ({ page, browser }) => {
  await page.goto(resultsUrl);
  const ids = [await result(page, 0).getAttribute('data-id'), await result(page, 1).getAttribute('data-id')];
  await keep(page, result(page, 0), { collection: 'همرسانی', note: 'بخوانید' });
  await keep(page, result(page, 1), { collection: 'همرسانی', existing: true });
  await page.goto('/collections');
  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(new URL(link).pathname).toBe('/collections');
  expect(new URL(link).hash).toMatch(/^#share=[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext();
  try {
    const b = await fresh.newPage();
    const requests: string[] = [];
    b.on('request', (r) => requests.push(r.url()));
    await b.goto(link);
    const shared = b.getByTestId('shared');
    await expect(shared.getByTestId('shared-item')).toHaveCount(2);
    await expect(shared.locator(`[data-id="${ids[0]}"]`).getByTestId('shared-note')).toHaveText('بخوانید');
    await expect(shared.locator(`[data-id="${ids[0]}"]`).getByRole('link')).not.toBeEmpty();
    // The fragment never reaches the server.
    expect(requests.some((u) => u.includes('share='))).toBe(false);
    await shared.getByRole('button', { name: 'افزودن به مجموعه‌های من' }).click();
    await expect(b.locator('[data-testid="collection"][data-name="همرسانی"]').getByTestId('kept-item')).toHaveCount(2);
  } finally {
    await fresh.close();
  }
});

test('a share link cut short says so in Persian', async ({ page }) => {
  await page.goto('/collections#share=AAAA');
  await expect(page.getByTestId('shared-error')).toContainText('این پیوند اشتراک خراب است');
});

test('at phone width (390 px) the keep form and /collections fit the screen; axe finds nothing serious', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(resultsUrl);
  await keep(page, result(page, 0), { collection: 'گوشی', note: 'یادداشتی نسبتاً بلند برای دیدن شکستن سطرها در صفحهٔ کوچک' });
  await result(page, 0).getByRole('button', { name: 'افزودن به مجموعه', exact: true }).click();
  await page.getByRole('button', { name: 'ذخیرهٔ جستجو' }).click();
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await fits()).toBe(true);
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  expect(await serious()).toEqual([]);
  await page.goto('/collections');
  await expect(page.getByTestId('kept-item')).toHaveCount(1);
  await page.getByTestId('share-button').click();
  await expect(page.getByTestId('share-link')).toBeVisible();
  expect(await fits()).toBe(true);
  expect(await serious()).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the results work, and the collection controls say they need JavaScript', async ({ page }) => {
    await page.goto(resultsUrl);
    await expect(page.getByTestId('result').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'افزودن به مجموعه' })).toHaveCount(0);
    await expect(page.getByTestId('collections-need-js')).toContainText('جاوااسکریپت');
    await page.goto('/collections');
    await expect(page.getByTestId('collections-need-js')).toContainText('جاوااسکریپت');
    await page.goto('/articles/5501001');
    await expect(page.getByTestId('collections-need-js')).toContainText('جاوااسکریپت');
  });
});

test.describe('after the index is rebuilt', () => {
  test.describe.configure({ timeout: 240_000 });
  let dir: string;
  let server: Server | null = null;
  const txt = readdirSync('data/articles').filter((f) => f.endsWith('.txt')).sort();
  const first = txt.slice(0, 20);
  const added = txt.filter((f) => !first.includes(f)).slice(0, 10);

  const build = (input: string, out: string) => {
    const r = spawnSync('node_modules/.bin/tsx', ['index-builder/cli.ts', '--input', input, '--out', out, '--quiet'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`index build failed: ${r.stderr}`);
  };

  test.beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kavosh-collections-'));
    mkdirSync(path.join(dir, 'in'));
    for (const f of first) cpSync(path.join('data/articles', f), path.join(dir, 'in', f));
    build(path.join(dir, 'in'), path.join(dir, 'index'));
  });
  test.afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a saved search shows its new total, and an article the index lost is kept with its title, marked', async ({ page }) => {
    server = await startServer({ indexDir: path.join(dir, 'index') });
    await page.goto(`${server.url}/`);
    const before = first.length;
    await expect(page.getByTestId('total')).toContainText(fa(before));
    const keptId = (await result(page, 0).getAttribute('data-id'))!;
    const keptTitle = await result(page, 0).locator('h3').innerText();
    await keep(page, result(page, 0), { collection: 'بازسازی', note: 'بماند' });
    await page.getByRole('button', { name: 'ذخیرهٔ جستجو' }).click();
    await page.getByRole('form', { name: 'ذخیرهٔ جستجو' }).getByRole('button', { name: 'ذخیره', exact: true }).click();
    await expect(page.getByTestId('save-search')).toContainText('جستجو ذخیره شد');

    // The rebuild: the kept article's file removed, ten added, written into the same folder the server reads.
    // A text file's article id is its news code, which is its file name.
    expect(first).toContain(`${keptId}.txt`);
    rmSync(path.join(dir, 'in', `${keptId}.txt`));
    for (const f of added) cpSync(path.join('data/articles', f), path.join(dir, 'in', f));
    build(path.join(dir, 'in'), path.join(dir, 'index'));
    const after = before - 1 + added.length;
    await expect
      .poll(async () => ((await (await fetch(`${server!.url}/api/search?q=&size=1`)).json()) as { total: number }).total, { timeout: 30_000 })
      .toBe(after);

    await page.goto(`${server.url}/collections`);
    const search = page.getByTestId('saved-search');
    await expect(search.getByTestId('current-total')).toContainText(fa(after));
    await expect(search.getByTestId('total-change')).toHaveText(new RegExp(`^\\+${fa(after - before)} از ۱۴[۰-۹]{2}/[۰-۹]{2}/[۰-۹]{2}$`));
    await expect(search.getByTestId('rebuilt')).toBeVisible();
    const item = page.locator(`[data-testid="kept-item"][data-id="${keptId}"]`);
    await expect(item.getByTestId('no-longer')).toHaveText('دیگر در نمایه نیست');
    await expect(item).toContainText(keptTitle);
    await expect(item.getByTestId('kept-note')).toHaveValue('بماند');
  });
});
