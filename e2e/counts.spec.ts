// No article leaves a count without the page saying so: the undated one (the
// sample has one, kavosh-rec-008, and 20 articles in 1402) and every tag beyond
// the top 20 (the sample has 143 tags and 6 sources).
import AxeBuilder from '@axe-core/playwright';
import { expect, faNumber, hydrated, settled, test, totalOf, urlParams, type Page } from './helpers';

const UNDATED_ID = 'kavosh-rec-008';

/** The page's spelling of a facet value (the list shows Persian ی and ک). */
const persian = (value: string) => value.replace(/[\u064A\u0649]/g, 'ی').replace(/\u0643/g, 'ک');

async function allTags(page: Page): Promise<{ value: string; count: number }[]> {
  const body = await (await page.request.get('/api/search?q=&more=tag&size=1')).json();
  return body.facets.tags;
}

test.describe('undated articles', () => {
  test('the timeline shows «بدون تاریخ» beside its bars', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('timeline-undated')).toHaveText('بدون تاریخ: ۱');
    // It counts over the other filters, as the bars do: no source of the undated article, no count.
    await page.goto(`/?source=${encodeURIComponent('خبرگزاری فارس')}&source=${encodeURIComponent('ایرنا')}`);
    await expect(page.getByTestId('year-facet')).toBeVisible();
    await expect(page.getByTestId('timeline-undated')).toHaveCount(0);
  });

  test('a date filter says how many undated articles it left out, and its link brings them in', async ({ page }) => {
    await page.goto('/');
    await hydrated(page, '[data-testid="year-facet"] a');
    await page.getByTestId('year-facet').getByRole('link', { name: /۱۴۰۲/ }).click();
    await expect.poll(() => urlParams(page).get('from')).toBe('1402');
    await settled(page);
    expect(await totalOf(page)).toBe(20);
    await expect(page.getByTestId('undated-excluded')).toContainText('۱ مقاله بدون تاریخ کنار گذاشته شد');
    await expect(page.getByTestId('undated-sort')).toHaveCount(0);

    await page.getByTestId('undated-include').click();
    await expect.poll(() => urlParams(page).get('undated')).toBe('include');
    await settled(page);
    expect(await totalOf(page)).toBe(21);
    await expect(page.getByTestId('undated-excluded')).toHaveCount(0);
    await expect(page.getByTestId('undated-included')).toContainText('۱ مقاله بدون تاریخ هم در نتایج است');
    // The export takes the same articles as the page.
    const exportHref = (await page.getByTestId('export-jsonl').getAttribute('href'))!;
    expect(new URLSearchParams(exportHref.split('?')[1]).get('undated')).toBe('include');
    const [meta, ...lines] = (await (await page.request.get(exportHref)).text()).trim().split('\n');
    expect(JSON.parse(meta).kavosh_export).toMatchObject({ total: 21, undated: 'include' });
    expect(lines).toHaveLength(21);
    expect(JSON.parse(lines.at(-1)!).id).toBe(UNDATED_ID);

    await page.getByTestId('undated-exclude').click();
    await expect.poll(() => urlParams(page).has('undated')).toBe(false);
    await settled(page);
    expect(await totalOf(page)).toBe(20);
  });

  test('an order by date puts the undated articles last and says so', async ({ page }) => {
    // The page counts stories (the sample has one story of three copies), so the note says «خبر»; with count=articles «مقاله».
    await page.goto('/?sort=oldest&page=8&count=articles');
    await expect(page.getByTestId('undated-sort')).toHaveText('۱ مقاله بدون تاریخ پس از مقاله‌های تاریخ‌دار آمده است.');
    await page.goto('/?sort=oldest&page=8');
    await expect(page.getByTestId('undated-sort')).toHaveText('۱ خبر بدون تاریخ پس از خبرهای تاریخ‌دار آمده است.');
    await expect(page.getByTestId('result').last()).toHaveAttribute('data-id', UNDATED_ID);
    // Ordered by relevance, the undated article is not put anywhere in particular: nothing to say.
    await page.goto(`/?q=${encodeURIComponent('برق')}`);
    await expect(page.getByTestId('result').first()).toBeVisible();
    await expect(page.getByTestId('undated-sort')).toHaveCount(0);
    await page.goto(`/?q=${encodeURIComponent('برق')}&sort=newest`);
    await expect(page.getByTestId('undated-sort')).toBeVisible();
  });
});

