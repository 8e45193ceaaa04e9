import { expect } from '@playwright/test';
import { ADMIN, signIn, watchConsoleErrors, seededPipelineLink } from './helpers';
import { test } from './fixtures';

test('an admin invites a colleague, who signs up through the link and sees the project with the given role', async ({ page, browser, baseURL }) => {
  const email = `colleague-${Date.now()}@example.com`;
  const password = 'a long colleague password';

  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Members' }).click();
  await expect(page).toHaveURL(/\/members$/);
  // the pending list loaded first: an invitation made while its first load is in flight is not in that answer, and
  // React Query does not fetch again for a query that has no data yet (it shares the load under way)
  await expect(page.getByTestId('pending-invitations')).toContainText(/None\.| as (viewer|editor|approver|admin)/);
  const form = page.getByTestId('invite-form');
  await form.getByLabel('E-mail address').fill(email);
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByRole('button', { name: 'Invite' }).click();
  const linkField = page.getByLabel('Invitation link');
  await expect(linkField).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/, { timeout: 15_000 });
  const link = await linkField.inputValue();
  await expect(page.getByTestId('pending-invitations')).toContainText(email);

  // the colleague, in a browser of their own
  const colleagueContext = await browser.newContext({ baseURL });
  const colleague = await colleagueContext.newPage();
  const colleagueErrors = watchConsoleErrors(colleague);
  await colleague.goto(link);
  await expect(colleague.getByTestId('invitation')).toContainText(`invited ${email} to Example project as viewer`);
  await colleague.getByLabel('Your name').fill('Carla Colleague');
  await colleague.getByLabel('Password', { exact: true }).fill(password);
  await colleague.getByLabel('Repeat the password').fill(password);
  await colleague.getByRole('button', { name: 'Create account and join' }).click();

  await expect(colleague.getByTestId('user-email')).toHaveText(email, { timeout: 15_000 });
  await expect(colleague.getByText('Example project (viewer)')).toBeVisible();
  // a viewer opens the pipelines, read only
  const seeded = await seededPipelineLink(colleague);
  await expect(seeded).toBeVisible();
  await expect(colleague.getByRole('button', { name: 'New pipeline' })).toHaveCount(0);
  await seeded.click();
  await expect(colleague.getByText('Read only')).toBeVisible();
  await expect(colleague.getByTestId('save-version')).toHaveCount(0);
  await expect(colleague.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  // and the server refuses a viewer's write whatever the page shows
  const projectId = await colleague.evaluate(() => window.localStorage.getItem('weft.projectId'));
  const write = await colleagueContext.request.post('/api/trpc/pipelines.create', { headers: { origin: new URL(baseURL!).origin }, data: { projectId, name: 'not allowed' } });
  expect(write.status()).toBe(403);

  // the link worked once
  const other = await browser.newContext({ baseURL });
  const reuse = await other.newPage();
  const reuseErrors = watchConsoleErrors(reuse);
  await reuse.goto(link);
  await expect(reuse.getByTestId('invitation')).toContainText('This invitation was used already');
  await other.close();

  // the admin makes the colleague an editor: their next load offers editing
  await page.reload();
  await expect(page.getByTestId(`member-${email}`)).toBeVisible();
  await page.getByLabel(`Role of ${email}`).selectOption('editor');
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue('editor');
  await colleague.goto('/');
  await expect(colleague.getByText('Example project (editor)')).toBeVisible();
  await expect(colleague.getByRole('button', { name: 'New pipeline' })).toBeVisible();
  await colleagueContext.close();
  expect([...colleagueErrors, ...reuseErrors]).toEqual([]); // no console error on any page of the journey
});
