import { expect } from '@playwright/test';
import { box, createPipeline, quickAdd } from './editor-helpers';
import { connectHandles, EDITOR, flowNode, handle, signIn } from './helpers';
import { test } from './fixtures';

test('a node id is renamed in the property panel: checked, its edges follow, expressions that read it are rewritten, undo puts it back', async ({ page }) => {
  await signIn(page, EDITOR);
  await createPipeline(page, `E2E node id ${Date.now()}`);
  const c = await box(page.getByTestId('canvas'));
  await quickAdd(page, 'python', { x: c.x + 150, y: c.y + 200 });
  await quickAdd(page, 'condition', { x: c.x + 450, y: c.y + 200 });
  await flowNode(page, 'condition_1').click();
  await page.getByLabel('Expression').fill('steps.python_1.metrics.accuracy > 0.5');
  await connectHandles(page, handle(page, 'python_1', 'out'), handle(page, 'condition_1', 'in'));
  await expect(page.getByTestId('problem-count')).toHaveCount(0);

  await flowNode(page, 'python_1').click();
  const id = page.getByTestId('node-id-input');
  await id.fill('has space');
  await expect(page.getByTestId('property-panel')).toContainText('Id may hold only letters, digits');
  await id.fill('condition_1');
  await expect(page.getByTestId('property-panel')).toContainText('Another node is already called "condition_1"');
  await id.fill('train');
  await id.press('Enter');
  await expect(flowNode(page, 'train')).toBeVisible();
  await expect(flowNode(page, 'python_1')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await flowNode(page, 'condition_1').click();
  await expect(page.getByLabel('Expression')).toHaveValue('steps.train.metrics.accuracy > 0.5');
  await expect(page.getByTestId('problem-count')).toHaveCount(0);

  await page.locator('.react-flow__pane').click({ position: { x: 400, y: 420 } });
  await page.keyboard.press('ControlOrMeta+z');
  await expect(flowNode(page, 'python_1')).toBeVisible();
  await flowNode(page, 'condition_1').click();
  await expect(page.getByLabel('Expression')).toHaveValue('steps.python_1.metrics.accuracy > 0.5');
});
