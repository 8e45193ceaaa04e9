// Monitoring and the closed loop, through the real parts (Postgres, Temporal, the workers, real
// Python): a drift check that names a model is recorded as the model's check; a rule "any
// feature's PSI > 0.2 on 2 consecutive checks" fires on the second check of a shifted copy and
// starts the retraining pipeline, whose gate and promotion wait in the approval inbox until the
// retrained version is the champion; each link is readable from both ends.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelVersions } from '../../drizzle/schema';
import { pipelineTemplate, type TPipelineSpec } from '../../workflows/dsl';
import { startHarness, type THarness } from '../testing/harness';
import { saveNewPipeline } from '../testing/pipeline-runs';
import { sharedPath } from '../testing/step-evidence';
import { waitFor } from '../testing/wait-for';

const MODEL = 'breast-cancer';
const SHIFTED = `
import sys
from sklearn.datasets import load_breast_cancer
sample = load_breast_cancer(as_frame=True).frame.sample(n=200, random_state=1)
sample.assign(**{"mean radius": sample["mean radius"] + 4}).to_csv(sys.argv[1], index=False)
`;

type TNode = TPipelineSpec['nodes'][number];
const noRetry = { retry: { maxAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 1 } };
const node = (id: string, kind: string, config: Record<string, unknown> = {}): TNode => ({ id, kind, label: id, config, position: { x: 0, y: 0 }, ...noRetry });
const wire = (source: string, sourcePort: string, target: string, targetPort: string) => ({ id: `${source}_${sourcePort}-${target}_${targetPort}`, source, sourcePort, target, targetPort });

