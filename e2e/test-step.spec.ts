import { expect } from '@playwright/test';
import { EDITOR, flowNode, signIn } from './helpers';
import { test } from './fixtures';

const spec = {
  nodes: [
    { id: 'load', kind: 'shell', label: 'Load', config: { command: 'echo load' }, position: { x: 0, y: 0 } },
    {
      id: 'score',
      kind: 'python',
      label: 'Score',
      config: { code: 'import weft_step as weft\nprint("scoring in a test")\nweft.log_metric("auc", 0.75)\n' },
      position: { x: 300, y: 0 },
    },
  ],
  edges: [{ id: 'e1', source: 'load', sourcePort: 'out', target: 'score', targetPort: 'in' }],
  parameters: {},
  maxParallelism: 8,
};

test('an editor tests one step of the draft alone and sees its log and outputs in the panel', async ({ page }) => {
  await signIn(page, EDITOR);
  await page.getByRole('link', { name: 'Pipelines', exact: true }).first().click();
  await page.getByTestId('import-file').setInputFiles({ name: 't.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ kind: 'weft-pipeline', version: 1, name: `Test a step ${Date.now()}`, spec })) });
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/, { timeout: 15_000 });

  await flowNode(page, 'score').click();
  const section = page.getByTestId('step-test');
  await section.getByTestId('test-step').click();
  await expect(page.getByTestId('step-test-missing')).toContainText('load'); // no run yet: no upstream outputs
  await expect(section.getByText('succeeded')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('step-test-outputs')).toContainText('auc');
  await expect(page.getByTestId('step-test-outputs')).toContainText('0.75');
  await expect(section.getByTestId('step-log')).toContainText('scoring in a test');
  // nothing was saved, no run made: the Run picker offers the draft only
  await expect(page.locator('option', { hasText: /^v\d+/ })).toHaveCount(0);
});

test("a node's code opens in a large editor with completion of the step helper and syntax errors marked", async ({ page }) => {
  await signIn(page, EDITOR);
  await page.getByRole('link', { name: 'Pipelines', exact: true }).first().click();
  await page.getByTestId('import-file').setInputFiles({ name: 't.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ kind: 'weft-pipeline', version: 1, name: `Code editor ${Date.now()}`, spec })) });
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await flowNode(page, 'score').click();
  await page.getByTestId('expand-code').click();
  const dialog = page.getByRole('dialog');
  const editor = dialog.locator('.cm-content');
  await expect(editor).toBeVisible();
  await editor.press('ControlOrMeta+End');
  await page.keyboard.type('\nweft.out');
  await expect(page.locator('.cm-tooltip-autocomplete li[aria-selected="true"]')).toContainText('output_path');
  // CodeMirror ignores Enter for its interactionDelay (75 ms) after the list opens, so a quick typist does not pick by accident
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
  await expect(editor).toContainText('weft.output_path(');
  await page.keyboard.type('"x.txt")\nif True print("oops")');
  await expect(dialog.locator('.cm-lintRange-error').first()).toBeVisible({ timeout: 5_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  // the panel's editor shows what was typed in the large one (one draft)
  await expect(page.getByTestId('property-panel').locator('.cm-content')).toContainText('weft.output_path("x.txt")');
});
