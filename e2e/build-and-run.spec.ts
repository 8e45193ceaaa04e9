import { expect } from '@playwright/test';
import { connectHandles, EDITOR, flowNode, handle, nodeStatus, signIn } from './helpers';
import { test } from './fixtures';

test('an editor builds a two-step pipeline on the canvas, saves a version and runs it', async ({ page }) => {
  await signIn(page, EDITOR);

  const name = `E2E build ${Date.now()}`;
  await page.getByRole('button', { name: 'New pipeline' }).click();
  await page.getByLabel('Pipeline name').fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);

  const canvas = page.getByTestId('canvas');
  await expect(canvas).toBeVisible();

  // HTML5 drag and drop from the palette, with the real mouse.
  await page.getByTestId('palette-python').dragTo(canvas, { targetPosition: { x: 180, y: 160 } });
  await expect(flowNode(page, 'python_1')).toBeVisible();
  await page.getByTestId('palette-shell').dragTo(canvas, { targetPosition: { x: 480, y: 320 } });
  await expect(flowNode(page, 'shell_1')).toBeVisible();

  await connectHandles(page, handle(page, 'python_1', 'out'), handle(page, 'shell_1', 'in'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.getByTestId('problem-count')).toHaveCount(0);

  await page.getByTestId('save-version').click();
  await page.getByLabel('Message').fill('python then shell');
  await page.getByTestId('save-version-confirm').click();
  await expect(page.getByText('Saved v1')).toBeVisible();

  await page.getByTestId('run-pipeline').click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 15_000 });

  await expect(nodeStatus(page, 'python_1')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(nodeStatus(page, 'shell_1')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 15_000 });
});
