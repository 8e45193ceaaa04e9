// The ML step library through the real parts: its node kinds compiled into python_library steps,
// run by the pool worker (warm python, sandbox, MLflow bridge) on data scikit-learn ships, with
// the registry, approvals and tracking in Postgres. The "Train, validate, compare, approve,
// register" template trains, validates, compares with production, waits for approval and
// registers; a worse candidate is judged `worse` and not registered; the other two templates run
// as they are; validation refuses a corrupted copy; the drift check flags a shifted copy only.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelVersions, steps, trackingArtifacts, trackingDatasets, trackingInputs, trackingParams, trackingRuns } from '../../drizzle/schema';
import { pipelineTemplate, type TPipelineSpec } from '../../workflows/dsl';
import { startHarness, type THarness } from '../testing/harness';
import { saveNewPipeline, startNewPipeline } from '../testing/pipeline-runs';
import { sharedPath } from '../testing/step-evidence';
import { waitFor } from '../testing/wait-for';

const noRetry = { retry: { maxAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 1 } };
type TNode = TPipelineSpec['nodes'][number];
const node = (id: string, kind: string, config: Record<string, unknown> = {}): TNode => ({ id, kind, label: id, config, position: { x: 0, y: 0 }, ...noRetry });
const wire = (source: string, sourcePort: string, target: string, targetPort: string) => ({ id: `${source}_${sourcePort}-${target}_${targetPort}`, source, sourcePort, target, targetPort });
const pipeline = (nodes: TNode[], edges: ReturnType<typeof wire>[], parameters: TPipelineSpec['parameters'] = {}): TPipelineSpec => ({ nodes, edges, parameters, maxParallelism: 8 });

/** The template "Train, validate, compare, approve, register" (model `breast-cancer`, C a pipeline parameter). */
const template = (id: string) => pipelineTemplate(id)!.spec;

// The shared directory's copies of the data (steps read them by path): clean, corrupted (a text
// value in a number column, an out-of-range value), a random sample and that sample shifted.
const DATA = `
import sys
from sklearn.datasets import load_breast_cancer
prefix = sys.argv[1]
clean = load_breast_cancer(as_frame=True).frame
clean.to_csv(prefix + "clean.csv", index=False)
bad = clean.astype({"mean radius": object})
bad.loc[3, "mean radius"] = "twelve"
bad.loc[7, "mean area"] = 99999.0
bad.to_csv(prefix + "corrupted.csv", index=False)
sample = clean.sample(n=200, random_state=1)
sample.to_csv(prefix + "sample.csv", index=False)
sample.assign(**{"mean radius": sample["mean radius"] + 4, "worst area": sample["worst area"] * 1.8}).to_csv(prefix + "shifted.csv", index=False)
`;

let h: THarness;
let data: (name: string) => string;
beforeAll(async () => {
  h = await startHarness();
  const prefix = sharedPath(`ml-steps-${randomUUID()}-`);
  await promisify(execFile)(process.env.WEFT_PYTHON ?? 'python3', ['-c', DATA, prefix]);
  data = (name) => `${prefix}${name}`;
});
afterAll(async () => h?.stop());

const runOf = (runId: string) => h.as('viewer').runs.get({ projectId: h.projectId, runId });
const FINAL = ['succeeded', 'failed', 'cancelled'];
const finished = (runId: string) => waitFor(() => runOf(runId), (r) => FINAL.includes(r.run.status), { timeoutMs: 240_000, what: `run ${runId} to finish` });
const stepOf = (run: Awaited<ReturnType<typeof runOf>>, nodeId: string) => run.steps.find((s) => s.nodeId === nodeId)!;
async function outputsOf(runId: string, nodeId: string) {
  const [row] = await h.db.select({ outputs: steps.outputs }).from(steps).where(and(eq(steps.runId, runId), eq(steps.nodeId, nodeId)));
  return row!.outputs!;
}
/** `ready`: what the card must show before deciding (a step's record may reach Postgres a moment after the gate opens) */
async function approve(runId: string, nodeId: string, ready: (approval: TPendingApproval) => boolean = () => true, check?: (approval: TPendingApproval) => void) {
  const pending = await waitFor(
    async () => (await h.as('approver').approvals.list({ projectId: h.projectId, status: 'pending' })).find((a) => a.runId === runId && a.nodeId === nodeId),
    (a) => a !== undefined && ready(a),
    { timeoutMs: 240_000, what: `${nodeId} of ${runId} to wait for approval` },
  );
  check?.(pending!);
  await h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: pending!.id, decision: 'approved', comment: 'evidence looks right' });
}
type TPendingApproval = Awaited<ReturnType<ReturnType<THarness['as']>['approvals']['list']>>[number];
/** the files a step's tracking run holds */
async function trackedFiles(runId: string, nodeId: string) {
  const rows = await h.db
    .select({ path: trackingArtifacts.path })
    .from(trackingArtifacts)
    .innerJoin(trackingRuns, eq(trackingRuns.runUuid, trackingArtifacts.runUuid))
    .where(and(eq(trackingRuns.weftRunId, runId), eq(trackingRuns.weftNodeId, nodeId)));
  return rows.map((r) => r.path).sort();
}
async function trackedParam(runId: string, nodeId: string, key: string) {
  const [row] = await h.db
    .select({ value: trackingParams.value })
    .from(trackingParams)
    .innerJoin(trackingRuns, eq(trackingRuns.runUuid, trackingParams.runUuid))
    .where(and(eq(trackingRuns.weftRunId, runId), eq(trackingRuns.weftNodeId, nodeId), eq(trackingParams.key, key)));
  return row?.value;
}

