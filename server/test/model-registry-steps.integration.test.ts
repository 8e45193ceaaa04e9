import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvals, auditLog, modelVersions, modelVersionTags, steps } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import { expirePromotions } from '../services/approvals/expire-promotions';
import { createModel } from '../services/registry/create-model';
import { createVersion } from '../services/registry/create-version';
import { createExperiment } from '../services/tracking/create-experiment';
import { createRun } from '../services/tracking/create-run';
import { logBatch } from '../services/tracking/log-batch';
import { logInputs } from '../services/tracking/log-inputs';
import { uploadArtifact } from '../services/tracking/artifacts/upload-artifact';
import { processArtifactStore } from '../artifacts/process-store';
import { startHarness, type THarness } from '../testing/harness';
import { saveNewPipeline } from '../testing/pipeline-runs';
import { waitFor } from '../testing/wait-for';

// "Register model" and "Promote model" steps through the real workers, Temporal and Postgres; the
// model card's services and lineage read what they wrote; a promotion nobody decides expires.

const TRAIN = 'echo "weights $WEFT_RUN_ID" > "$WEFT_OUTPUT_DIR/model.pkl" && echo 0.93 > "$WEFT_OUTPUT_DIR/report.txt"';
const noRetry = { cache: false, retry: { maxAttempts: 1, initialIntervalSeconds: 1, backoffCoefficient: 1 } };

function registrySpec(model: string, alias = 'champion'): TPipelineSpec {
  const node = (id: string, kind: string, config: Record<string, unknown>, x: number) => ({ id, kind, label: id, config, position: { x, y: 0 } });
  return {
    nodes: [
      { ...node('train', 'shell', { command: TRAIN }, 0), ...noRetry },
      node('register', 'register_model', { modelName: model, artifact: 'model.pkl', tags: 'team=fraud' }, 250),
      node('promote', 'promote_model', { modelName: model, alias, timeoutHours: 1 }, 500),
      node('deploy', 'shell', { command: 'echo deployed' }, 750),
    ],
    edges: [
      { id: 'e1', source: 'train', sourcePort: 'out', target: 'register', targetPort: 'model' },
      { id: 'e2', source: 'register', sourcePort: 'version', target: 'promote', targetPort: 'version' },
      { id: 'e3', source: 'promote', sourcePort: 'out', target: 'deploy', targetPort: 'in' },
    ],
    parameters: {},
    maxParallelism: 8,
  };
}

let h: THarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

const run = (runId: string) => h.as('viewer').runs.get({ projectId: h.projectId, runId });
const finalRun = (runId: string) => waitFor(() => run(runId), (r) => ['succeeded', 'failed'].includes(r.run.status), { what: `run ${runId} to finish` });
async function startRun(who: 'editor' | 'approver', versionId: string) {
  const { runId } = await h.as(who).runs.start({ projectId: h.projectId, versionId, requestId: randomUUID() });
  return runId;
}
/** a step's outputs as recorded (the run page's API does not carry them) */
async function outputsOf(runId: string, nodeId: string) {
  const [row] = await h.db.select({ outputs: steps.outputs }).from(steps).where(and(eq(steps.runId, runId), eq(steps.nodeId, nodeId)));
  return row!.outputs!;
}
async function promotionOf(runId: string) {
  await waitFor(() => run(runId), (r) => r.run.status === 'waiting_approval', { what: 'the promote step to wait' });
  return (await h.as('approver').approvals.list({ projectId: h.projectId, status: 'pending' })).find((a) => a.runId === runId)!;
}

