import { expect, test } from './helpers';
import { parse } from 'csv-parse/sync';

// The export's own CSV, read back by the library the index builder reads CSV with.
const parseCsv = (text: string) => parse(text, { bom: true }) as string[][];

// Every article dated 1400 to 1403: more than one page, whatever the ranking does.
const query = 'q=&from=1400&to=1403';

test('export: «دانلود نتایج» links to CSV and JSON Lines of the current search', async ({ page }) => {
  await page.goto(`/?q=${encodeURIComponent('کتاب')}&from=1400&sort=oldest&page=2&source=${encodeURIComponent('ایسنا')}`);
  await page.getByTestId('download').getByText('دانلود نتایج').click();
  const href = await page.getByTestId('export-csv').getAttribute('href');
  const params = new URL(href!, 'http://x').searchParams;
  expect(params.get('format')).toBe('csv');
  expect(params.get('q')).toBe('کتاب');
  expect(params.get('from')).toBe('1400');
  expect(params.get('sort')).toBe('oldest');
  expect(params.getAll('source')).toEqual(['ایسنا']);
  expect(params.has('page')).toBe(false);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^kavosh-.*\.csv$/);
});

test('export: the CSV has a BOM, the header row and one row per match', async ({ request }) => {
  const total = (await (await request.get(`/api/search?${query}`)).json()).total as number;
  expect(total).toBeGreaterThan(10); // more than one page
  const res = await request.get(`/api/export?format=csv&${query}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^text\/csv; charset=utf-8/);
  expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="[^"]+\.csv"/);
  const body = await res.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parseCsv(body.subarray(3).toString('utf8'));
  expect(rows[0]).toEqual(['id', 'title', 'jalali_date', 'gregorian_date', 'source', 'tags', 'url', 'story_id']);
  expect(rows.length - 1).toBe(total);
  const lib = rows.find((r) => r[0] === '5501001')!;
  expect(lib).toEqual([
    '5501001',
    'افتتاح تالار تازه کتابخانه ملی در تهران',
    '1402-03-15',
    '2023-06-05',
    'ایسنا',
    'کتابخانه ملی، فرهنگ، کتاب',
    'https://example.ir/news/5501001',
    '', // in no story
  ]);
});

test('export: JSON Lines, a metadata record then one object per match; bad parameters are a 400 with the API error', async ({ request }) => {
  const total = (await (await request.get(`/api/search?${query}`)).json()).total as number;
  const res = await request.get(`/api/export?format=jsonl&${query}`);
  expect(res.headers()['content-disposition']).toMatch(/\.jsonl"/);
  const [first, ...lines] = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
  expect(first.kavosh_export).toMatchObject({ query: '', from: '1400', to: '1403', total, match: 'all' });
  expect(first.kavosh_export.index_built_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(first.kavosh_export.exported_at).toMatch(/[+-]0[34]:30$/);
  expect(lines).toHaveLength(total);
  expect(Object.keys(lines[0])).toEqual(['id', 'title', 'jalali_date', 'gregorian_date', 'source', 'tags', 'url', 'story_id']);

  const bad = await request.get('/api/export?format=csv&from=1400-12-30');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ code: 'bad_parameter' });
  expect((await request.get('/api/export?format=pdf')).status()).toBe(400);
  expect((await request.get('/api/export?format=csv&meta=yes')).status()).toBe(400);
});

test('export: a CSV opens with a # line naming the search only when asked (meta=1)', async ({ request }) => {
  const plain = (await (await request.get(`/api/export?format=csv&q=${encodeURIComponent('کتاب')}`)).body()).subarray(3).toString('utf8');
  expect(plain.startsWith('id,')).toBe(true);
  const body = (await (await request.get(`/api/export?format=csv&meta=1&q=${encodeURIComponent('کتاب')}&from=1400`)).body()).subarray(3).toString('utf8');
  const [comment, header] = body.split('\r\n');
  expect(comment).toMatch(/^# Kavosh export; query: کتاب; match: all; sort: relevance; from: 1400; articles: \d+; exported: .+; index built: \d{4}-/);
  expect(header).toBe('id,title,jalali_date,gregorian_date,source,tags,url,story_id');
});

test('export: a search shared while it was typed (prefix=last) exports whole words', async ({ request }) => {
  const whole = (await (await request.get(`/api/search?q=${encodeURIComponent('کتاب')}`)).json()).total as number;
  const text = await (await request.get(`/api/export?format=jsonl&prefix=last&q=${encodeURIComponent('کتاب')}`)).text();
  expect(text.trim().split('\n')).toHaveLength(whole + 1);
});

// On a phone the menu opened anchored to its button and ran off the screen (its CSV link at
// x=451 in a 390 px viewport), whichever theme.
for (const width of [320, 390, 430]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`export: at ${width} px (${colorScheme}) the download menu opens inside the viewport and closes after a download`, async ({ page }) => {
      await page.setViewportSize({ width, height: 844 });
      await page.emulateMedia({ colorScheme });
      await page.goto(`/?q=${encodeURIComponent('کتاب')}`);
      await page.getByTestId('download').getByText('دانلود نتایج').click();
      for (const id of ['download-panel', 'export-csv', 'export-csv-meta', 'export-jsonl']) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box.x, id).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, id).toBeLessThanOrEqual(width);
        expect(box.y + box.height, id).toBeLessThanOrEqual(844);
      }
      // A real click, not a forced one: the link is on top where it is drawn.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      await expect(page.getByTestId('download')).not.toHaveAttribute('open', '');
      await expect(page.getByTestId('export-csv')).toBeHidden();
    });
  }
}

// Pinned with `position: fixed`, the phone menu opened where its button would be on the
// unscrolled page: scrolled down, it appeared far below the button, or off the screen.
test('export: on a scrolled phone page the download menu opens right under its button', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?q=${encodeURIComponent('تهران')}`);
  const summary = page.getByTestId('download').getByText('دانلود نتایج');
  await summary.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 80));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  await summary.click();
  const button = (await summary.boundingBox())!;
  const panel = (await page.getByTestId('download-panel').boundingBox())!;
  expect(panel.y).toBeGreaterThanOrEqual(button.y + button.height);
  expect(panel.y).toBeLessThanOrEqual(button.y + button.height + 16);
  expect(panel.x).toBeGreaterThanOrEqual(0);
  expect(panel.x + panel.width).toBeLessThanOrEqual(390);
});