describe('the templates: Train, validate, compare, approve, register; Batch inference; Drift check and retrain', () => {
  let versionId: string;
  beforeAll(async () => {
    ({ versionId } = await saveNewPipeline(h.as('editor'), h.projectId, template('train-validate-compare')));
  });

  it('runs end to end on scikit-learn data: no champion yet, approved, registered from the Train step, promoted to champion', { timeout: 300_000 }, async () => {
    const { runId } = await h.as('editor').runs.start({ projectId: h.projectId, versionId, requestId: randomUUID() });
    // the approver decides from the card: intervals, the verdict against production, the validation
    const shows = (node: string) => (approval: TPendingApproval) => approval.gateEvidence.some((e) => e.nodeId === node);
    await approve(runId, 'approve', shows('evaluate'), (approval) => {
      const byNode = Object.fromEntries(approval.gateEvidence.map((e) => [e.nodeId, e]));
      expect(byNode.compare?.verdict?.verdict).toBe('no champion yet');
      expect(byNode.validate?.validation).toEqual({ valid: true, failed: 0, warned: 0 });
      const accuracy = byNode.evaluate?.metrics.find((m) => m.key === 'accuracy');
      expect(accuracy?.ciLow).toBeLessThanOrEqual(accuracy!.value);
      expect(byNode.evaluate?.reports).toContain('report.html');
    });
    await approve(runId, 'promote');
    const run = await finished(runId);
    expect(run.run.status, JSON.stringify(run.steps.map((s) => [s.nodeId, s.status, s.error]))).toBe('succeeded');

    const evaluate = (await outputsOf(runId, 'evaluate')).metrics;
    expect(evaluate.accuracy).toBeGreaterThan(0.9);
    expect(evaluate.accuracy_ci_low).toBeLessThanOrEqual(evaluate.accuracy!);
    expect(Object.keys((await outputsOf(runId, 'evaluate')).artifacts).sort()).toEqual(['calibration.png', 'confusion_matrix.png', 'metrics.json', 'report.html']);
    expect((await outputsOf(runId, 'compare')).metrics).toMatchObject({ verdict_no_champion_yet: 1, acceptable: 1 });
    expect((await outputsOf(runId, 'validate')).metrics).toMatchObject({ valid: 1, checks_failed: 0 });

    // registered from the Train step's tracking run (through the gate), where the model was logged
    const [version] = await h.db.select().from(modelVersions).where(eq(modelVersions.weftRunId, runId));
    expect(version).toMatchObject({ version: 1, weftNodeId: 'train', artifactSha256: (await outputsOf(runId, 'train')).artifacts['model.pkl']!.hash });
    expect(version!.source).toMatch(/^runs:\/\w+\/model\.pkl$/);
    expect((await h.as('viewer').models.get({ projectId: h.projectId, name: 'breast-cancer' })).aliases).toEqual([{ alias: 'champion', version: 1 }]);

    // the evidence is in the tracking store too
    expect(await trackedParam(runId, 'train', 'estimator')).toBe('logistic_regression');
    expect(await trackedParam(runId, 'compare', 'verdict')).toBe('no champion yet');
    expect(await trackedFiles(runId, 'evaluate')).toEqual(['calibration.png', 'confusion_matrix.png', 'metrics.json', 'report.html']);
    const datasets = await h.db
      .select({ name: trackingDatasets.name, digest: trackingDatasets.digest })
      .from(trackingInputs)
      .innerJoin(trackingDatasets, eq(trackingDatasets.id, trackingInputs.datasetId))
      .innerJoin(trackingRuns, eq(trackingRuns.runUuid, trackingInputs.runUuid))
      .where(and(eq(trackingRuns.weftRunId, runId), eq(trackingRuns.weftNodeId, 'load')));
    expect(datasets).toEqual([{ name: 'sklearn:breast_cancer', digest: expect.stringMatching(/^[0-9a-f]{36}$/) }]);
  });

  it('judges a worse candidate `worse` against the champion, and the condition skips approval and registration', { timeout: 300_000 }, async () => {
    const { runId } = await h.as('editor').runs.start({ projectId: h.projectId, versionId, requestId: randomUUID(), params: { C: 0.0001 } });
    const run = await finished(runId);
    expect(run.run.status, JSON.stringify(run.steps.map((s) => [s.nodeId, s.status, s.error]))).toBe('succeeded');
    const compare = (await outputsOf(runId, 'compare')).metrics;
    expect(compare).toMatchObject({ verdict_worse: 1, acceptable: 0, champion_version: 1 });
    expect(compare.ci_high).toBeLessThan(0);
    for (const skipped of ['approve', 'register', 'promote']) expect(stepOf(run, skipped).status).toBe('skipped');
    expect(await trackedParam(runId, 'compare', 'verdict')).toBe('worse');
    expect(await h.db.select().from(modelVersions).where(eq(modelVersions.weftRunId, runId))).toEqual([]);
  });

  it('Batch inference scores with the champion; Drift check and retrain finds no drift and skips retraining', { timeout: 300_000 }, async () => {
    const [batch, drift] = await Promise.all([startNewPipeline(h.as('editor'), h.projectId, template('batch-inference')), startNewPipeline(h.as('editor'), h.projectId, template('drift-retrain'))]);
    const [batchRun, driftRun] = await Promise.all([finished(batch.runId), finished(drift.runId)]);
    expect(batchRun.run.status, JSON.stringify(batchRun.steps.map((s) => [s.nodeId, s.error]))).toBe('succeeded');
    expect((await outputsOf(batch.runId, 'predict')).metrics).toEqual({ rows: 569 });
    expect(driftRun.run.status, JSON.stringify(driftRun.steps.map((s) => [s.nodeId, s.error]))).toBe('succeeded');
    expect((await outputsOf(drift.runId, 'drift')).metrics).toMatchObject({ drifted: 0 });
    expect(stepOf(driftRun, 'train').status).toBe('skipped');
  });
});

