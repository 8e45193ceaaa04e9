import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { APPROVER, EDITOR, signIn, watchConsoleErrors } from './helpers';

/** The MLflow REST API as the signed-in browser calls it (its session; writes from the app's own origin). */
function mlflowApi(page: Page, baseURL: string, projectId: string) {
  return async <T>(path: string, body: unknown): Promise<T> => {
    const response = await page.request.post(`/mlflow/api/2.0/mlflow/${path}`, { data: body, headers: { origin: baseURL, 'x-weft-project-id': projectId } });
    expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
}

/** The project the app shows first (the signed-in user's first). */
async function currentProjectId(page: Page): Promise<string> {
  const response = await page.request.get('/api/trpc/me.get');
  const body = (await response.json()) as { result: { data: { json: { projects: { id: string }[] } } } };
  return body.result.data.json.projects[0]!.id;
}

test('a model card shows its versions and lineage; champion moves once another user approves the promotion', async ({ browser, baseURL }) => {
  const name = `e2e-churn-${randomBytes(3).toString('hex')}`;
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  const errors = watchConsoleErrors(editor);
  await signIn(editor, EDITOR);

  // Setup through the MLflow API: two trained runs (a dataset, a metric each), two versions.
  const mlflow = mlflowApi(editor, baseURL!, await currentProjectId(editor));
  await mlflow('registered-models/create', { name });
  for (const accuracy of [0.91, 0.95]) {
    const { run } = await mlflow<{ run: { info: { run_id: string } } }>('runs/create', { experiment_id: '0', run_name: `train ${accuracy}` });
    const runId = run.info.run_id;
    await mlflow('runs/log-batch', { run_id: runId, metrics: [{ key: 'accuracy', value: accuracy, timestamp: Date.now(), step: 0 }], params: [{ key: 'C', value: String(accuracy) }] });
    await mlflow('runs/log-inputs', { run_id: runId, datasets: [{ tags: [], dataset: { name: 'customers', digest: 'e2e0001', source_type: 'local', source: 'customers.csv' } }] });
    await mlflow('model-versions/create', { name, source: `runs:/${runId}/model`, run_id: runId });
  }

  // The editor opens the card: both versions, and the lineage of the newest.
  await editor.getByRole('link', { name: 'Models' }).click();
  await editor.getByRole('link', { name, exact: true }).click();
  await expect(editor.getByTestId('model-name')).toHaveText(name);
  await expect(editor.getByTestId('version-row-2')).toBeVisible();
  await expect(editor.getByTestId('version-row-1')).toBeVisible();
  const lineage = editor.getByTestId('lineage-graph');
  await expect(lineage.locator('[data-testid="lineage-node-version"][data-focus]')).toContainText(`${name} v2`);
  await expect(lineage.getByTestId('lineage-node-dataset')).toContainText('customers');
  // (both runs read the same dataset, so the lineage reaches the other run too)
  await expect(lineage.getByTestId('lineage-node-run').filter({ hasText: 'train 0.95' })).toBeVisible();
  await expect(lineage.getByTestId('lineage-node-run')).toHaveCount(2);

  // and asks for champion for v2: it waits for an approval
  const request = editor.getByTestId('request-promotion');
  await request.getByLabel('Version').selectOption('2');
  await request.getByLabel('Alias').fill('champion');
  await request.getByRole('button', { name: 'Request promotion' }).click();
  await expect(request.getByRole('status')).toContainText('awaits approval');
  await expect(editor.getByTestId('pending-promotions')).toContainText('v2');
  await expect(editor.getByTestId('model-aliases')).not.toContainText('champion');
  await editorContext.close();

  // Another user approves it in the inbox, with the evidence in view.
  const approverContext = await browser.newContext();
  const approver = await approverContext.newPage();
  const approverErrors = watchConsoleErrors(approver);
  await signIn(approver, APPROVER);
  await approver.getByRole('link', { name: 'Approvals' }).click();
  const card = approver.locator('article').filter({ hasText: `Promote ${name}` });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card.getByTestId('promotion-evidence')).toContainText('0.95');
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(card).toHaveCount(0, { timeout: 15_000 });

  // The card shows champion on v2, and who approved it.
  await approver.getByRole('link', { name: 'Models' }).click();
  await approver.getByRole('link', { name, exact: true }).click();
  await expect(approver.getByTestId('model-aliases').getByTestId('alias-champion')).toContainText('v2');
  await approver.getByRole('link', { name: 'v2', exact: true }).click();
  await expect(approver.getByTestId('version-promotions')).toContainText('approved by');
  await expect(approver.getByTestId('version-metrics')).toContainText('0.95');
  await approverContext.close();
  expect([...errors, ...approverErrors]).toEqual([]); // models, a card, its lineage, a version, the inbox
});
