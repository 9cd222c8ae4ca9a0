import { expect, faNumber, test } from './helpers';

test('the timeline shows its scale: the largest bar’s count labelled at its top, in Persian digits', async ({ page }) => {
  await page.goto('/');
  const counts = await page.getByTestId('timeline-table').locator('tbody td').allTextContents();
  const max = Math.max(...counts.map(faNumber));
  const ticks = page.getByTestId('timeline-scale').locator('text');
  await expect(ticks.last()).toHaveAttribute('data-value', String(max));
  await expect(ticks.last()).toHaveText(String(max).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]));
  // The label sits inside the chart, not off its edge.
  const chart = await page.getByTestId('timeline-scale').locator('..').boundingBox();
  const label = await ticks.last().boundingBox();
  expect(label!.x).toBeGreaterThanOrEqual(chart!.x - 1);
});