describe('Register model and Promote model steps', () => {
  let versionId: string;
  beforeAll(async () => {
    ({ versionId } = await saveNewPipeline(h.as('editor'), h.projectId, registrySpec('churn')));
  });

  it('register the trained artifact, open a promotion for the run\'s requester, and move the alias once another approver approves', async () => {
    const runId = await startRun('editor', versionId);
    const promotion = await promotionOf(runId);
    expect(promotion).toMatchObject({ kind: 'model_promotion', modelName: 'churn', modelVersion: 1, alias: 'champion', nodeId: 'promote', requestedByEmail: h.members.editor.email, canDecide: true });

    const [version] = await h.db.select().from(modelVersions).where(eq(modelVersions.weftRunId, runId));
    const trained = (await outputsOf(runId, 'train')).artifacts['model.pkl']!;
    expect(version).toMatchObject({ version: 1, weftNodeId: 'train', artifactSha256: trained.hash, userId: h.members.editor.id });
    expect(version!.source).toMatch(/^(runs:\/\w+|weft:\/runs\/[\w-]+\/train)\/model\.pkl$/);
    expect(await h.db.select({ key: modelVersionTags.key, value: modelVersionTags.value }).from(modelVersionTags).where(eq(modelVersionTags.versionId, version!.id))).toEqual([{ key: 'team', value: 'fraud' }]);

    // the run's requester may not decide it (four-eyes), nor may an editor
    await expect(h.as('editor').approvals.decide({ projectId: h.projectId, approvalId: promotion.id, decision: 'approved', comment: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: promotion.id, decision: 'approved', comment: 'better than before' });
    const ended = await finalRun(runId);
    expect(ended.run.status).toBe('succeeded');
    expect(await outputsOf(runId, 'register')).toMatchObject({ model: { name: 'churn', version: 1 }, artifacts: { 'model.pkl': trained } });
    expect(await outputsOf(runId, 'promote')).toMatchObject({ model: { name: 'churn', version: 1 }, artifacts: { 'model.pkl': trained } });
    expect((await h.as('viewer').models.get({ projectId: h.projectId, name: 'churn' })).aliases).toEqual([{ alias: 'champion', version: 1 }]);
    const audit = await h.db.select({ action: auditLog.action, actor: auditLog.actor }).from(auditLog).where(eq(auditLog.targetId, promotion.id));
    expect(audit.map((a) => a.action)).toEqual(['model.promotion.request', 'approval.approve']);
  });

  it('fail the run at the promote step when it is rejected, leaving the alias where it was; the requester who is an approver cannot approve their own', async () => {
    const runId = await startRun('approver', versionId);
    const promotion = await promotionOf(runId);
    expect(promotion).toMatchObject({ modelVersion: 2, canDecide: false });
    await expect(h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: promotion.id, decision: 'approved', comment: '' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('four-eyes') });
    await h.as('approver2').approvals.decide({ projectId: h.projectId, approvalId: promotion.id, decision: 'rejected', comment: 'worse recall' });
    const ended = await finalRun(runId);
    expect(ended.run.status).toBe('failed');
    expect(ended.steps.find((s) => s.nodeId === 'promote')).toMatchObject({ status: 'failed', error: 'Rejected: worse recall' });
    expect((await h.as('viewer').models.get({ projectId: h.projectId, name: 'churn' })).aliases).toEqual([{ alias: 'champion', version: 1 }]);
  });

  it('move an unprotected alias at once, without an approval', async () => {
    const { versionId: challenger } = await saveNewPipeline(h.as('editor'), h.projectId, registrySpec('churn', 'challenger'));
    const runId = await startRun('editor', challenger);
    expect((await finalRun(runId)).run.status).toBe('succeeded');
    const model = await h.as('viewer').models.get({ projectId: h.projectId, name: 'churn' });
    expect(model.aliases).toEqual([
      { alias: 'challenger', version: 3 },
      { alias: 'champion', version: 1 },
    ]);
    expect(await h.db.select().from(approvals).where(eq(approvals.runId, runId))).toEqual([]);
  });

  it('feed the model card and its lineage: source step, pipeline version, code hash, artifact, who approved', async () => {
    const card = await h.as('viewer').models.version({ projectId: h.projectId, name: 'churn', version: 1 });
    expect(card.origin).toMatchObject({ nodeId: 'train', versionNumber: 1, codeHash: createHash('sha256').update(TRAIN).digest('hex') });
    expect(card.artifact).toMatchObject({ name: 'model.pkl' });
    expect(card.promotions).toMatchObject([{ alias: 'champion', status: 'approved', decidedBy: h.members.approver.name, requestedBy: h.members.editor.name }]);
    expect(card.aliases).toEqual(['champion']);

    const lineage = await h.as('viewer').models.lineage({ projectId: h.projectId, from: { model: { name: 'churn', version: 1 } } });
    const labels = lineage.nodes.map((n) => `${n.kind}:${n.label}`);
    expect(labels).toEqual(expect.arrayContaining(['step:train', 'artifact:model.pkl', 'version:churn v1']));
    // the register and promote steps read the same artifact, and each run's version hangs off its own
    expect(lineage.edges.some((e) => e.target === lineage.focus)).toBe(true);
    const fromArtifact = await h.as('viewer').models.lineage({ projectId: h.projectId, from: { artifact: card.artifact!.sha256 } });
    expect(fromArtifact.nodes.map((n) => n.id)).toContain(lineage.focus);
    const list = await h.as('viewer').models.list({ projectId: h.projectId });
    expect(list.find((m) => m.name === 'churn')).toMatchObject({ latestVersion: 3 });
  });
});

