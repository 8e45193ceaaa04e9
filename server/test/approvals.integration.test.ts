import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvals, auditLog } from '../../drizzle/schema';
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
