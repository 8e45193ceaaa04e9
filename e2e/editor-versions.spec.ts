import { expect } from '@playwright/test';
import { box, createPipeline, expectDraftSaved, quickAdd } from './editor-helpers';
import { EDITOR, flowNode, signIn } from './helpers';
import { nodeDiff, saveVersion } from './version-helpers';
import { acceptRefusals, test } from './fixtures';

test('version history: open a version read only, diff two on the canvas, restore one as the draft (undoable), nothing-changed refusal, run the draft', async ({ page, consoleErrors }) => {
  await signIn(page, EDITOR);
  await createPipeline(page, `E2E versions ${Date.now()}`);
  const canvas = page.getByTestId('canvas');
  const c = await box(canvas);
  await quickAdd(page, 'python', { x: c.x + 200, y: c.y + 200 });
  await expect(flowNode(page, 'python_1')).toBeVisible();
  await expectDraftSaved(page);
  await saveVersion(page, 'one python step', 1);

  // v2: a second step, and the first one relabelled
  await quickAdd(page, 'python', { x: c.x + 500, y: c.y + 300 });
  await expect(flowNode(page, 'python_2')).toBeVisible();
  await flowNode(page, 'python_1').click();
  await page.getByLabel('Label').fill('Prepare');
  await expectDraftSaved(page);
  await saveVersion(page, 'two steps', 2);

  // History: who, what, when
  await page.getByTestId('history-toggle').click();
  const history = page.getByTestId('history-panel');
  await expect(history.getByTestId('version-row-2')).toContainText('two steps');
  await expect(history.getByTestId('version-row-2')).toContainText('Eve Editor');
  await expect(history.getByTestId('version-row-2')).toContainText('just now');
  await expect(history.getByTestId('version-row-2')).toContainText('draft base');
  await expect(history.getByTestId('version-row-1')).toContainText('one python step');

  // The diff of v1 and v2 on the canvas: added and changed nodes marked, the label change listed field by field
  await history.getByTestId('compare-versions').click();
  await expect(page.getByTestId('version-bar')).toContainText('Changes from version 1 to version 2');
  await expect(nodeDiff(page, 'python_2')).toHaveAttribute('data-diff', 'added');
  await expect(nodeDiff(page, 'python_1')).toHaveAttribute('data-diff', 'changed');
  await expect(history.getByTestId('diff-changed-node')).toContainText('python_1');
  await expect(history.getByTestId('diff-field')).toContainText('label');
  await expect(history.getByTestId('diff-field')).toContainText('"Prepare"');
  // a node of the version shown opens its settings, read only
  await flowNode(page, 'python_1').click();
  const settings = page.getByTestId('version-node-panel');
  await expect(settings.getByLabel('Label')).toHaveValue('Prepare');
  await expect(settings.getByLabel('Label')).toBeDisabled();
  // the other way round, the second step is removed
  await history.getByLabel('Compare from').selectOption('2');
  await history.getByLabel('Compare to').selectOption('1');
  await history.getByTestId('compare-versions').click();
  await expect(nodeDiff(page, 'python_2')).toHaveAttribute('data-diff', 'removed');

  // Open v1 read only, restore it as the draft; the restore is one undo step
  await history.getByRole('button', { name: 'Open version 1' }).click();
  await expect(page.getByTestId('version-bar')).toContainText('Version 1 (read only)');
  await expect(flowNode(page, 'python_2')).toHaveCount(0);
  await expect(page.getByTestId('palette-python')).toHaveCount(0);
  await page.getByTestId('restore-version').click();
  await expect(page.getByTestId('version-bar')).toHaveCount(0);
  await expect(flowNode(page, 'python_1')).toBeVisible();
  await expect(flowNode(page, 'python_2')).toHaveCount(0);
  await expect(flowNode(page, 'python_1')).not.toContainText('Prepare');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(flowNode(page, 'python_2')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(flowNode(page, 'python_2')).toHaveCount(0);
  await expectDraftSaved(page);
  await saveVersion(page, 'back to one step', 3);

  // Saving the same spec again is refused, and the form says so
  await page.getByTestId('save-version').click();
  await page.getByTestId('save-version-confirm').click();
  await expect(page.getByText('Nothing changed since version 3')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Run on a changed draft saves it first, with the message the dialog asks for (its placeholder says what changed)
  await quickAdd(page, 'python', { x: c.x + 500, y: c.y + 300 });
  await expect(flowNode(page, 'python_2')).toBeVisible();
  await expect(page.getByTestId('run-pipeline')).toHaveText('Run draft');
  await page.getByTestId('run-pipeline').click();
  const dialog = page.getByTestId('run-dialog');
  await expect(dialog.getByLabel('Version message')).toHaveAttribute('placeholder', 'Added python_2');
  await dialog.getByLabel('Version message').fill('second step again');
  await page.getByTestId('run-dialog-confirm').click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await page.goBack();
  await page.getByTestId('history-toggle').click();
  await expect(page.getByTestId('version-row-4')).toContainText('second step again');
  // the nothing-changed save was refused (400) on purpose, and said so on the page
  acceptRefusals(consoleErrors, 400);
});
