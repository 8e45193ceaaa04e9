import { expect } from '@playwright/test';
import { box, center, createPipeline, dragNode, expectDraftSaved } from './editor-helpers';
import { EDITOR, flowNode, signIn } from './helpers';
import { test } from './fixtures';

test('the first node lands where it is dropped; moves, typing and deletes undo and redo, and autosave keeps the undone state', async ({ page }) => {
  await signIn(page, EDITOR);
  await createPipeline(page, `E2E undo ${Date.now()}`);
  const canvas = page.getByTestId('canvas');
  const canvasBox = await box(canvas);

  // The first drop on an empty canvas: the node is centred under the cursor, and stays there.
  await page.getByTestId('palette-python').dragTo(canvas, { targetPosition: { x: 300, y: 200 } });
  await expect(flowNode(page, 'python_1')).toBeVisible();
  await page.waitForTimeout(300); // a view fitted after the first node would have moved it by now
  const dropped = center(await box(flowNode(page, 'python_1')));
  expect(Math.abs(dropped.x - (canvasBox.x + 300))).toBeLessThan(30);
  expect(Math.abs(dropped.y - (canvasBox.y + 200))).toBeLessThan(30);

  // A drag is one undo step, however many mouse moves it took.
  const before = await box(flowNode(page, 'python_1'));
  await dragNode(page, 'python_1', { x: 200, y: 120 });
  const moved = await box(flowNode(page, 'python_1'));
  expect(moved.x - before.x).toBeGreaterThan(150);
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(async () => Math.round((await box(flowNode(page, 'python_1'))).x)).toBe(Math.round(before.x));
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect.poll(async () => Math.round((await box(flowNode(page, 'python_1'))).x)).toBe(Math.round(moved.x));
  await page.keyboard.press('ControlOrMeta+z');
  await page.keyboard.press('ControlOrMeta+y');
  await expect.poll(async () => Math.round((await box(flowNode(page, 'python_1'))).x)).toBe(Math.round(moved.x));

  // Typing a label is one undo step; inside the field, Ctrl+Z is the field's own.
  await flowNode(page, 'python_1').click();
  await page.getByLabel('Label').pressSequentially('Trainer', { delay: 30 });
  await expect(flowNode(page, 'python_1')).toContainText('Trainer');
  await canvas.locator('.react-flow__pane').click({ position: { x: 500, y: 30 } });
  await expect(page.getByTestId('property-panel')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(flowNode(page, 'python_1')).not.toContainText('Trainer');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(flowNode(page, 'python_1')).toContainText('Trainer');

  // Delete, then undo brings the node back.
  await flowNode(page, 'python_1').click();
  await page.keyboard.press('Delete');
  await expect(flowNode(page, 'python_1')).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(flowNode(page, 'python_1')).toBeVisible();

  // Undo the label again: autosave stores what the canvas shows after an undo.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(flowNode(page, 'python_1')).not.toContainText('Trainer');
  await expectDraftSaved(page);
  await page.reload();
  await expect(flowNode(page, 'python_1')).toBeVisible();
  await expect(flowNode(page, 'python_1')).not.toContainText('Trainer');

  // The toolbar buttons do the same.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl+Shift+Z');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeFocused(); // focus goes back where it was
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the Parameters panel shows what undo and redo restore, without reopening a row', async ({ page }) => {
  await signIn(page, EDITOR);
  await createPipeline(page, `E2E undo params ${Date.now()}`);
  await page.getByTestId('parameters-toggle').click();
  const panel = page.getByTestId('parameters-panel');
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });

  // a number's default: 10, then (another field between, so they are two undo steps) 25
  await panel.getByTestId('add-parameter').click();
  const epochs = panel.getByTestId('parameter-param_1');
  await epochs.getByLabel('Type').selectOption('number');
  await epochs.getByLabel('Default').fill('10');
  await epochs.getByLabel('Description').fill('passes');
  await epochs.getByLabel('Default').fill('25');
  await undo.click();
  await expect(epochs.getByLabel('Default')).toHaveValue('10');
  await redo.click();
  await expect(epochs.getByLabel('Default')).toHaveValue('25');

  // a choice's choices (taken on blur) and its default
  await panel.getByTestId('add-parameter').click();
  const model = panel.getByTestId('parameter-param_2');
  await model.getByLabel('Type').selectOption('choice');
  await model.getByLabel('Choices').fill('rf, gbm');
  await model.getByLabel('Choices').blur();
  await model.getByLabel('Default').selectOption('gbm');
  await model.getByLabel('Choices').fill('rf, gbm, xgb');
  await model.getByLabel('Choices').blur();
  await undo.click();
  await expect(model.getByLabel('Choices')).toHaveValue('rf, gbm');
  await expect(model.getByLabel('Default').locator('option')).toHaveText(['rf', 'gbm']);
  await undo.click();
  await expect(model.getByLabel('Default')).toHaveValue('rf');
  await redo.click();
  await redo.click();
  await expect(model.getByLabel('Choices')).toHaveValue('rf, gbm, xgb');
  await expect(model.getByLabel('Default')).toHaveValue('gbm');
  await expect(epochs.getByLabel('Default')).toHaveValue('25');
});
