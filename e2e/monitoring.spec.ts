import { randomBytes } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import type { TPipelineSpec } from '../workflows/dsl';
import { ADMIN, EDITOR, signIn } from './helpers';
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

type TNode = TPipelineSpec['nodes'][number];
const at = (id: string, kind: string, config: Record<string, unknown>, x: number): TNode => ({ id, kind, label: id, config, position: { x, y: 0 } });
const wire = (source: string, sourcePort: string, target: string, targetPort: string) => ({ id: `${source}-${target}-${targetPort}`, source, sourcePort, target, targetPort });

/** Trains, evaluates and registers a version of `modelName`: one point of its metrics over time. */
const trainSpec = (modelName: string): TPipelineSpec => ({
  nodes: [
    at('load', 'load_dataset', { source: 'sklearn', dataset: 'breast_cancer' }, 0),
    at('split', 'split_dataset', { target: 'target' }, 200),
    at('train', 'train_model', { target: 'target' }, 400),
    at('evaluate', 'evaluate_model', { target: 'target' }, 600),
    at('register', 'register_model', { modelName, artifact: 'model.pkl', tags: '' }, 600),
  ],
  edges: [wire('load', 'dataset', 'split', 'dataset'), wire('split', 'train', 'train', 'dataset'), wire('train', 'model', 'evaluate', 'model'), wire('split', 'test', 'evaluate', 'dataset'), wire('train', 'model', 'register', 'model')],
  parameters: {},
  maxParallelism: 4,
});

/** A drift check of a random split's halves against each other: some PSI above 0, every time. */
const splitDriftSpec = (modelName: string): TPipelineSpec => ({
  nodes: [at('load', 'load_dataset', { source: 'sklearn', dataset: 'breast_cancer' }, 0), at('split', 'split_dataset', { target: 'target', testFraction: 0.5 }, 200), at('drift', 'drift_check', { modelName }, 400)],
  edges: [wire('load', 'dataset', 'split', 'dataset'), wire('split', 'train', 'drift', 'reference'), wire('split', 'test', 'drift', 'current')],
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

test('the monitoring page charts the model’s metrics over its versions, and says why an alert’s dispatch failed', async ({ page }) => {
  const suffix = randomBytes(3).toString('hex');
  const model = `e2e-metrics-${suffix}`;
  await signIn(page, ADMIN);
  const me = ((await (await page.request.get('/api/trpc/me.get')).json()) as TTrpcAnswer<{ projects: { id: string }[] }>).result.data.json;
  const projectId = me.projects[0]!.id;
  const runToEnd = async (name: string, spec: TPipelineSpec) => {
    const { id: pipelineId } = await trpc<{ id: string }>(page.request, 'pipelines.create', { projectId, name });
    const { versionId } = await trpc<{ versionId: string }>(page.request, 'pipelines.saveVersion', { projectId, pipelineId, spec, message: 'e2e' });
    const { runId } = await trpc<{ runId: string }>(page.request, 'runs.start', { projectId, versionId, requestId: `e2e-${randomBytes(6).toString('hex')}` });
    await page.goto(`/runs/${runId}`);
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });
  };
  await runToEnd(`E2E train ${model}`, trainSpec(model));

  // a rule whose webhook secret is pointed at the cloud metadata service after the rule was made
  const secret = `E2E_HOOK_${suffix.toUpperCase()}`;
  await trpc(page.request, 'secrets.set', { projectId, name: secret, value: 'http://93.184.215.14/hook' });
  await trpc(page.request, 'alertRules.create', { projectId, modelName: model, name: 'any drift', metric: 'feature_psi', threshold: 0, consecutive: 1, notifySecret: secret });
  await trpc(page.request, 'secrets.set', { projectId, name: secret, value: 'http://169.254.169.254/latest/meta-data/' });
  await runToEnd(`E2E drift ${model}`, splitDriftSpec(model));

  await page.goto(`/models/${model}/monitoring`);
  const metrics = page.locator('[data-testid="monitoring-chart"][data-chart="Model metrics"]');
  await expect(metrics.locator('canvas')).toBeVisible({ timeout: 15_000 });
  await expect(metrics.locator('.u-legend')).toContainText('accuracy');
  await expect(metrics.locator('.u-legend')).toContainText('roc_auc');
  // each point names the version it evaluated
  await expect(page.getByTestId('model-metric-point').first()).toContainText('v1');
  await expect(page.getByTestId('model-metric-point').first()).toContainText(/accuracy 0\.\d{3}/);

  // the alert fired; its webhook was refused at once (no retry can change that), and the page says why
  const alert = page.locator('[data-testid="alert"][data-dispatch="failed"]');
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('dispatch failed');
  await expect(alert).toContainText(`not notified after 1 attempt: webhook of ${secret} refused: it resolves to a link-local address`);
});
