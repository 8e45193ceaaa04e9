import { expect } from '@playwright/test';
import { ADMIN, flowNode, signIn, seededPipelineLink } from './helpers';
import { test } from './fixtures';

test('an admin adds a GPU pool; the canvas routes a GPU step to it and refuses GPUs on the CPU pool', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Pools' }).click();
  await expect(page).toHaveURL(/\/pools$/);
  const cpu = page.getByTestId('pool-card-cpu');
  await expect(cpu).toBeVisible();
  // the e2e stack runs one cpu pool worker: Temporal reports it as a poller of the pool's queue
  await expect(page.getByTestId('pool-workers-cpu')).toContainText('cpu@', { timeout: 15_000 });

  const form = page.getByTestId('new-pool');
  await form.getByLabel('Name').fill('gpu-e2e');
  await form.getByLabel('Kind').selectOption('gpu');
  await form.getByLabel('Labels').fill('gpu=t4');
  await form.getByTestId('pool-form-submit').click();
  await expect(page.getByTestId('pool-card-gpu-e2e')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('pool-card-gpu-e2e')).toContainText('gpu=t4');

  // a team with a fair-share weight and a GPU quota on the new pool
  await page.getByTestId('new-team').getByLabel('New team').fill('e2e team');
  await page.getByTestId('new-team').getByRole('button').click();
  const team = page.getByTestId('team-card-e2e team');
  await expect(team).toBeVisible({ timeout: 15_000 });
  await team.getByLabel('Weight of e2e team on gpu-e2e').fill('3');
  await team.getByLabel('GPU quota of e2e team on gpu-e2e').fill('2');
  await team.getByTestId('share-save-e2e team-gpu-e2e').click();
  await expect(team.getByLabel('GPU quota of e2e team on gpu-e2e')).toHaveValue('2', { timeout: 15_000 });
  await expect(team).not.toContainText('Weight must');

  await page.getByRole('link', { name: 'Pipelines' }).click();
  await (await seededPipelineLink(page)).click();
  await flowNode(page, 'train').click();
  await page.getByTestId('resources-gpus').fill('1');
  await expect(page.getByTestId('property-panel')).toContainText('Runs on gpu-e2e.');
  await page.getByTestId('resources-pool').selectOption('cpu');
  await expect(page.getByTestId('node-problems')).toContainText('Asks for 1 GPU, but pool "cpu" is a CPU pool');
  // leave the seeded pipeline as it was
  await page.getByTestId('resources-pool').selectOption({ label: 'Default (cpu)' });
  await page.getByTestId('resources-gpus').fill('');
  await expect(page.getByTestId('node-problems')).toHaveCount(0);
});
