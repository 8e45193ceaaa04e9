import { readFile } from 'node:fs/promises';
import { expect } from '@playwright/test';
import { EDITOR, flowNode, nodeStatus, signIn } from './helpers';
import { test } from './fixtures';

// A step that fails its first attempt and succeeds on the retry, then a Python step whose own code raises.
const spec = {
  nodes: [
    {
      id: 'flaky',
      kind: 'shell',
      label: 'Fetch data',
      config: { command: 'echo "attempt $WEFT_ATTEMPT"; [ "$WEFT_ATTEMPT" -ge 2 ] || { echo "upstream not ready"; exit 3; }; echo recovered' },
      position: { x: 0, y: 0 },
      retry: { maxAttempts: 2, initialIntervalSeconds: 1, backoffCoefficient: 1 },
    },
    {
      id: 'broken',
      kind: 'python',
      label: 'Clean data',
      config: { code: 'def clean():\n    raise ValueError("column \'age\' is missing")\n\nprint("cleaning")\nclean()\n' },
      position: { x: 300, y: 0 },
    },
  ],
  edges: [{ id: 'e1', source: 'flaky', sourcePort: 'out', target: 'broken', targetPort: 'in' }],
  parameters: {},
  maxParallelism: 8,
};

test('a run shows step durations, a timeline with the retried attempt, the failure in one line by label, and a searchable log', async ({ page }) => {
  const name = `Run view ${Date.now()}`;
  await signIn(page, EDITOR);
  await page.getByRole('link', { name: 'Pipelines', exact: true }).first().click();
  await page.getByTestId('import-file').setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ kind: 'weft-pipeline', version: 1, name, spec })) });
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/, { timeout: 15_000 });
  await page.getByTestId('save-version').click();
  await page.getByLabel('Message').fill('imported');
  await page.getByTestId('save-version-confirm').click();
  await expect(page.getByText('Saved v1')).toBeVisible();
  await page.getByTestId('run-pipeline').click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}$/, { timeout: 15_000 });

  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  await expect(nodeStatus(page, 'flaky')).toHaveAttribute('data-status', 'succeeded');
  await expect(flowNode(page, 'flaky')).toContainText('attempt 2');
  await expect(flowNode(page, 'flaky').getByTestId('elapsed')).toHaveText(/\d+(\.\d)? (ms|s)/);

  // the failure in one line: the user's exception, named by the step's label, not the fork server's frames
  await expect(page.getByTestId('run-error')).toContainText('Clean data');
  await expect(page.getByTestId('run-error')).toContainText("ValueError: column 'age' is missing");
  await expect(page.getByTestId('run-error')).not.toContainText('forkserver');

  // the log is one click away, searchable
  await flowNode(page, 'broken').click();
  const panel = page.getByTestId('step-log-panel');
  await expect(panel).toContainText('Clean data');
  await expect(page.getByTestId('step-log')).toContainText('Traceback');
  // each line's time, read by the pool worker: the offset from the attempt's start, the ISO time on hover; it can be hidden
  const times = page.getByTestId('step-log').getByTestId('log-time');
  await expect(times.first()).toHaveText(/^\+\d+\.\d{3}s$/);
  await expect(times.first()).toHaveAttribute('title', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  await panel.getByLabel('Timestamps').uncheck();
  await expect(times).toHaveCount(0);
  await expect(page.getByTestId('step-log')).toContainText('cleaning');
  await panel.getByLabel('Timestamps').check();
  await expect(times.first()).toBeVisible();
  await panel.getByLabel('Search the log').fill('valueerror');
  await expect(page.getByTestId('log-match-count')).toHaveText(/^[1-9]\d* lines?$/);
  await expect(page.getByTestId('step-log-matches').locator('mark').first()).toHaveText('ValueError');
  await expect(page.getByTestId('step-log-matches').getByTestId('log-time').first()).toHaveText(/^\+\d+\.\d{3}s$/);
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toMatch(/-broken-attempt-\d+\.log$/);
  // the download has each line's time as an ISO prefix
  expect(await readFile((await (await download).path())!, 'utf8')).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z cleaning$/m);

  // the timeline: the retried step has two attempts, the first failed, with the backoff between them
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const row = page.getByTestId('run-gantt').locator('[data-gantt-node="flaky"]');
  await expect(row).toContainText('Fetch data');
  await expect(row.locator('[data-segment="attempt"]')).toHaveCount(2);
  await expect(row.locator('[data-segment="attempt"]').first()).toHaveAttribute('data-status', 'failed');
  await expect(row.locator('[data-segment="attempt"]').last()).toHaveAttribute('data-status', 'succeeded');
  await expect(page.getByTestId('run-gantt').locator('[data-gantt-node="broken"] [data-segment="attempt"]').last()).toHaveAttribute('data-status', 'failed');
});
