import { expect, settled, test } from './helpers';

test('a bad date in the URL is explained in Persian, naming the parameter in its own <bdi>', async ({ page }) => {
  await page.goto(`/?from=${encodeURIComponent('1384/13/1')}`);
  const fa = page.getByTestId('param-error-fa');
  await expect(fa).toHaveText('ماه ۱۳ در from وجود ندارد: ماه از ۱ تا ۱۲ است.');
  await expect(fa.locator('bdi')).toHaveText(['from']);
});

test('the API keeps its code and English message and adds messageFa', async ({ request }) => {
  const res = await request.get('/api/search?q=&sort=best');
  expect(res.status()).toBe(400);
  const { error } = await res.json();
  expect(error.code).toBe('bad_parameter');
  expect(error.message).toBe('sort: expected relevance, newest or oldest, got "best"');
  expect(error.messageFa).toBe('پارامتر sort یکی از این‌ها را می‌پذیرد: relevance، newest، oldest؛ نه «best».');
});

test('an empty phrase «""» is ignored with a note, not «جستجو برای:» followed by nothing', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('""')}`);
  await settled(page);
  const line = page.getByTestId('parsed-query');
  await expect(page.getByTestId('query-notice')).toContainText('نادیده گرفته شد');
  await expect(line).not.toContainText('جستجو برای:');
});

test('words missing from the archive are said with their ZWNJ: «نیامده‌اند»', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('قسثززک زابلستانکی')}`);
  await expect(page.getByTestId('unmatched')).toContainText('در هیچ خبری نیامده‌اند');
});

test('a name typed in Latin («Tehran») is offered in Persian with its count, one click, never applied', async ({ page }) => {
  await page.goto('/?q=Tehran');
  await settled(page);
  const offer = page.getByTestId('did-you-mean');
  await expect(offer).toContainText('«Tehran»');
  await expect(offer.locator('bdi')).toHaveText(['Tehran']);
  expect(new URL(page.url()).searchParams.get('q')).toBe('Tehran');
  await offer.getByTestId('suggestion').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('تهران');
});
