import { expect } from '@playwright/test';
import { APPROVER, EDITOR, flowNode, nodeStatus, signIn, watchConsoleErrors } from './helpers';
import { test } from './fixtures';

test('an editor starts a pipeline from the "Drift check and retrain" template, sees its ML steps and their forms, and runs it', async ({ page }) => {
  await signIn(page, EDITOR);
  await page.getByRole('button', { name: 'New pipeline' }).click();
  await page.getByLabel('Pipeline name').fill(`E2E drift ${Date.now()}`);
  await page.getByLabel('Start from').selectOption({ label: 'Template: Drift check and retrain' });
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);
  await expect(flowNode(page, 'drift')).toBeVisible();
  await expect(flowNode(page, 'promote')).toBeAttached();
  await expect(page.getByTestId('problem-count')).toHaveCount(0);

  // the kinds' own forms: selects with the schema's options, defaults shown for absent values
  await flowNode(page, 'train').click();
  await expect(page.getByLabel('Estimator')).toHaveValue('logistic_regression');
  await page.getByLabel('Estimator').selectOption('random_forest');
  await expect(page.getByLabel('Estimator')).toHaveValue('random_forest');
  await flowNode(page, 'split').click();
  await expect(page.getByLabel('Stratify by the target')).toBeChecked();

  await page.getByTestId('save-version').click();
  await page.getByLabel('Message').fill('from the template');
  await page.getByTestId('save-version-confirm').click();
  await expect(page.getByText('Saved v1')).toBeVisible();
  await page.getByTestId('run-pipeline').click();
  await page.getByTestId('run-dialog-confirm').click(); // the template's parameters, with their defaults
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  // the same data twice: no drift, so the retraining branch is skipped
  await expect(nodeStatus(page, 'drift')).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
  await expect(nodeStatus(page, 'train')).toHaveAttribute('data-status', 'skipped', { timeout: 15_000 });
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });
});

test('an approver decides the train template\'s gate from its card: the verdict against production, metrics with intervals, the validation', async ({ browser }) => {
  const editorContext = await browser.newContext();
  const page = await editorContext.newPage();
  const pageErrors = watchConsoleErrors(page);
  await signIn(page, EDITOR);
  const name = `E2E train ${Date.now()}`;
  await page.getByRole('button', { name: 'New pipeline' }).click();
  await page.getByLabel('Pipeline name').fill(name);
  await page.getByLabel('Start from').selectOption({ label: 'Template: Train, validate, compare, approve, register' });
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);
  await page.getByTestId('save-version').click();
  await page.getByLabel('Message').fill('from the template');
  await page.getByTestId('save-version-confirm').click();
  await expect(page.getByText('Saved v1')).toBeVisible();
  await page.getByTestId('run-pipeline').click();
  await page.getByTestId('run-dialog-confirm').click(); // the template's parameters, with their defaults
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await expect(nodeStatus(page, 'approve')).toHaveAttribute('data-status', 'waiting_approval', { timeout: 120_000 });
  await editorContext.close();

  const approverContext = await browser.newContext();
  const approver = await approverContext.newPage();
  const approverErrors = watchConsoleErrors(approver);
  await signIn(approver, APPROVER);
  await approver.getByRole('link', { name: 'Approvals' }).click();
  const card = approver.locator('article').filter({ hasText: name });
  const evidence = card.getByTestId('gate-evidence');
  await expect(evidence.locator('[data-evidence-node="evaluate"]')).toContainText(/accuracy\s*0\.\d+\s*\[0\.\d+, [01]\.?\d*\]/, { timeout: 30_000 });
  await expect(evidence.getByTestId('evidence-verdict')).toContainText('no champion yet');
  await expect(evidence.getByTestId('evidence-validation')).toContainText('data valid');
  await expect(evidence.locator('[data-evidence-node="compare"]').getByRole('link', { name: 'Reports' })).toBeVisible();
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(card.filter({ hasText: 'Approve' }).getByRole('button', { name: 'Approve' })).toHaveCount(0, { timeout: 15_000 });
  await approverContext.close();
  expect([...pageErrors, ...approverErrors]).toEqual([]); // no console error on any page of the journey
});