describe('Validate data', () => {
  const spec = (file: string) =>
    pipeline(
      [node('reference', 'load_dataset', { source: 'sklearn', dataset: 'breast_cancer' }), node('current', 'load_dataset', { source: 'path', path: data(file) }), node('validate', 'validate_data')],
      [wire('current', 'dataset', 'validate', 'dataset'), wire('reference', 'dataset', 'validate', 'reference')],
    );

  it('fails a corrupted copy (wrong type, out of range) naming the columns, and passes the clean one', { timeout: 300_000 }, async () => {
    const [bad, good] = await Promise.all([startNewPipeline(h.as('editor'), h.projectId, spec('corrupted.csv')), startNewPipeline(h.as('editor'), h.projectId, spec('clean.csv'))]);
    const [badRun, goodRun] = await Promise.all([finished(bad.runId), finished(good.runId)]);
    expect(badRun.run.status).toBe('failed');
    const error = stepOf(badRun, 'validate').error!;
    expect(error).toMatch(/^Validate data: 2 checks failed: types: mean radius is string, expected number/); // the message itself, no exit code
    expect(error).toContain('ranges: mean area 1 value(s) above 2501');
    // the failed check's evidence is in its tracking run
    expect(await trackedFiles(bad.runId, 'validate')).toEqual(['report.html', 'report.json']);
    expect(goodRun.run.status).toBe('succeeded');
    expect((await outputsOf(good.runId, 'validate')).metrics).toMatchObject({ valid: 1 });
  });
});

describe('Drift check', () => {
  it('flags the shifted copy (naming its features) and passes the unshifted sample', { timeout: 300_000 }, async () => {
    const spec = pipeline(
      [
        node('train', 'load_dataset', { source: 'sklearn', dataset: 'breast_cancer' }),
        node('sample', 'load_dataset', { source: 'path', path: data('sample.csv') }),
        node('shifted', 'load_dataset', { source: 'path', path: data('shifted.csv') }),
        node('same', 'drift_check'),
        node('moved', 'drift_check'),
      ],
      [wire('train', 'dataset', 'same', 'reference'), wire('sample', 'dataset', 'same', 'current'), wire('train', 'dataset', 'moved', 'reference'), wire('shifted', 'dataset', 'moved', 'current')],
    );
    const { runId } = await startNewPipeline(h.as('editor'), h.projectId, spec);
    const run = await finished(runId);
    expect(run.run.status, JSON.stringify(run.steps.map((s) => [s.nodeId, s.error]))).toBe('succeeded');
    expect((await outputsOf(runId, 'same')).metrics).toMatchObject({ drifted: 0, drifted_features: 0 });
    expect((await outputsOf(runId, 'moved')).metrics).toMatchObject({ drifted: 1, drifted_features: 2 });
  });
});
