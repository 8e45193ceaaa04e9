import { expect } from '@playwright/test';
import { box, createPipeline } from './editor-helpers';
import { EDITOR, flowNode, signIn } from './helpers';
import { test } from './fixtures';

test('the editor works from the keyboard: palette, quick-add, selecting, moving and deleting nodes, dialogs', async ({ page }) => {
  await signIn(page, EDITOR);
  await createPipeline(page, `E2E keyboard ${Date.now()}`);

  // the palette: a step is focused with Tab and added with Enter or Space
  await page.getByTestId('palette-python').focus();
  await page.keyboard.press('Enter');
  await expect(flowNode(page, 'python_1')).toBeVisible();
  await page.getByTestId('palette-shell').focus();
  await page.keyboard.press('Space');
  await expect(flowNode(page, 'shell_1')).toBeVisible();

  // a node: focused, selected with Enter (its properties open), moved with the arrows, deleted with Delete, back with Ctrl+Z
  const node = flowNode(page, 'shell_1');
  await node.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('property-panel')).toBeVisible();
  await expect(page.getByTestId('property-panel').getByLabel('Label')).toHaveAttribute('placeholder', 'shell_1');
  await node.focus();
  const before = await box(node);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await box(node)).x).toBeGreaterThan(before.x);
  await page.keyboard.press('Delete');
  await expect(node).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(node).toBeVisible();

  // quick-add from the keyboard: `/`, type, arrows, Enter; Escape closes and gives focus back
  await flowNode(page, 'python_1').focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  const search = page.getByRole('combobox', { name: 'Search steps' });
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search).toHaveCount(0);
  await expect(flowNode(page, 'python_1')).toBeFocused();
  await page.keyboard.press('/');
  await page.keyboard.type('shell');
  await page.keyboard.press('Enter');
  await expect(flowNode(page, 'shell_2')).toBeVisible();
});
