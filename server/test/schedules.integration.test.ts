import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runs, schedules } from '../../drizzle/schema';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { waitFor } from '../testing/wait-for';

let h: THarness;
let pipelineId: string;
let versionId: string;
beforeAll(async () => {
  h = await startHarness();
  const api = h.as('editor');
  ({ id: pipelineId } = await api.pipelines.create({ projectId: h.projectId, name: 'nightly' }));
  ({ versionId } = await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec: chainSpec([['retrain', 'shell', { command: 'echo retrained' }]]), message: '' }));
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
    expect(scheduled).toMatchObject({ trigger: 'schedule', scheduleName: 'nightly retrain', startedByName: null });

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
