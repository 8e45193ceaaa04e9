import { expect, test } from '@playwright/test';
import { EDITOR, signIn } from './helpers';

test('before hydration the sign-in form cannot send a password in a URL: method POST, button disabled', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.locator('form')).toHaveAttribute('method', 'post');
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeDisabled();
  await context.close();
});

test('the app opened at 127.0.0.1 instead of localhost hydrates, signs in and runs mutations', async ({ browser, baseURL }) => {
  const url = new URL(baseURL!);
  url.hostname = '127.0.0.1';
  const context = await browser.newContext({ baseURL: url.origin });
  const page = await context.newPage();
  await signIn(page, EDITOR);
  await page.getByRole('button', { name: 'New pipeline' }).click();
  await page.getByLabel('Pipeline name').fill(`From 127.0.0.1 ${Date.now()}`);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(new RegExp(`^${url.origin}/pipelines/[0-9a-f-]{36}$`));
  await context.close();
});

test('a mutation from a page of another site is refused with 403', async ({ request }) => {
  const answer = await request.post('/api/trpc/pipelines.create', {
    headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
    data: { projectId: '00000000-0000-4000-8000-000000000000', name: 'x' },
  });
  expect(answer.status()).toBe(403);
});
