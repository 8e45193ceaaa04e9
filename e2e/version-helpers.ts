import { expect, type Page } from '@playwright/test';

/** Saves the draft as a version through the toolbar's form and waits for its number. */
export async function saveVersion(page: Page, message: string, number: number): Promise<void> {
  await page.getByTestId('save-version').click();
  await page.getByLabel('Message').fill(message);
  await page.getByTestId('save-version-confirm').click();
  await expect(page.getByText(`Saved v${number}`)).toBeVisible();
}

/** The version diff's mark on a node (added, removed, changed), read from its root. */
export const nodeDiff = (page: Page, nodeId: string) => page.locator(`.react-flow__node[data-id="${nodeId}"] [data-diff]`);
