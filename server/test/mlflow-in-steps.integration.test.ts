// `import mlflow` inside a step, through the real parts: a python step on the pool worker (in its
// sandbox, reaching web's MLflow API through the worker's bridge socket) logs with the real
// mlflow client; the pipeline's experiment, the run's parent run and the attempt's child run hold
// what it logged (and what `weft.log_metric` recorded); its token writes nothing else and dies
// with its attempt.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelVersions, registeredModels, stepAttempts, trackingExperiments, trackingLoggedModels, trackingMetrics, trackingParams, trackingRuns, trackingTags } from '../../drizzle/schema';
import { mintStepTrackingToken, parentTrackingRunId, stepTrackingRunId } from '../../workflows/contract/step-tracking';
import { EXAMPLE_TRAIN_CODE } from '../db/example-pipeline';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { startNewPipeline } from '../testing/pipeline-runs';
import { waitFor } from '../testing/wait-for';

let h: THarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

const noRetry = { cache: false, retry: { maxAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 1 } };
const FINAL = ['succeeded', 'failed', 'cancelled'];

const TRAIN = `
import os, mlflow, weft_step as weft
from mlflow.exceptions import MlflowException
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

given = os.environ["MLFLOW_RUN_ID"]  # (start_run takes it out of the environment)
mlflow.sklearn.autolog(log_input_examples=False, log_model_signatures=True)
X, y = load_iris(return_X_y=True)
with mlflow.start_run() as run:
    assert run.info.run_id == given, run.info.run_id
    mlflow.log_param("note", "from a step")
    for i in range(3):
        mlflow.log_metric("loss", 1.0 / (i + 1), step=i)
    LogisticRegression(max_iter=200).fit(X, y)
    weft.log_metric("weft_accuracy", 0.93)
    client = mlflow.MlflowClient()
    parent = client.get_run(run.info.run_id).data.tags["mlflow.parentRunId"]
    for attempt, call in [("parent", lambda: client.log_metric(parent, "forged", 1.0)),
                          ("experiment", lambda: client.create_experiment("made-by-a-step"))]:
        try:
            call()
            print("WROTE", attempt)
        except MlflowException as error:
            print("REFUSED", attempt, error.error_code)
print("REACHED", os.environ["MLFLOW_TRACKING_URI"], os.environ.get("WEFT_MLFLOW_SOCKET"))
print("TOKEN-IN-ENV", os.environ["MLFLOW_TRACKING_TOKEN"])
`;

