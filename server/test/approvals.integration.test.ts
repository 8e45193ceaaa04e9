import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvals, auditLog, runs } from '../../drizzle/schema';
import { reconcileOpenRuns } from '../services/runs/reconcile-runs';
import { approvalDecidedSignal } from '../../workflows/contract/run-workflow';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { waitFor } from '../testing/wait-for';

let h: THarness;
let versionId: string;
beforeAll(async () => {
  h = await startHarness();
  const api = h.as('editor');
  const { id: pipelineId } = await api.pipelines.create({ projectId: h.projectId, name: 'gated' });
  const spec = chainSpec([
    ['train', 'shell', { command: 'echo trained' }],
    ['gate', 'approval', { instructions: 'Look at the numbers' }],
    ['deploy', 'shell', { command: 'echo deployed' }],
  ]);
  ({ versionId } = await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec, message: '' }));
});
afterAll(async () => h?.stop());

/** Starts a run as the editor and waits until it stops at the gate; returns the pending approval. */
async function runToGate() {
  const { runId } = await h.as('editor').runs.start({ projectId: h.projectId, versionId, requestId: randomUUID() });
  await waitFor(
    () => h.as('viewer').runs.get({ projectId: h.projectId, runId }),
    (r) => r.run.status === 'waiting_approval',
    { what: 'the run to wait at the gate' },
  );
  const pending = await h.as('approver').approvals.list({ projectId: h.projectId, status: 'pending' });
  const approval = pending.find((a) => a.runId === runId)!;
  expect(approval).toMatchObject({ nodeId: 'gate', instructions: 'Look at the numbers', canDecide: true, requestedByEmail: h.members.editor.email });
  return { runId, approval };
}

const finalRun = (runId: string) =>
  waitFor(
    () => h.as('viewer').runs.get({ projectId: h.projectId, runId }),
    (r) => ['succeeded', 'failed'].includes(r.run.status),
    { what: `run ${runId} to finish` },
  );