let h: THarness;
let shifted: string;
/** the alert webhook: what it was sent */
const hooks: string[] = [];
let hookServer: Server;
beforeAll(async () => {
  // the test's webhook listens on loopback, which the webhook address policy refuses unless allowed
  process.env.WEFT_WEBHOOK_ALLOWED_ADDRESSES = '127.0.0.1';
  h = await startHarness();
  hookServer = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      hooks.push(body);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  await h.as('admin').secrets.set({ projectId: h.projectId, name: 'ALERT_WEBHOOK', value: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook` });
  shifted = sharedPath(`monitoring-${randomUUID()}-shifted.csv`);
  await promisify(execFile)(process.env.WEFT_PYTHON ?? 'python3', ['-c', SHIFTED, shifted]);
});
afterAll(async () => {
  hookServer?.close();
  await h?.stop();
});

const runOf = (runId: string) => h.as('viewer').runs.get({ projectId: h.projectId, runId });
const finished = (runId: string) => waitFor(() => runOf(runId), (r) => ['succeeded', 'failed', 'cancelled'].includes(r.run.status), { timeoutMs: 240_000, what: `run ${runId} to finish` });
const monitoring = () => h.as('viewer').models.monitoring({ projectId: h.projectId, name: MODEL });

describe('monitoring a model: checks, alert rules, the retraining loop', () => {
  it('refuses a rule with a bad field, naming it', async () => {
    const bad = h.as('editor').alertRules.create({ projectId: h.projectId, modelName: MODEL, name: 'x', metric: 'feature_psi', threshold: 0.2, consecutive: 0 });
    await expect(bad).rejects.toThrow(/consecutive: at least 1/);
    await expect(h.as('viewer').alertRules.create({ projectId: h.projectId, modelName: MODEL, name: 'x', metric: 'feature_psi', threshold: 0.2, consecutive: 1 })).rejects.toThrow();
  });

  it('a drift check of a shifted copy fires the rule on its second check and starts the retraining, whose gate and promotion wait in the inbox until its version is champion', { timeout: 600_000 }, async () => {
    const retrainSpec = pipelineTemplate('train-validate-compare')!.spec;
    const retraining = await saveNewPipeline(h.as('editor'), h.projectId, { ...retrainSpec, parameters: { ...retrainSpec.parameters, data: '' } });
    const rule = await h.as('editor').alertRules.create({ projectId: h.projectId, modelName: MODEL, name: 'PSI drift', metric: 'feature_psi', threshold: 0.2, consecutive: 2, notifySecret: 'ALERT_WEBHOOK', retrainPipelineId: retraining.pipelineId, retrainParameter: 'data' });

    const check = await saveNewPipeline(h.as('editor'), h.projectId, {
      nodes: [node('reference', 'load_dataset', { source: 'sklearn', dataset: 'breast_cancer' }), node('current', 'load_dataset', { source: 'path', path: shifted }), node('drift', 'drift_check', { modelName: MODEL })],
      edges: [wire('reference', 'dataset', 'drift', 'reference'), wire('current', 'dataset', 'drift', 'current')],
      parameters: {},
      maxParallelism: 8,
    });
    const checkOnce = async () => {
      const { runId } = await h.as('editor').runs.start({ projectId: h.projectId, versionId: check.versionId, requestId: randomUUID() });
      expect((await finished(runId)).run.status).toBe('succeeded');
      return runId;
    };

    const first = await checkOnce();
    const afterFirst = await waitFor(monitoring, (m) => m.checks.length === 1, { timeoutMs: 30_000, what: 'the first check to be recorded' });
    expect(afterFirst.checks[0]).toMatchObject({ runId: first, nodeId: 'drift', drifted: true });
    expect(afterFirst.checks[0]!.scores['mean radius']!.psi).toBeGreaterThan(0.2);
    expect(afterFirst.checks[0]!.scores['mean radius']!.threshold).toBe(0.2);
    expect(afterFirst.alerts).toEqual([]); // one breaching check of two

    const second = await checkOnce();
    const fired = await waitFor(monitoring, (m) => m.alerts[0] !== undefined && m.alerts[0].dispatch !== 'pending', { timeoutMs: 60_000, what: 'the alert to start its retraining and notify' });
    expect(fired.checks.map((c) => c.runId)).toEqual([first, second]);
    const [alert] = fired.alerts;
    expect(alert).toMatchObject({ ruleName: 'PSI drift', checkRunId: second, retrainError: null, notifyError: null, dispatch: 'done' });
    // the webhook got Notify's body, naming the model, the rule and the retraining run
    expect(hooks).toHaveLength(1);
    const { text } = JSON.parse(hooks[0]!) as { text: string };
    expect(text).toContain(`[${MODEL}] PSI drift: a feature’s PSI`);
    expect(text).toContain(alert!.retrainRunId!);
    expect(fired.rules[0]).toMatchObject({ id: rule.id, retrainPipelineName: expect.any(String) });

    // the retraining run: its latest version, the checked data's hash as `data`, started by the rule's creator and by the alert
    const retrain = await runOf(alert!.retrainRunId!);
    expect(retrain.pipeline.id).toBe(retraining.pipelineId);
    expect(retrain.run.trigger).toBe('alert');
    expect(retrain.run.params.data).toMatch(/^[0-9a-f]{64}$/);
    expect(retrain.startedByAlert).toMatchObject({ id: alert!.id, modelName: MODEL });
    expect((await runOf(second)).firedAlerts.map((a) => a.id)).toEqual([alert!.id]);

    // its gate, then its promotion, wait in the approval inbox like any other run's; approved, the retrained version is the champion
    const approve = async (nodeId: string) => {
      const pending = await waitFor(
        async () => (await h.as('approver').approvals.list({ projectId: h.projectId, status: 'pending' })).find((a) => a.runId === alert!.retrainRunId && a.nodeId === nodeId),
        (a) => a !== undefined,
        { timeoutMs: 300_000, what: `${nodeId} of the retraining run to wait for approval` },
      );
      await h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: pending!.id, decision: 'approved', comment: 'drift confirmed' });
    };
    await approve('approve');
    await approve('promote');
    expect((await finished(alert!.retrainRunId!)).run.status).toBe('succeeded');
    const [version] = await h.db.select().from(modelVersions).where(eq(modelVersions.weftRunId, alert!.retrainRunId!));
    expect((await h.as('viewer').models.get({ projectId: h.projectId, name: MODEL })).aliases).toEqual([{ alias: 'champion', version: version!.version }]);

    // the model's metrics over time (tracking store): the retraining run's Evaluate is the point of the version it registered, now champion
    const metrics = await h.as('viewer').models.metrics({ projectId: h.projectId, name: MODEL });
    expect(metrics.championVersion).toBe(version!.version);
    const evaluation = metrics.points.find((p) => p.runId === alert!.retrainRunId && p.source === 'evaluate');
    expect(evaluation).toMatchObject({ nodeId: 'evaluate', version: version!.version, metrics: { accuracy: expect.any(Number), f1: expect.any(Number), roc_auc: expect.any(Number) } });
    expect(Object.keys(evaluation!.metrics).some((k) => k.includes('_ci_'))).toBe(false);
    // its Compare with production found no champion yet: the candidate's score alone
    expect(metrics.points.find((p) => p.runId === alert!.retrainRunId && p.source === 'compare')?.metrics).toMatchObject({ 'candidate (compare)': expect.any(Number) });
    // (the drift checks name the model but evaluate nothing: no points of theirs)
    expect(metrics.points.every((p) => p.runId === alert!.retrainRunId)).toBe(true);
  });
});
