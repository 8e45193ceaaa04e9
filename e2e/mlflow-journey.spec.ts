import { expect, test, type Page } from '@playwright/test';
import { APPROVER, EDITOR, flowNode, nodeStatus, runIdFromUrl, signIn, watchConsoleErrors } from './helpers';

const PIPELINE = 'Train and approve'; // seeded: its train step uses mlflow autolog and registers iris-classifier

async function runAndWaitForGate(page: Page): Promise<string> {
  await page.getByTestId('run-pipeline').click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await expect(nodeStatus(page, 'train')).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
  await expect(nodeStatus(page, 'train')).toHaveAttribute('data-origin', 'executed');
  await expect(nodeStatus(page, 'approve')).toHaveAttribute('data-status', 'waiting_approval', { timeout: 30_000 });
  return runIdFromUrl(page);
}

test('MLflow in a step, end to end: the seeded autolog pipeline runs twice, its runs are compared, an artifact previewed, and champion moves once another user approves', async ({ browser }) => {
  const editorContext = await browser.newContext();
  const page = await editorContext.newPage();
  const pageErrors = watchConsoleErrors(page);
  await signIn(page, EDITOR);
  await page.getByRole('link', { name: PIPELINE }).click();
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);
  const pipelineUrl = page.url();

  // train for real each time: the cache would serve an identical earlier execution
  await flowNode(page, 'train').click();
  const cached = page.getByLabel('Use cached results');
  if (await cached.isChecked()) {
    await cached.uncheck();
    await page.getByTestId('save-version').click();
    await page.getByLabel('Message').fill('train afresh every run');
    await page.getByTestId('save-version-confirm').click();
    await expect(page.getByText(/Saved v\d+/)).toBeVisible();
  }
  const runs = [await runAndWaitForGate(page)];
  await page.goto(pipelineUrl);
  runs.push(await runAndWaitForGate(page));

  // the pipeline's experiment: both runs' train steps, with what autolog and the code logged
  await page.goto(pipelineUrl);
  await page.getByTestId('pipeline-experiments').click();
  const table = page.getByTestId('runs-table');
  const trains = page.getByLabel('Select Train classifier');
  await expect(trains.nth(1)).toBeVisible({ timeout: 15_000 });
  await trains.nth(0).check();
  await trains.nth(1).check();
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/compare\?runs=[0-9a-f]{32},[0-9a-f]{32}$/);
  await expect(page.getByTestId('param-diff')).toContainText('max_iter'); // autolog's params
  await expect(page.locator('[data-testid="metric-chart"][data-metric="sgd_val_accuracy"] canvas')).toBeVisible();
  await expect(table).toHaveCount(0);

  // the second run's artifacts, as autolog wrote them, previewed
  await page.goto(`/runs/${runs[1]}?tab=artifacts`);
  const files = page.getByTestId('artifacts-table');
  await expect(files).toContainText('training_confusion_matrix.png', { timeout: 15_000 });
  await files.getByRole('button', { name: 'metric_info.json' }).click();
  await expect(page.getByTestId('artifact-text')).toContainText('LogisticRegression_score_X_test');
  await files.getByRole('button', { name: 'training_confusion_matrix.png' }).click();
  await expect.poll(() => page.getByTestId('artifact-image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100)).toBe(true);

  // the version the second run registered: asking for champion waits for an approval
  await page.getByRole('link', { name: 'Models' }).click();
  await page.getByRole('link', { name: 'iris-classifier', exact: true }).click();
  const newest = await page.locator('[data-testid^="version-row-"]').first().getAttribute('data-testid');
  const version = newest!.replace('version-row-', '');
  const request = page.getByTestId('request-promotion');
  await request.getByLabel('Version').selectOption(version);
  await request.getByLabel('Alias').fill('champion');
  await request.getByRole('button', { name: 'Request promotion' }).click();
  await expect(request.getByRole('status')).toContainText('awaits approval');

  // another user approves it from the inbox, with the version's metrics in view
  const approverContext = await browser.newContext();
  const approver = await approverContext.newPage();
  const approverErrors = watchConsoleErrors(approver);
  await signIn(approver, APPROVER);
  await approver.getByRole('link', { name: 'Approvals' }).click();
  const card = approver.locator('article').filter({ hasText: 'Promote iris-classifier' }).filter({ hasText: `v${version}` });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card.getByTestId('promotion-evidence')).toContainText('accuracy');
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(card).toHaveCount(0, { timeout: 15_000 });
  await approver.getByRole('link', { name: 'Models' }).click();
  await approver.getByRole('link', { name: 'iris-classifier', exact: true }).click();
  await expect(approver.getByTestId('model-aliases').getByTestId('alias-champion')).toContainText(`v${version}`);
  await approverContext.close();

  // leave no run waiting at its gate
  for (const runId of runs) {
    await page.goto(`/runs/${runId}`);
    await page.getByTestId('cancel-run').click();
    await page.getByTestId('cancel-run-confirm').click();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 });
    await expect(page.getByTestId('run-error')).toHaveAttribute('role', 'status'); // cancelled, not failed
  }
  await editorContext.close();
  expect([...pageErrors, ...approverErrors]).toEqual([]); // no console error on any page of the journey
});