describe('approval gates', () => {
  it('goes on after an approval, and records who decided', async () => {
    const { runId, approval } = await runToGate();
    const byNode = (await h.as('viewer').runs.get({ projectId: h.projectId, runId })).steps.find((s) => s.nodeId === 'gate');
    expect(byNode?.status).toBe('waiting_approval');
    await h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: approval.id, decision: 'approved', comment: 'looks good' });
    const result = await finalRun(runId);
    expect(result.run.status).toBe('succeeded');
    expect(result.steps.every((s) => s.status === 'succeeded')).toBe(true);
    const [row] = await h.db.select().from(approvals).where(eq(approvals.id, approval.id));
    expect(row).toMatchObject({ status: 'approved', decidedBy: h.members.approver.id, comment: 'looks good' });
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.targetId, approval.id));
    expect(audit.map((a) => a.action)).toEqual(['approval.approve']);
  });

  it('fails the run at the gate after a rejection', async () => {
    const { runId, approval } = await runToGate();
    await h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: approval.id, decision: 'rejected', comment: 'accuracy too low' });
    const result = await finalRun(runId);
    expect(result.run.status).toBe('failed');
    const byNode = Object.fromEntries(result.steps.map((s) => [s.nodeId, s]));
    expect(byNode.gate).toMatchObject({ status: 'failed', error: 'Rejected: accuracy too low' });
    expect(byNode.deploy!.status).toBe('skipped');
  });

  it('refuses self-approval, a second decision, and deciders without the approver role', async () => {
    // the approver starts the run, so only another approver may decide it
    const { runId } = await h.as('approver').runs.start({ projectId: h.projectId, versionId, requestId: randomUUID() });
    await waitFor(() => h.as('viewer').runs.get({ projectId: h.projectId, runId }), (r) => r.run.status === 'waiting_approval', { what: 'gate' });
    const approval = (await h.as('approver').approvals.list({ projectId: h.projectId, status: 'pending' })).find((a) => a.runId === runId)!;
    expect(approval.canDecide).toBe(false);
    // the nav's badge counts what each may decide: the requester not, an editor not
    const decidable = (await h.as('approver').approvals.list({ projectId: h.projectId, status: 'pending' })).filter((a) => a.canDecide).length;
    expect(await h.as('approver').approvals.decidableCount({ projectId: h.projectId })).toBe(decidable);
    expect(await h.as('editor').approvals.decidableCount({ projectId: h.projectId })).toBe(0);
    await expect(h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: approval.id, decision: 'approved', comment: '' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('four-eyes') });
    await expect(h.as('editor').approvals.decide({ projectId: h.projectId, approvalId: approval.id, decision: 'approved', comment: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.as('viewer').approvals.decide({ projectId: h.projectId, approvalId: approval.id, decision: 'approved', comment: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // nothing changed by the refusals
    expect((await h.db.select().from(approvals).where(eq(approvals.id, approval.id)))[0]!.status).toBe('pending');

    await h.as('approver2').approvals.decide({ projectId: h.projectId, approvalId: approval.id, decision: 'approved', comment: 'ok' });
    await expect(h.as('admin').approvals.decide({ projectId: h.projectId, approvalId: approval.id, decision: 'rejected', comment: 'too late' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const result = await finalRun(runId);
    expect(result.run.status).toBe('succeeded');
    expect((await h.db.select().from(approvals).where(eq(approvals.id, approval.id)))[0]).toMatchObject({ status: 'approved', decidedBy: h.members.approver2.id });
  });

  it('moves only on the decision in Postgres: a signal sent by anyone who reaches Temporal passes no gate', async () => {
    const { runId, approval } = await runToGate();
    // what a step with the temporal CLI could send: the doorbell, and the old decision-carrying payload
    const handle = h.temporal.workflow.getHandle(`run-${runId}`);
    await handle.signal(approvalDecidedSignal, { approvalId: approval.id });
    await handle.signal('approvalDecided', { approvalId: approval.id, decision: 'approved', decidedBy: h.members.approver.id, comment: 'forged' });
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await h.as('viewer').runs.get({ projectId: h.projectId, runId })).run.status).toBe('waiting_approval');
    expect((await h.db.select().from(approvals).where(eq(approvals.id, approval.id)))[0]!.status).toBe('pending');
    await h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: approval.id, decision: 'rejected', comment: 'no' });
    expect((await finalRun(runId)).run.status).toBe('failed');
  });
});

describe('approvals of runs that ended', () => {
  const pendingIds = async () => (await h.as('approver').approvals.list({ projectId: h.projectId, status: 'pending' })).map((a) => a.id);
  const closedRow = async (approvalId: string) => (await h.db.select().from(approvals).where(eq(approvals.id, approvalId)))[0];

  it("are closed when the run's end is recorded (here by the reconciler, after its workflow was terminated)", async () => {
    const { runId, approval } = await runToGate();
    // a terminated workflow runs no code of its own: nothing of the gate closes its approval
    await h.temporal.workflow.getHandle(`run-${runId}`).terminate('operator stopped it');
    expect(await reconcileOpenRuns({ db: h.db, temporal: h.temporal })).toContain(runId);

    expect(await closedRow(approval.id)).toMatchObject({ status: 'cancelled', decidedBy: null, comment: 'Its run ended (failed): Its workflow was terminated in Temporal' });
    expect(await pendingIds()).not.toContain(approval.id);
    const decided = (await h.as('approver').approvals.list({ projectId: h.projectId, status: 'decided' })).find((a) => a.id === approval.id);
    expect(decided).toMatchObject({ status: 'cancelled', canDecide: false });
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.targetId, approval.id));
    expect(audit).toMatchObject([{ action: 'approval.cancel', actor: 'system:run-ended', details: { runId, reason: 'Its run ended (failed): Its workflow was terminated in Temporal' } }]);
    await expect(h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: approval.id, decision: 'approved', comment: '' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('answer a decision with a conflict, and are closed, when the run ended before anything recorded it', async () => {
    const { runId, approval } = await runToGate();
    await h.temporal.workflow.getHandle(`run-${runId}`).terminate('operator stopped it');
    // (no reconciler runs in the harness: Postgres still holds the run open)
    for (const decision of ['approved', 'rejected'] as const) {
      await expect(h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: approval.id, decision, comment: '' })).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('run has already ended'),
      });
    }
    expect(await closedRow(approval.id)).toMatchObject({ status: 'cancelled', decidedBy: null });
    expect(await pendingIds()).not.toContain(approval.id);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.targetId, approval.id));
    expect(audit.map((a) => a.action)).toEqual(['approval.cancel']);
  });

  it('left pending by a run that ended before this rule are closed when someone tries to decide them', async () => {
    const { runId, approval } = await runToGate();
    await h.temporal.workflow.getHandle(`run-${runId}`).terminate('operator stopped it');
    // a run whose end was written while its approval stayed pending (what older versions left behind)
    await h.db.update(runs).set({ status: 'failed', error: 'It was stopped', endedAt: new Date() }).where(eq(runs.id, runId));
    await expect(h.as('approver2').approvals.decide({ projectId: h.projectId, approvalId: approval.id, decision: 'approved', comment: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('run has already ended (failed)'),
    });
    expect(await closedRow(approval.id)).toMatchObject({ status: 'cancelled', decidedBy: null, comment: 'Its run ended (failed): It was stopped' });
    expect(await pendingIds()).not.toContain(approval.id);
  });
});