describe('mlflow inside a step', () => {
  it('logs params, metric steps, autolog and a model into the attempt child run, and nothing elsewhere', async () => {
    const spec = chainSpec([
      ['train', 'python', { code: TRAIN }, noRetry],
      ['report', 'shell', { command: `python -c 'import mlflow; mlflow.log_metric("from_shell", 1.0)'` }, noRetry],
    ]);
    const { runId, pipelineId } = await startNewPipeline(h.as('editor'), h.projectId, spec);
    const run = await waitFor(() => h.as('viewer').runs.get({ projectId: h.projectId, runId }), (r) => FINAL.includes(r.run.status), { timeoutMs: 120_000, what: 'the run to end' });
    const log = (await h.db.select({ log: stepAttempts.log, error: stepAttempts.error }).from(stepAttempts).where(eq(stepAttempts.runId, runId))).map((a) => `${a.log}\n${a.error ?? ''}`).join('\n');
    expect(run.run.status, log).toBe('succeeded');
    expect(log).toContain('REFUSED parent PERMISSION_DENIED');
    expect(log).toContain('REFUSED experiment PERMISSION_DENIED');
    // in a sandbox with a network of its own, through the worker's bridge socket
    expect(log).toMatch(/REACHED http:\/\/127\.0\.0\.1:\d+\/mlflow (\/run\/weft\/mlflow\.sock|None)/);
    // the token is masked in the step's log
    expect(log).not.toMatch(/TOKEN-IN-ENV weft-step\./);

    const [experiment] = await h.db.select().from(trackingExperiments).where(eq(trackingExperiments.pipelineId, pipelineId));
    expect(experiment).toBeDefined();
    const childId = stepTrackingRunId({ runId, nodeId: 'train', attempt: 1 });
    const shellChildId = stepTrackingRunId({ runId, nodeId: 'report', attempt: 1 });
    const parentId = parentTrackingRunId(runId);
    const rows = await h.db.select().from(trackingRuns).where(eq(trackingRuns.weftRunId, runId));
    expect(rows.map((r) => r.runUuid).sort()).toEqual([childId, shellChildId, parentId].sort());
    // a python that a shell step starts logs into the shell step's run
    expect(await h.db.select({ value: trackingMetrics.value }).from(trackingMetrics).where(eq(trackingMetrics.runUuid, shellChildId))).toEqual([{ value: 1 }]);
    for (const row of rows) {
      expect(row.experimentId).toBe(experiment!.id);
      expect(row.status).toBe('FINISHED');
      expect(row.endTime).toBeGreaterThanOrEqual(row.startTime);
    }
    const tags = await h.db.select().from(trackingTags).where(eq(trackingTags.runUuid, childId));
    expect(tags).toContainEqual({ runUuid: childId, key: 'mlflow.parentRunId', value: parentId });

    const params = await h.db.select().from(trackingParams).where(eq(trackingParams.runUuid, childId));
    expect(params).toContainEqual({ runUuid: childId, key: 'note', value: 'from a step' });
    expect(params.some((p) => p.key === 'max_iter' && p.value === '200')).toBe(true); // autolog
    const loss = await h.db.select().from(trackingMetrics).where(and(eq(trackingMetrics.runUuid, childId), eq(trackingMetrics.key, 'loss')));
    expect(loss.map((m) => m.step).sort()).toEqual([0, 1, 2]);
    // weft.log_metric, recorded by the control worker into the same child run
    const mirrored = await h.db.select().from(trackingMetrics).where(and(eq(trackingMetrics.runUuid, childId), eq(trackingMetrics.key, 'weft_accuracy')));
    expect(mirrored.map((m) => m.value)).toEqual([0.93]);
    const models = await h.db.select().from(trackingLoggedModels).where(eq(trackingLoggedModels.sourceRunUuid, childId));
    expect(models.length).toBeGreaterThan(0);
    expect(await h.db.select().from(trackingExperiments).where(eq(trackingExperiments.name, 'made-by-a-step'))).toEqual([]);

    // a token of that attempt, well signed and unexpired, is refused once the attempt has ended
    const token = mintStepTrackingToken(h.workerToken, { runId, nodeId: 'train', attempt: 1, exp: Math.ceil(Date.now() / 1000) + 600 });
    const late = await fetch(`${h.trackingUri}/api/2.0/mlflow/runs/log-metric`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ run_id: childId, key: 'late', value: 1, timestamp: Date.now(), step: 0 }),
    });
    expect(late.status).toBe(401);
    // and one signed with another key is refused at once
    const forged = mintStepTrackingToken('not-the-worker-token', { runId, nodeId: 'train', attempt: 1, exp: Math.ceil(Date.now() / 1000) + 600 });
    const refused = await fetch(`${h.trackingUri}/api/2.0/mlflow/runs/get?run_id=${childId}`, { headers: { authorization: `Bearer ${forged}` } });
    expect(refused.status).toBe(401);
  }, 180_000);

  it("runs the seeded example's train step: a learning curve, autologged params and a registered iris-classifier version", async () => {
    const spec = chainSpec([['train', 'python', { code: EXAMPLE_TRAIN_CODE }, noRetry]]);
    spec.parameters = { learning_rate: 0.1 };
    const { runId } = await startNewPipeline(h.as('editor'), h.projectId, spec);
    const run = await waitFor(() => h.as('viewer').runs.get({ projectId: h.projectId, runId }), (r) => FINAL.includes(r.run.status), { timeoutMs: 120_000, what: 'the run to end' });
    const log = (await h.db.select({ log: stepAttempts.log, error: stepAttempts.error }).from(stepAttempts).where(eq(stepAttempts.runId, runId))).map((a) => `${a.log}\n${a.error ?? ''}`).join('\n');
    expect(run.run.status, log).toBe('succeeded');
    const childId = stepTrackingRunId({ runId, nodeId: 'train', attempt: 1 });
    const curve = await h.db.select().from(trackingMetrics).where(and(eq(trackingMetrics.runUuid, childId), eq(trackingMetrics.key, 'sgd_val_accuracy')));
    expect(curve).toHaveLength(20);
    const params = await h.db.select().from(trackingParams).where(eq(trackingParams.runUuid, parentTrackingRunId(runId)));
    expect(params).toContainEqual({ runUuid: parentTrackingRunId(runId), key: 'learning_rate', value: '0.1' });
    const [model] = await h.db.select().from(registeredModels).where(and(eq(registeredModels.projectId, h.projectId), eq(registeredModels.name, 'iris-classifier')));
    expect(model).toBeDefined();
    const versions = await h.db.select().from(modelVersions).where(eq(modelVersions.modelId, model!.id));
    expect(versions.map((v) => v.runId), JSON.stringify(versions)).toContain(childId);
  }, 180_000);
});
