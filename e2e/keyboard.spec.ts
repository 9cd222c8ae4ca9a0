import { expect, hydrated, searchbox, settled, test, urlParams } from './helpers';

test('keyboard: / focuses the box, arrows move through results, Enter opens, Esc clears', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('کتابخانه')}`);
  // The shortcut listens once the page has hydrated; a key pressed before that is lost.
  await expect.poll(() => hydrated(page, 'input[type="search"]')).toBe(true);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('/');
  await expect(searchbox(page)).toBeFocused();
  await expect(searchbox(page)).toHaveValue('کتابخانه'); // the slash is not typed

  const links = page.locator('[data-result-link]');
  await expect(links).toHaveCount(3);
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // stays on the last
  await expect(links.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(1)).toBeFocused();
  const href = await links.nth(1).getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname + url.search === href);
  await page.goBack();

  await settled(page);
  await page.keyboard.press('/');
  await expect(searchbox(page)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(searchbox(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(searchbox(page)).toHaveValue('');
  await expect.poll(() => urlParams(page).has('q')).toBe(false);
});

test('/ typed inside a text box is just a character', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('date-from').getByLabel('سال').focus();
  await page.keyboard.press('/');
  await expect(page.getByTestId('date-from').getByLabel('سال')).toHaveValue('/');
});

test('keyboard: Esc clears the box as a new step, so Back shows the previous results with their query in the box', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('کتابخانه')}`);
  await expect.poll(() => hydrated(page, 'input[type="search"]')).toBe(true);
  await searchbox(page).focus();
  await page.keyboard.press('Escape');
  await expect.poll(() => urlParams(page).has('q')).toBe(false);
  await expect(searchbox(page)).toHaveValue('');
  await page.goBack();
  await expect.poll(() => urlParams(page).get('q')).toBe('کتابخانه');
  await expect(searchbox(page)).toHaveValue('کتابخانه');
  await expect(page.locator('[data-result-link]')).toHaveCount(3);
});

