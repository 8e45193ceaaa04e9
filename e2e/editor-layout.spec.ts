import { expect } from '@playwright/test';
import { anyOverlap, box, createPipeline, expectDraftSaved, quickAdd } from './editor-helpers';
import { connectHandles, EDITOR, flowNode, handle, signIn } from './helpers';
import { test } from './fixtures';

test('Tidy moves overlapping nodes apart in one undo step; a pipeline saved overlapping is laid out when it opens', async ({ page }) => {
  await signIn(page, EDITOR);
  await createPipeline(page, `E2E layout ${Date.now()}`);
  const c = await box(page.getByTestId('canvas'));
  // Three steps added at nearly the same point: they overlap.
  for (const [i, kind] of ['python', 'shell', 'noop'].entries()) await quickAdd(page, kind, { x: c.x + 400 + i * 30, y: c.y + 250 + i * 20 });
  const ids = ['python_1', 'shell_1', 'noop_1'];
  await expect(flowNode(page, 'noop_1')).toBeVisible();
  expect(await anyOverlap(page, ids)).toBe(true);

  await page.getByTestId('tidy').click();
  await expect.poll(() => anyOverlap(page, ids), { timeout: 15_000 }).toBe(false);
  await page.keyboard.press('ControlOrMeta+z');
  await expect.poll(() => anyOverlap(page, ids)).toBe(true);
  await expectDraftSaved(page);

  // Saved overlapping (as an import without positions would be): laid out on open.
  await page.reload();
  await expect(flowNode(page, 'python_1')).toBeVisible();
  await expect.poll(() => anyOverlap(page, ids), { timeout: 15_000 }).toBe(false);
  await expectDraftSaved(page);
});

test('edges end in arrowheads', async ({ page }) => {
  await signIn(page, EDITOR);
  await createPipeline(page, `E2E arrows ${Date.now()}`);
  const c = await box(page.getByTestId('canvas'));
  await quickAdd(page, 'python', { x: c.x + 200, y: c.y + 200 });
  await quickAdd(page, 'shell', { x: c.x + 600, y: c.y + 300 });
  await connectHandles(page, handle(page, 'python_1', 'out'), handle(page, 'shell_1', 'in'));
  await expect(page.locator('.react-flow__edge path[marker-end]')).toHaveCount(1);
});
