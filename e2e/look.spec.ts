import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from './helpers';

const SHOTS = 'test-results/screenshots';
const searchUrl = `/?q=${encodeURIComponent('کتاب')}&from=1401&to=1402`;

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  const path = `${SHOTS}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

// Each axe run takes seconds on the 2-core CI machine; a test that runs three needs more than the default 30 s.
const AXE_TEST_MS = 60_000;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

test('desktop, light: screenshot of the search page', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(searchUrl);
  await expect(page.getByTestId('facet-drawer').getByTestId('source-facet')).toBeVisible();
  await shoot(page, testInfo, 'search-desktop-light');
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the system: dark background, light text; screenshot', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(searchUrl);
    // Computed colours may be oklch(); a canvas turns them into RGB.
    const [bg, fg] = await page.locator('body').evaluate((b) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      const lum = (color: string) => {
        ctx.fillStyle = color;
        ctx.fillRect(0, 0, 1, 1);
        const [r, g, bl] = ctx.getImageData(0, 0, 1, 1).data;
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
      };
      const s = getComputedStyle(b);
      return [lum(s.backgroundColor), lum(s.color)];
    });
    expect(bg).toBeLessThan(40);
    expect(fg).toBeGreaterThan(200);
    await shoot(page, testInfo, 'search-desktop-dark');
  });

  test('axe: no serious or critical violations in the dark theme', async ({ page }) => {
    test.setTimeout(AXE_TEST_MS);
    await page.goto(searchUrl);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`/articles/5501001?q=${encodeURIComponent('کتابخانه')}`);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

  test('facets live in a drawer; nothing is wider than the screen; screenshot', async ({ page }, testInfo) => {
    await page.goto(searchUrl);
    const drawer = page.getByTestId('facet-drawer');
    await expect(drawer.getByTestId('source-facet')).toBeHidden();
    await expect(page.getByTestId('result').first()).toBeVisible();
    await expect(page.getByTestId('month-facet')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot(page, testInfo, 'search-phone');
    await page.screenshot({ path: `${SHOTS}/search-phone-top.png` });
    await drawer.locator('summary').click();
    await expect(drawer.getByTestId('source-facet')).toBeVisible();
    await shoot(page, testInfo, 'search-phone-filters');
    await drawer.getByTestId('source-facet').getByRole('checkbox').first().check();
    await expect(page).toHaveURL(/source=/);
  });
});

test('article page, light and phone: screenshots', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/articles/5501001?q=${encodeURIComponent('کتابخانه ملی')}&back=${encodeURIComponent('q=کتابخانه ملی')}`);
  await shoot(page, testInfo, 'article-desktop-light');
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, testInfo, 'article-phone');
});

test('axe: no serious or critical violations on the search and article pages', async ({ page }) => {
  test.setTimeout(AXE_TEST_MS);
  await page.goto(searchUrl + `&source=${encodeURIComponent('ایسنا')}`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`/?q=${encodeURIComponent('زرافه')}`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`/articles/5501001?q=${encodeURIComponent('کتابخانه')}&back=${encodeURIComponent('q=کتابخانه')}`);
  expect(await seriousViolations(page)).toEqual([]);
});

test('visible focus: a focused control draws an outline', async ({ page }) => {
  await page.goto(searchUrl);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});
