import { randomBytes } from 'node:crypto';
import { expect } from '@playwright/test';
import { ADMIN, flowNode, nodeStatus, signIn } from './helpers';
import { test } from './fixtures';

test('a secret reaches a step and never its log or the browser', async ({ page, baseURL }) => {
  const name = `E2E_TOKEN_${randomBytes(3).toString('hex').toUpperCase()}`;
  const value = `e2e-${randomBytes(12).toString('hex')}`;
  const forms = [value, Buffer.from(value).toString('base64'), Buffer.from(value).toString('base64').replace(/=+$/, '')];

  // every answer the browser gets from the app, read in full at the end
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.url().startsWith(baseURL!)) bodies.push(response.text().catch(() => ''));
  });

  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Secrets' }).click();
  const form = page.getByTestId('new-secret');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Value').fill(value);
  await form.getByRole('button', { name: 'Add secret' }).click();
  await expect(page.getByTestId(`secret-${name}`)).toBeVisible();
  await expect(form.getByLabel('Value')).toHaveValue(''); // cleared, never shown again

  await page.getByRole('link', { name: 'Pipelines' }).click();
  await page.getByRole('button', { name: 'New pipeline' }).click();
  await page.getByLabel('Pipeline name').fill(`E2E secrets ${Date.now()}`);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);
  const canvas = page.getByTestId('canvas');
  await page.getByTestId('palette-shell').dragTo(canvas, { targetPosition: { x: 240, y: 200 } });
  await flowNode(page, 'shell_1').click();
  const panel = page.getByTestId('property-panel');
  await panel.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(`echo "token=$${name}"; printf %s "$${name}" | base64`);
  await panel.getByTestId('node-secrets').getByLabel(name).check();
  await expect(page.getByTestId('problem-count')).toHaveCount(0);

  await page.getByTestId('save-version').click();
  await page.getByLabel('Message').fill('prints a secret');
  await page.getByTestId('save-version-confirm').click();
  await expect(page.getByText('Saved v1')).toBeVisible();
  await page.getByTestId('run-pipeline').click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await expect(nodeStatus(page, 'shell_1')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });

  await flowNode(page, 'shell_1').click();
  const log = page.getByTestId('step-log-panel');
  await expect(log).toContainText('token=***', { timeout: 15_000 });
  for (const form of forms) await expect(log).not.toContainText(form);

  const seen = await Promise.all(bodies);
  expect(seen.length).toBeGreaterThan(10);
  for (const body of seen) for (const form of forms) expect(body).not.toContain(form);
});
