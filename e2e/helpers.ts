import { expect as baseExpect, type Page } from '@playwright/test';

export { test } from '@playwright/test';
export type { Locator, Page, TestInfo } from '@playwright/test';

/**
 * The machine under test is small and shared: a navigation can take seconds
 * under load, so assertions wait longer than Playwright's default 5 s.
 */
export const expect = baseExpect.configure({ timeout: 15_000 });

/** «۱٬۲۳۴» → 1234. */
export function faNumber(text: string): number {
  const latin = text.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace(/[٬,]/g, '');
  const m = /\d+/.exec(latin);
  if (!m) throw new Error(`no number in "${text}"`);
  return Number(m[0]);
}

/** The N of «N نتیجه در X میلی‌ثانیه». */
export async function totalOf(page: Page): Promise<number> {
  return faNumber(await page.getByTestId('total').innerText());
}

export const searchbox = (page: Page) => page.getByRole('searchbox', { name: 'جستجو' });

export function urlParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** Waits until the page shows the results of the URL it is at (no navigation in flight). */
/** React has hydrated the element: it carries React's fiber on the DOM node. */
export const hydrated = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactFiber') || k.startsWith('__reactProps')));

export async function settled(page: Page): Promise<void> {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}
