import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runs, schedules } from '../../drizzle/schema';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { waitFor } from '../testing/wait-for';

let h: THarness;
let pipelineId: string;
let versionId: string;
let gatedPipelineId: string;
let gatedVersionId: string;
beforeAll(async () => {
  h = await startHarness();
  const api = h.as('editor');
  ({ id: pipelineId } = await api.pipelines.create({ projectId: h.projectId, name: 'nightly' }));
  ({ versionId } = await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec: chainSpec([['retrain', 'shell', { command: 'echo retrained' }]]), message: '' }));
  ({ id: gatedPipelineId } = await api.pipelines.create({ projectId: h.projectId, name: 'gated nightly' }));
  const gated = chainSpec([
    ['train', 'shell', { command: 'echo trained' }],
    ['gate', 'approval', { instructions: 'Promote?' }],
  ]);
  ({ versionId: gatedVersionId } = await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId: gatedPipelineId, spec: gated, message: '' }));
});
afterAll(async () => h?.stop());

describe('schedules backed by Temporal Schedules', () => {
  it('creates a schedule, lists its next run times, triggers a run now, pauses, resumes and deletes it', async () => {
    const api = h.as('editor');
    const { id } = await api.schedules.create({ projectId: h.projectId, versionId, name: 'nightly retrain', cron: '0 3 * * *', timezone: 'Europe/Paris' });
    const [listed] = await api.schedules.list({ projectId: h.projectId });
    expect(listed).toMatchObject({ id, name: 'nightly retrain', cron: '0 3 * * *', timezone: 'Europe/Paris', paused: false, versionId });
    expect(listed!.nextRunTimes.length).toBeGreaterThan(0);
    expect(listed!.nextRunTimes[0]!.getTime()).toBeGreaterThan(Date.now());

    await api.schedules.trigger({ projectId: h.projectId, scheduleId: id });
    const [scheduled] = await waitFor(
      () => h.as('viewer').runs.list({ projectId: h.projectId, pipelineId }),
      (list) => list.length === 1 && list[0]!.status === 'succeeded',
      { what: 'the triggered run to succeed' },
    );
    expect(scheduled).toMatchObject({ trigger: 'schedule', scheduleName: 'nightly retrain', startedByName: h.members.editor.name });

    await api.schedules.pause({ projectId: h.projectId, scheduleId: id });
    expect((await h.temporal.schedule.getHandle(`sched-${id}`).describe()).state.paused).toBe(true);
    await api.schedules.resume({ projectId: h.projectId, scheduleId: id });
    expect((await h.temporal.schedule.getHandle(`sched-${id}`).describe()).state.paused).toBe(false);

    await api.schedules.delete({ projectId: h.projectId, scheduleId: id });
    expect(await h.db.select().from(schedules).where(eq(schedules.id, id))).toHaveLength(0);
    await expect(h.temporal.schedule.getHandle(`sched-${id}`).describe()).rejects.toThrow();
    // the run stays, detached from the deleted schedule
    expect(await h.db.select().from(runs).where(eq(runs.pipelineId, pipelineId))).toHaveLength(1);
  });

  it('refuses a bad cron expression or timezone with the field named, and a viewer', async () => {
    const api = h.as('editor');
    await expect(api.schedules.create({ projectId: h.projectId, versionId, name: 'x', cron: 'every day', timezone: 'UTC' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(api.schedules.create({ projectId: h.projectId, versionId, name: 'x', intervalSeconds: 60, timezone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(h.as('viewer').schedules.create({ projectId: h.projectId, versionId, name: 'x', intervalSeconds: 60, timezone: 'UTC' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await h.db.select().from(schedules)).toHaveLength(0);
  });
});

describe('approvals of scheduled runs (four-eyes)', () => {
  /** The one run of the gated pipeline that is not finished, once it waits at its gate, and its pending approval. */
  async function gatedRunAtGate() {
    const [run] = await waitFor(
      () => h.as('viewer').runs.list({ projectId: h.projectId, pipelineId: gatedPipelineId }),
      (list) => list.some((r) => r.status === 'waiting_approval'),
      { what: 'a scheduled run to wait at its gate' },
    ).then((list) => list.filter((r) => r.status === 'waiting_approval'));
    const approval = (await h.as('approver').approvals.list({ projectId: h.projectId, status: 'pending' })).find((a) => a.runId === run!.id);
    return { runId: run!.id, approval: approval! };
  }
  const decide = (who: 'approver' | 'approver2', approvalId: string) => h.as(who).approvals.decide({ projectId: h.projectId, approvalId, decision: 'approved', comment: '' });

  it("names the schedule's creator as the requester of a run it started: the creator may not approve it", async () => {
    const { id } = await h.as('approver').schedules.create({ projectId: h.projectId, versionId: gatedVersionId, name: 'every second', intervalSeconds: 1, timezone: 'UTC' });
    // (later firings are skipped while this run waits: the schedule's overlap policy)
    const { runId, approval } = await gatedRunAtGate();
    await h.as('approver').schedules.pause({ projectId: h.projectId, scheduleId: id });

    expect(approval).toMatchObject({ trigger: 'schedule', scheduleName: 'every second', requestedByEmail: h.members.approver.email, canDecide: false });
    expect((await h.as('approver2').approvals.list({ projectId: h.projectId, status: 'pending' })).find((a) => a.id === approval.id)?.canDecide).toBe(true);
    await expect(decide('approver', approval.id)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('four-eyes') });
    await decide('approver2', approval.id);
    await waitFor(() => h.as('viewer').runs.get({ projectId: h.projectId, runId }), (r) => r.run.status === 'succeeded', { what: 'the approved run to succeed' });
    await h.as('approver').schedules.delete({ projectId: h.projectId, scheduleId: id });
  });

  it('names whoever triggered a schedule by hand as the requester of that run', async () => {
    const { id } = await h.as('approver').schedules.create({ projectId: h.projectId, versionId: gatedVersionId, name: 'yearly', cron: '0 3 1 1 *', timezone: 'UTC' });
    await h.as('approver2').schedules.trigger({ projectId: h.projectId, scheduleId: id });
    const { runId, approval } = await gatedRunAtGate();

    expect(approval).toMatchObject({ trigger: 'schedule', scheduleName: 'yearly', requestedByEmail: h.members.approver2.email, canDecide: true });
    await expect(decide('approver2', approval.id)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('four-eyes') });
    await decide('approver', approval.id);
    await waitFor(() => h.as('viewer').runs.get({ projectId: h.projectId, runId }), (r) => r.run.status === 'succeeded', { what: 'the approved run to succeed' });
    await h.as('approver').schedules.delete({ projectId: h.projectId, scheduleId: id });
  });
});
