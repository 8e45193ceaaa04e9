import { expect } from '@playwright/test';
import { box, createPipeline, expectDraftSaved, quickAdd } from './editor-helpers';
import { EDITOR, flowNode, signIn } from './helpers';
import { test } from './fixtures';

test('typed parameters: declared in the panel, asked, checked and remembered by the Run dialog, set by a schedule', async ({ page }) => {
  await signIn(page, EDITOR);
  const name = `E2E params ${Date.now()}`;
  await createPipeline(page, name);
  const c = await box(page.getByTestId('canvas'));
  await quickAdd(page, 'shell', { x: c.x + 250, y: c.y + 200 });
  await expect(flowNode(page, 'shell_1')).toBeVisible();

  // Two parameters: a number with a description, a choice
  await page.getByTestId('parameters-toggle').click();
  const panel = page.getByTestId('parameters-panel');
  await panel.getByTestId('add-parameter').click();
  let row = panel.getByTestId('parameter-param_1');
  await row.getByLabel('Name').fill('epochs');
  await row.getByLabel('Name').press('Enter');
  row = panel.getByTestId('parameter-epochs');
  await row.getByLabel('Type').selectOption('number');
  await row.getByLabel('Default').fill('10');
  await row.getByLabel('Description').fill('passes over the data');
  await panel.getByTestId('add-parameter').click();
  row = panel.getByTestId('parameter-param_1');
  await row.getByLabel('Name').fill('model');
  await row.getByLabel('Name').press('Enter');
  row = panel.getByTestId('parameter-model');
  await row.getByLabel('Type').selectOption('choice');
  await row.getByLabel('Choices').fill('rf, gbm');
  await row.getByLabel('Choices').blur();
  await row.getByLabel('Default').selectOption('gbm');
  // a name taken already is refused in place
  await row.getByLabel('Name').fill('epochs');
  await expect(row).toContainText('There is already a parameter "epochs"');
  await row.getByLabel('Name').fill('model');
  await expectDraftSaved(page);

  // Run the draft: the dialog asks for a message and the parameters, and checks them
  await page.getByTestId('run-pipeline').click();
  const dialog = page.getByTestId('run-dialog');
  const fields = dialog.getByTestId('run-parameters');
  await expect(fields.getByLabel('epochs')).toHaveValue('10');
  await expect(fields).toContainText('passes over the data');
  await expect(fields.getByLabel('model')).toHaveValue('gbm');
  await fields.getByLabel('epochs').fill('ten');
  await page.getByTestId('run-dialog-confirm').click();
  await expect(fields).toContainText('Parameter "epochs" must be a number');
  await fields.getByLabel('epochs').fill('7');
  await fields.getByLabel('model').selectOption('rf');
  await page.getByTestId('run-dialog-confirm').click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await expect(page.getByTestId('run-params')).toHaveText('epochs=7, model=rf');

  // Run again: the draft is saved already, so the dialog asks only for the parameters, with the last values
  await page.goBack();
  await page.getByTestId('run-pipeline').click();
  await expect(dialog.getByLabel('Version message')).toHaveCount(0);
  await expect(fields.getByLabel('epochs')).toHaveValue('7');
  await expect(fields.getByLabel('model')).toHaveValue('rf');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  // A schedule sets them too
  await page.goto('/schedules');
  await page.getByLabel('Name', { exact: true }).fill(`${name} nightly`);
  await page.getByLabel('Pipeline').selectOption({ label: name });
  const scheduleFields = page.getByTestId('run-parameters');
  await expect(scheduleFields.getByLabel('epochs')).toHaveValue('10');
  await scheduleFields.getByLabel('epochs').fill('3');
  await page.getByRole('textbox', { name: 'Cron' }).fill('0 3 * * *');
  await page.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByText(`${name} nightly`)).toBeVisible();
  const schedule = page.locator('article', { hasText: `${name} nightly` });
  await expect(schedule.getByTestId('schedule-params')).toHaveText('epochs=3, model=gbm');

  // deleting it is confirmed in the app's dialog (never the browser's): Escape keeps it, focus back on Delete
  page.on('dialog', () => {
    throw new Error('the browser dialog was used');
  });
  const confirm = page.getByRole('dialog', { name: `Delete schedule “${name} nightly”?` });
  await schedule.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(schedule.getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(schedule).toHaveCount(0);
});
