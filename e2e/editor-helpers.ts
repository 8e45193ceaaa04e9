import { expect, type Locator, type Page } from '@playwright/test';
import { flowNode } from './helpers';

/** Creates an empty pipeline from the pipelines list and waits for its editor; returns its URL. */
export async function createPipeline(page: Page, name: string): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: 'New pipeline' }).click();
  await page.getByLabel('Pipeline name').fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('canvas')).toBeVisible();
  return page.url();
}

export async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

export const center = (b: { x: number; y: number; width: number; height: number }) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Adds a step through quick-add (`/` with the pointer at `at`, page coordinates). */
export async function quickAdd(page: Page, query: string, at: { x: number; y: number }): Promise<void> {
  await page.mouse.move(at.x, at.y);
  await page.keyboard.press('/');
  const search = page.getByRole('combobox', { name: 'Search steps' });
  await expect(search).toBeFocused();
  await search.fill(query);
  await search.press('Enter');
  await expect(search).toHaveCount(0);
}

/** Drags a node by its body with the real mouse, in steps as a user would. */
export async function dragNode(page: Page, nodeId: string, by: { x: number; y: number }): Promise<void> {
  const from = center(await box(flowNode(page, nodeId)));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + by.x / 2, from.y + by.y / 2, { steps: 6 });
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 6 });
  await page.mouse.up();
}

export async function expectDraftSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('autosave-state')).toHaveText('Draft saved', { timeout: 15_000 });
}

/** Whether any two of the nodes' boxes on screen overlap. */
export async function anyOverlap(page: Page, nodeIds: readonly string[]): Promise<boolean> {
  const boxes = await Promise.all(nodeIds.map((id) => box(flowNode(page, id))));
  return boxes.some((a, i) => boxes.slice(i + 1).some((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height));
}
