import { expect, type Locator, type Page } from '@playwright/test';

export const EDITOR = 'editor@weft.local';
export const APPROVER = 'approver@weft.local';
export const ADMIN = 'admin@weft.local';

function seedPassword(): string {
  const password = process.env.WEFT_SEED_PASSWORD;
  if (!password) throw new Error('WEFT_SEED_PASSWORD is not set: the e2e stack seeds its users with it');
  return password;
}

/** Every console error and uncaught error of the page from now on, with its URL: a journey ends with `expect(errors).toEqual([])`. */
export function watchConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(seedPassword());
  // better-auth rate-limits sign-in (a few per 10 s in production builds): when the form answers
  // "Too many requests", press the button again after a pause instead of failing.
  await expect(async () => {
    const button = page.getByRole('button', { name: 'Sign in', exact: true });
    if (await button.isVisible()) await button.click();
    await expect(page.getByTestId('user-email')).toHaveText(email, { timeout: 10_000 });
  }).toPass({ intervals: [2_000, 5_000], timeout: 60_000 });
}

export const flowNode = (page: Page, nodeId: string): Locator => page.locator(`.react-flow__node[data-id="${nodeId}"]`);

export const handle = (page: Page, nodeId: string, port: string): Locator => flowNode(page, nodeId).locator(`.react-flow__handle[data-handleid="${port}"]`);

/** The step status the custom node renders in the run view. */
export const nodeStatus = (page: Page, nodeId: string): Locator => flowNode(page, nodeId).locator('[data-status]');

/** Drags from one handle to another with the real mouse, in small steps as a user would. */
export async function connectHandles(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('handle not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** The run id of the run page the browser is on. */
export function runIdFromUrl(page: Page): string {
  const match = /\/runs\/([0-9a-f-]{36})/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a run page: ${page.url()}`);
  return match[1];
}

/**
 * The seeded example pipeline's link on the pipelines list (the page the browser is on), found by
 * search: the list is paged, and the suite's own pipelines may push it off the first page.
 */
export async function seededPipelineLink(page: Page): Promise<Locator> {
  await page.getByLabel('Search pipelines').fill('Train and approve');
  return page.getByRole('link', { name: 'Train and approve' });
}