describe('a model logged with the MLflow client', () => {
  it('shows its datasets, metrics and params on its card, and in its lineage: dataset → run → version', async () => {
    const caller = { userId: h.members.editor.id, projectId: h.projectId, tokenRole: null };
    const { experiment_id } = await createExperiment(h.db, caller, { name: 'laptop', tags: [] });
    const { run } = await createRun(h.db, caller, { experiment_id, user_id: 'me', run_name: 'notebook', tags: [] });
    const runId = run.info.run_id;
    await logInputs(h.db, caller, { run_id: runId, datasets: [{ tags: [{ key: 'mlflow.data.context', value: 'training' }], dataset: { name: 'iris', digest: 'abc123', source_type: 'local', source: 'iris.csv' } }] });
    await logBatch(h.db, caller, { run_id: runId, metrics: [{ key: 'accuracy', value: 0.97, timestamp: 1, step: 0 }], params: [{ key: 'C', value: '1.0' }], tags: [] });
    const mlmodel = 'artifact_path: model\nsignature:\n  inputs: \'[{"type": "double", "name": "sepal length (cm)", "required": true}, {"type":\n    "string", "name": "kind", "required": true}]\'\n  outputs: \'[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]\'\n';
    async function* body() {
      yield new TextEncoder().encode(mlmodel);
    }
    await uploadArtifact(h.db, caller, { store: processArtifactStore(), maxBytes: 1 << 20, path: `${experiment_id}/${runId}/artifacts/model/MLmodel`, mediaType: 'text/plain', body: body() });
    await createModel(h.db, caller, { name: 'iris', tags: [], description: '' });
    await createVersion(h.db, caller, { name: 'iris', source: `runs:/${runId}/model`, tags: [], description: '' });

    const card = await h.as('viewer').models.version({ projectId: h.projectId, name: 'iris', version: 1 });
    expect(card).toMatchObject({ trackingRun: { runUuid: runId, name: 'notebook' }, origin: null, artifact: null, metrics: [{ key: 'accuracy', value: 0.97 }], params: [{ key: 'C', value: '1.0' }] });
    expect(card.datasets).toMatchObject([{ name: 'iris', digest: 'abc123', source: 'iris.csv' }]);
    expect(card.files).toMatchObject([{ path: 'model/MLmodel', size: mlmodel.length }]);
    expect(await h.as('viewer').models.signature({ projectId: h.projectId, name: 'iris', version: 1 })).toEqual({
      inputs: [
        { name: 'sepal length (cm)', type: 'double' },
        { name: 'kind', type: 'string' },
      ],
      outputs: [{ name: null, type: 'tensor int64 [-1]' }],
    });
    // a version registered by a pipeline step has no MLmodel: no signature, cleanly
    expect(await h.as('viewer').models.signature({ projectId: h.projectId, name: 'churn', version: 1 })).toBeNull();
    const lineage = await h.as('viewer').models.lineage({ projectId: h.projectId, from: { model: { name: 'iris', version: 1 } } });
    expect(lineage.nodes.map((n) => `${n.kind}:${n.label}`).sort()).toEqual(['dataset:iris', 'run:notebook', 'version:iris v1']);
    expect(lineage.edges).toHaveLength(2);
  });
});

describe('pending promotions', () => {
  it('expire when nobody decides them in time; a decision after that is refused', async () => {
    const outcome = await h.as('editor').models.requestPromotion({ projectId: h.projectId, name: 'churn', version: 3, alias: 'champion' });
    if (outcome.status !== 'pending') throw new Error('expected a pending promotion');
    expect(await expirePromotions(h.db)).not.toContain(outcome.approvalId);
    await h.db.update(approvals).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(approvals.id, outcome.approvalId));
    expect(await expirePromotions(h.db)).toContain(outcome.approvalId);
    const [row] = await h.db.select().from(approvals).where(eq(approvals.id, outcome.approvalId));
    expect(row).toMatchObject({ status: 'expired', decidedBy: null });
    expect(await h.db.select({ action: auditLog.action, actor: auditLog.actor }).from(auditLog).where(and(eq(auditLog.targetId, outcome.approvalId), eq(auditLog.action, 'approval.expire')))).toEqual([
      { action: 'approval.expire', actor: 'system:timeout' },
    ]);
    await expect(h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: outcome.approvalId, decision: 'approved', comment: '' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('expired') });
    expect((await h.as('viewer').models.get({ projectId: h.projectId, name: 'churn' })).aliases).toContainEqual({ alias: 'champion', version: 1 });
  });

  it('a decision made after the deadline but before the sweep finds it expired', async () => {
    const outcome = await h.as('editor').models.requestPromotion({ projectId: h.projectId, name: 'churn', version: 2, alias: 'champion' });
    if (outcome.status !== 'pending') throw new Error('expected a pending promotion');
    await h.db.update(approvals).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(approvals.id, outcome.approvalId));
    await expect(h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: outcome.approvalId, decision: 'approved', comment: '' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await h.db.select().from(approvals).where(eq(approvals.id, outcome.approvalId)))[0]!.status).toBe('expired');
  });
});
