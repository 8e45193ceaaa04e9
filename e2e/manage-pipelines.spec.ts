import { expect } from '@playwright/test';
import { EDITOR, signIn } from './helpers';
import { acceptRefusals, test } from './fixtures';

const spec = {
  nodes: [
    { id: 'load', kind: 'shell', label: 'Load', config: { command: 'echo load' }, position: { x: 0, y: 0 } },
    { id: 'train', kind: 'shell', label: 'Train', config: { command: 'echo train' }, position: { x: 250, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'load', sourcePort: 'out', target: 'train', targetPort: 'in' }],
  parameters: {},
  maxParallelism: 8,
};

test('an editor imports pipelines (a bad file is refused with its problems), searches, renames, duplicates, archives and restores them', async ({ page, consoleErrors }) => {
  const name = `Imported ${Date.now()}`;
  await signIn(page, EDITOR);
  await page.getByRole('link', { name: 'Pipelines', exact: true }).first().click();

  // a file with a cycle: refused, its problems listed, nothing stored
  const cyclic = { ...spec, edges: [...spec.edges, { id: 'e2', source: 'train', sourcePort: 'out', target: 'load', targetPort: 'in' }] };
  await page.getByTestId('import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ kind: 'weft-pipeline', version: 1, name, spec: cyclic })) });
  await expect(page.getByTestId('import-problems')).toContainText(/cycle/i);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByLabel('Search pipelines').fill(name);
  await expect(page.getByText('No pipeline matches.')).toBeVisible();

  // a good YAML file: a new pipeline, opened in the editor
  const yaml = `kind: weft-pipeline\nversion: 1\nname: ${name}\ndescription: from a file\ntags: [imported]\nspec: ${JSON.stringify(spec)}\n`;
  await page.getByTestId('import-file').setInputFiles({ name: 'good.yaml', mimeType: 'application/yaml', buffer: Buffer.from(yaml) });
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await expect(page.locator('.react-flow__node[data-id="train"]')).toBeVisible();

  await page.goto('/');
  await page.getByLabel('Search pipelines').fill(name.toUpperCase());
  const row = page.locator(`tr[data-pipeline-name="${name}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByRole('button', { name: 'imported', exact: true })).toBeVisible();

  // rename in the app's dialog
  await row.getByRole('button', { name: 'Rename' }).click();
  const renameDialog = page.getByRole('dialog', { name: `Rename “${name}”` });
  await renameDialog.getByLabel('New name').fill(`${name} v2`);
  await renameDialog.getByRole('button', { name: 'Save' }).click();
  const renamed = page.locator(`tr[data-pipeline-name="${name} v2"]`);
  await expect(renamed).toBeVisible();

  // duplicate opens the copy
  await renamed.getByRole('button', { name: 'Duplicate' }).click();
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);
  await page.goto('/');
  await page.getByLabel('Search pipelines').fill(name);
  await expect(page.locator(`tr[data-pipeline-name="${name} v2 (copy)"]`)).toBeVisible();

  // archive, confirmed in the app's dialog (never the browser's)
  page.on('dialog', () => {
    throw new Error('the browser dialog was used');
  });
  await renamed.getByRole('button', { name: 'Archive', exact: true }).click();
  await page.getByRole('dialog', { name: `Archive “${name} v2”?` }).getByRole('button', { name: 'Archive', exact: true }).click();
  await expect(renamed).toHaveCount(0);
  await page.getByLabel('Archived').check();
  await expect(renamed).toBeVisible();
  await renamed.getByRole('button', { name: 'Restore' }).click();
  await expect(renamed).toHaveCount(0);
  await page.getByLabel('Archived').uncheck();
  await expect(renamed).toBeVisible();
  // the bad file was refused (400) on purpose, its problems listed
  acceptRefusals(consoleErrors, 400);
});
