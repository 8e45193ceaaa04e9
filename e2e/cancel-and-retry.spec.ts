import { expect, type Page } from '@playwright/test';
import { EDITOR, nodeStatus, runIdFromUrl, signIn, seededPipelineLink } from './helpers';
import { test } from './fixtures';

async function cancelRun(page: Page): Promise<void> {
  await page.getByTestId('cancel-run').click();
  await page.getByTestId('cancel-run-confirm').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 });
}

test('an editor cancels a run waiting at the gate, then retries it from failure reusing the trained model', async ({ page }) => {
  // The seeded pipeline: train → approve → deploy.
  await signIn(page, EDITOR);
  await (await seededPipelineLink(page)).click();
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);
  await page.getByTestId('run-pipeline').click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  const firstRunId = runIdFromUrl(page);

  await expect(nodeStatus(page, 'train')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(nodeStatus(page, 'approve')).toHaveAttribute('data-status', 'waiting_approval', { timeout: 30_000 });
  await expect(page.getByTestId('retry-run')).toHaveCount(0);

  await cancelRun(page);
  await expect(nodeStatus(page, 'approve')).toHaveAttribute('data-status', 'cancelled', { timeout: 15_000 });
  await expect(nodeStatus(page, 'train')).toHaveAttribute('data-status', 'succeeded');
  await expect(page.getByTestId('cancel-run')).toHaveCount(0);

  // A new run: train succeeded in the cancelled one, so its outputs are reused; the gate waits again.
  await page.getByTestId('retry-run').click();
  await expect(page).not.toHaveURL(new RegExp(firstRunId), { timeout: 15_000 });
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('retry-of')).toContainText(firstRunId.slice(0, 8));
  await expect(nodeStatus(page, 'train')).toHaveAttribute('data-origin', 'reused', { timeout: 30_000 });
  await expect(nodeStatus(page, 'train')).toHaveAttribute('data-status', 'succeeded');
  await expect(nodeStatus(page, 'approve')).toHaveAttribute('data-status', 'waiting_approval', { timeout: 30_000 });
  await expect(nodeStatus(page, 'approve')).toHaveAttribute('data-origin', 'executed');
  await expect(page.getByTestId('origin-counts')).toHaveText('1 reused');

  // Leave no run waiting for a decision behind.
  await cancelRun(page);
  await page.getByTestId('retry-of').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/runs/${firstRunId}$`));
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'cancelled');
});
