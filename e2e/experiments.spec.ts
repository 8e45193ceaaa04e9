import { expect } from '@playwright/test';
import { EDITOR, signIn } from './helpers';
import { seedPipelineExperiment } from './tracking-seed';
import { acceptRefusals, test } from './fixtures';

test("a pipeline's experiment: pick a metric column, filter, compare two runs, preview a run's artifacts", async ({ page, consoleErrors }) => {
  await signIn(page, EDITOR);
  const seeded = await seedPipelineExperiment(page.request, `E2E experiments ${Date.now()}`);

  // from the pipeline page to its experiment
  await page.goto(`/pipelines/${seeded.pipelineId}`);
  await page.getByTestId('pipeline-experiments').click();
  await expect(page).toHaveURL(new RegExp(`/pipelines/${seeded.pipelineId}/experiment$`));
  const table = page.getByTestId('runs-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);

  // a metric column the table does not show yet (the first three keys are the default)
  await expect(table.locator('th', { hasText: 'precision' })).toHaveCount(0);
  await page.getByText('Columns', { exact: true }).click();
  await page.getByLabel('Metric precision').check();
  await expect(table.locator('th', { hasText: 'precision' })).toHaveCount(1);
  await expect(table.locator('td[data-metric="precision"]', { hasText: '0.92' })).toHaveCount(1);
  await page.getByText('Columns', { exact: true }).click();

  // sort by it on the server: a metric sorts highest first, a second click turns it round
  const precision = table.getByRole('button', { name: 'precision' });
  await precision.click();
  await expect(table.locator('th[aria-sort="descending"]')).toContainText('precision');
  await expect(table.locator('tbody tr').first()).toContainText('trial-2');
  await precision.click();
  await expect(table.locator('th[aria-sort="ascending"]')).toContainText('precision');
  await expect(table.locator('tbody tr').first()).toContainText('trial-0');

  // a bad filter says what is wrong, inline; a good one filters on the server
  const filter = page.getByLabel('Filter runs');
  const filterError = page.locator('main p[role="alert"]');
  await filter.fill('metrics.precision >');
  await filter.press('Enter');
  await expect(filterError).toContainText('Invalid search syntax');
  await filter.fill("params.model = 'rf'");
  await filter.press('Enter');
  await expect(filterError).toHaveCount(0);
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('runs-range')).toHaveText('1–2 of 2');

  // compare the two: the params that differ are highlighted, the loss curves drawn
  await page.getByLabel('Select trial-0').check();
  await page.getByLabel('Select trial-1').check();
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/compare\?runs=[0-9a-f]{32},[0-9a-f]{32}$/);
  const diff = page.getByTestId('param-diff');
  await expect(diff.locator('tr[data-param="lr"]')).toHaveAttribute('data-differs', 'true');
  await expect(diff.locator('tr[data-param="seed"]')).not.toHaveAttribute('data-differs', 'true');
  const loss = page.locator('[data-testid="metric-chart"][data-metric="loss"]');
  await expect(loss.locator('canvas')).toBeVisible();
  await expect(loss).toContainText('trial-0');
  await expect(loss).toContainText('trial-1');
  await page.screenshot({ path: test.info().outputPath('compare.png'), fullPage: true });

  // the Weft run's page: Metrics, then Artifacts with a CSV and an image previewed
  await page.getByRole('link', { name: 'trial-0' }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${seeded.weftRunId}\\?tab=metrics$`));
  await expect(page.locator('[data-testid="metric-chart"][data-metric="loss"] canvas')).toBeVisible();
  await page.getByRole('tab', { name: 'Artifacts' }).click();
  const files = page.getByTestId('artifacts-table');
  await expect(files).toContainText('eval/predictions.csv');
  await expect(files.getByRole('link', { name: 'Download eval/predictions.csv' })).toHaveAttribute('href', /\/api\/tracking-artifacts\?/);
  await files.getByRole('button', { name: 'eval/predictions.csv' }).click();
  const csv = page.getByTestId('artifact-table');
  await expect(csv.locator('th')).toHaveText(['id', 'label', 'note']);
  await expect(csv.locator('tbody tr').first()).toContainText('a, quoted');
  await files.getByRole('button', { name: 'eval/confusion.png' }).click();
  const image = page.getByTestId('artifact-image');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(4);
  // an HTML report is framed from the file route with an empty sandbox: shown, its script not run
  await files.getByRole('button', { name: 'eval/report.html' }).click();
  await expect(page.getByTestId('artifact-html')).toHaveAttribute('sandbox', '');
  const report = page.frameLocator('[data-testid="artifact-html"]');
  await expect(report.locator('h1')).toHaveText('Report');
  await expect(report.locator('body')).not.toHaveAttribute('data-ran', 'yes');
  await files.getByRole('button', { name: 'eval/confusion.png' }).click();
  await page.screenshot({ path: test.info().outputPath('artifacts.png'), fullPage: true });
  // the bad filter was refused (400) on purpose, said inline; the report's own script is refused by the
  // preview's sandbox (data-ran above), which Chromium reports on the console
  acceptRefusals(consoleErrors, 400);
  const sandboxed = /Blocked script execution in '[^']*\/api\/tracking-artifacts\?/;
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((error) => !sandboxed.test(error)));
});
