import { expect, test } from '@playwright/test';
import { APPROVER, EDITOR, nodeStatus, runIdFromUrl, signIn, watchConsoleErrors, seededPipelineLink } from './helpers';

test('a run waits at the approval gate until an approver approves it', async ({ browser }) => {
  // The editor starts the seeded pipeline (train → approve → deploy).
  const editorContext = await browser.newContext();
  const editor = await editorContext.newPage();
  const editorErrors = watchConsoleErrors(editor);
  await signIn(editor, EDITOR);
  await (await seededPipelineLink(editor)).click();
  await expect(editor).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);
  await editor.getByTestId('run-pipeline').click();
  await expect(editor).toHaveURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  const runId = runIdFromUrl(editor);

  await expect(nodeStatus(editor, 'train')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(nodeStatus(editor, 'approve')).toHaveAttribute('data-status', 'waiting_approval', { timeout: 30_000 });
  await expect(nodeStatus(editor, 'deploy')).toHaveAttribute('data-status', 'pending');

  await editor.getByRole('button', { name: 'Sign out' }).click();
  await expect(editor).toHaveURL(/\/sign-in$/);
  await editorContext.close();

  // Four eyes: someone else approves.
  const approverContext = await browser.newContext();
  const approver = await approverContext.newPage();
  const approverErrors = watchConsoleErrors(approver);
  await signIn(approver, APPROVER);
  await approver.getByRole('link', { name: 'Approvals' }).click();
  const item = approver.locator(`article[data-run-id="${runId}"]`);
  await expect(item).toBeVisible({ timeout: 15_000 });
  await item.getByLabel('Comment').fill('Accuracy is fine, ship it');
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(item).toHaveCount(0, { timeout: 15_000 });

  await approver.goto(`/runs/${runId}`);
  await expect(nodeStatus(approver, 'approve')).toHaveAttribute('data-status', 'succeeded', { timeout: 30_000 });
  await expect(nodeStatus(approver, 'deploy')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(approver.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });
  await approverContext.close();
  expect([...editorErrors, ...approverErrors]).toEqual([]); // no console error on any page of the journey
});