test.describe('every source and tag', () => {
  test('every source is listed: the sample has six, so there is no «بیشتر»', async ({ page }) => {
    const body = await (await page.request.get('/api/search?q=&size=1')).json();
    expect(body.facets.sourceValues).toBe(6);
    await page.goto('/');
    await expect(page.getByTestId('source-facet').getByRole('checkbox')).toHaveCount(6);
    await expect(page.getByTestId('source-more')).toHaveCount(0);
  });

  test('«بیشتر» lists every tag, with a search box inside the list', async ({ page }) => {
    const tags = await allTags(page);
    expect(tags).toHaveLength(143);
    await page.goto('/');
    const facet = page.getByTestId('tag-facet');
    await expect(facet.getByRole('checkbox')).toHaveCount(20);
    await expect(page.getByTestId('tag-find')).toHaveCount(0);
    await hydrated(page, '[data-testid="tag-facet"] input');
    await expect(page.getByTestId('tag-more')).toHaveText('بیشتر: ۱۲۳ برچسب دیگر');
    await page.getByTestId('tag-more').click();
    await expect.poll(() => urlParams(page).getAll('more')).toEqual(['tag']);
    await expect(facet.getByRole('checkbox')).toHaveCount(143);
    await expect(page.getByTestId('tag-all')).toHaveText('همهٔ ۱۴۳ برچسب');

    // The last tag by count: far beyond the top 20.
    const last = tags.at(-1)!;
    const find = page.getByTestId('tag-find');
    await hydrated(page, '[data-testid="tag-find"]');
    await find.fill(persian(last.value));
    await expect.poll(() => urlParams(page).get('tagq')).toBe(persian(last.value));
    const expected = tags.map((t) => persian(t.value)).filter((v) => v.includes(persian(last.value)));
    await expect(facet.getByRole('checkbox')).toHaveCount(expected.length);
    const box = facet.getByRole('checkbox', { name: new RegExp(persian(last.value)) }).first();
    await expect(box).toHaveAttribute('data-count', String(last.count));
    await box.check();
    await expect.poll(() => urlParams(page).getAll('tag')).toEqual([persian(last.value)]);
    await settled(page);
    expect(await totalOf(page)).toBe(last.count);
    // The list stays whole, the chosen tag checked in it.
    expect(urlParams(page).getAll('more')).toEqual(['tag']);
    await expect(facet.getByRole('checkbox', { checked: true })).toHaveCount(1);

    await page.getByTestId('tag-find').fill('واژه‌ای که برچسب نیست');
    await expect(page.getByTestId('tag-find-none')).toBeVisible();
    await expect(facet.getByRole('checkbox')).toHaveCount(1); // the checked one stays, to be unchecked

    await page.getByTestId('tag-less').click();
    await expect.poll(() => urlParams(page).has('more') || urlParams(page).has('tagq')).toBe(false);
    await expect(facet.getByRole('checkbox')).toHaveCount(21); // the top 20 and the chosen one
  });

  test('a selected tag outside the top 20 is listed, checked, with its count', async ({ page }) => {
    const tags = await allTags(page);
    const tag = tags.find((t, i) => i >= 20 && persian(t.value) === t.value)!;
    await page.goto(`/?tag=${encodeURIComponent(tag.value)}`);
    const box = page.getByTestId('tag-facet').getByRole('checkbox', { name: new RegExp(tag.value) });
    await expect(box).toBeChecked();
    await expect(box).toHaveAttribute('data-count', String(tag.count));
    expect(await totalOf(page)).toBe(tag.count);
  });
});

test('axe: the notes and the whole tag list have no serious or critical violations', async ({ page }) => {
  test.slow(); // axe over 60 tags and two notes takes a while on a shared machine
  await page.goto('/?from=1402&to=1402&undated=include&more=tag');
  await expect(page.getByTestId('tag-find')).toBeVisible();
  await expect(page.getByTestId('undated-included')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the undated notice and «بیشتر» are links; the box inside the list submits; checking a listed tag keeps the list', async ({ page }) => {
    await page.goto('/?from=1402&to=1402');
    await expect(page.getByTestId('timeline-undated')).toHaveText('بدون تاریخ: ۱');
    await page.getByTestId('undated-include').click();
    await expect(page).toHaveURL((url) => url.searchParams.get('undated') === 'include' && url.searchParams.get('from') === '1402');
    expect(await totalOf(page)).toBe(21);

    const tags = await allTags(page);
    await page.getByTestId('tag-more').click();
    await expect(page).toHaveURL((url) => url.searchParams.get('more') === 'tag' && url.hash === '#tag-facet');
    const facet = page.getByTestId('tag-facet');
    // This search counts the 1402 articles and the undated one, so fewer tags than the archive has.
    const listed = faNumber(await page.getByTestId('tag-all').innerText());
    await expect(facet.getByRole('checkbox')).toHaveCount(listed);
    expect(listed).toBeLessThan(tags.length);

    const word = 'تهران';
    await page.getByTestId('tag-find').fill(word);
    await page.getByTestId('tag-find').press('Enter');
    await expect(page).toHaveURL((url) => url.searchParams.get('tagq') === word && url.searchParams.get('undated') === 'include');
    const values = await facet.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(values.length).toBeGreaterThan(0);
    expect(values.length).toBeLessThan(listed);
    for (const v of values) expect(v).toContain(word);

    const box = facet.getByRole('checkbox').last();
    const value = (await box.getAttribute('value'))!;
    const count = Number(await box.getAttribute('data-count'));
    await box.check();
    await page.getByRole('button', { name: 'اعمال فیلترها' }).click();
    await expect(page).toHaveURL(
      (url) =>
        url.searchParams.get('tag') === value && url.searchParams.get('more') === 'tag' && url.searchParams.get('tagq') === word && url.searchParams.get('undated') === 'include',
    );
    expect(await totalOf(page)).toBe(count);
  });
});
