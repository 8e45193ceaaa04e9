import { randomBytes } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import type { TPipelineSpec } from '../workflows/dsl';
import { EDITOR, signIn } from './helpers';
import { test } from './fixtures';

type TTrpcAnswer<T> = { result: { data: { json: T } } };

async function trpc<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const res = await request.post(`/api/trpc/${procedure}`, { data: input });
  if (!res.ok()) throw new Error(`${procedure}: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as TTrpcAnswer<T>).result.data.json;
}

/** A drift check of scikit-learn's breast cancer data against itself, watching `modelName`. */
const driftSpec = (modelName: string): TPipelineSpec => ({
  nodes: [
    { id: 'reference', kind: 'load_dataset', label: 'reference', config: { source: 'sklearn', dataset: 'breast_cancer' }, position: { x: 0, y: 0 } },
    { id: 'current', kind: 'load_dataset', label: 'current', config: { source: 'sklearn', dataset: 'breast_cancer' }, position: { x: 0, y: 200 } },
    { id: 'drift', kind: 'drift_check', label: 'drift', config: { modelName }, position: { x: 300, y: 100 } },
  ],
  edges: [
    { id: 'e1', source: 'reference', sourcePort: 'dataset', target: 'drift', targetPort: 'reference' },
    { id: 'e2', source: 'current', sourcePort: 'dataset', target: 'drift', targetPort: 'current' },
  ],
  parameters: {},
  maxParallelism: 4,
});

test('the monitoring page of a model charts the PSI of each feature over its drift checks, thresholds drawn, and takes an alert rule', async ({ page }) => {
  const model = `e2e-monitored-${randomBytes(3).toString('hex')}`;
  await signIn(page, EDITOR);
  const me = ((await (await page.request.get('/api/trpc/me.get')).json()) as TTrpcAnswer<{ projects: { id: string }[] }>).result.data.json;
  const projectId = me.projects[0]!.id;
  const { id: pipelineId } = await trpc<{ id: string }>(page.request, 'pipelines.create', { projectId, name: `E2E drift of ${model}` });
  const { versionId } = await trpc<{ versionId: string }>(page.request, 'pipelines.saveVersion', { projectId, pipelineId, spec: driftSpec(model), message: 'e2e' });

  // two checks, one after the other: two points per feature
  for (const i of [1, 2]) {
    const { runId } = await trpc<{ runId: string }>(page.request, 'runs.start', { projectId, versionId, requestId: `e2e-${model}-${i}` });
    await page.goto(`/runs/${runId}`);
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
  }

  await page.goto(`/models/${model}/monitoring`);
  const drift = page.locator('[data-testid="monitoring-chart"][data-chart="PSI per feature"]');
  await expect(drift.locator('canvas')).toBeVisible({ timeout: 15_000 });
  // uPlot's legend names every series: the features and the threshold line
  await expect(drift.locator('.u-legend')).toContainText('mean radius');
  await expect(drift.locator('.u-legend')).toContainText('PSI threshold 0.2');
  await expect(page.locator('[data-testid="monitoring-chart"][data-chart="Drift check metrics"] canvas')).toBeVisible();

  // an alert rule, added from the page
  const form = page.getByTestId('alert-rule-form');
  await form.getByLabel('Name').fill('PSI drift');
  await form.getByLabel('Consecutive checks').fill('2');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(page.getByTestId('alert-rules')).toContainText('any feature’s PSI > 0.2 on 2 consecutive checks');
});
