import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runs, schedules } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { waitFor } from '../testing/wait-for';

let h: THarness;
let pipelineId: string;
let versionId: string;
const spec: TPipelineSpec = {
  ...chainSpec([['train', 'shell', { command: 'true' }]]),
  parameters: {
    epochs: { type: 'number', default: 10, description: 'passes over the data' },
    model: { type: 'choice', default: 'rf', choices: ['rf', 'gbm'], description: '' },
    dataset: 'iris', // a bare default, as specs saved before parameters were typed hold them
  },
};

beforeAll(async () => {
  h = await startHarness();
  const api = h.as('editor');
  ({ id: pipelineId } = await api.pipelines.create({ projectId: h.projectId, name: `params-${randomUUID()}` }));
  ({ versionId } = await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec, message: '' }));
});
afterAll(async () => h?.stop());

describe('typed pipeline parameters', () => {
  it('refuses run values that do not fit, naming each parameter, and starts nothing', async () => {
    const api = h.as('editor');
    const error = await api.runs.start({ projectId: h.projectId, versionId, requestId: randomUUID(), params: { epochs: 'ten', model: 'svm' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'Parameter "epochs" must be a number; Parameter "model" must be one of: rf, gbm' });
    await expect(api.runs.start({ projectId: h.projectId, versionId, requestId: randomUUID(), params: { dataset: 3 } })).rejects.toMatchObject({ message: 'Parameter "dataset" must be a string' });
    expect(await h.db.select().from(runs).where(eq(runs.versionId, versionId))).toHaveLength(0);
  });

  it('runs with the values given over the defaults', async () => {
    const { runId } = await h.as('editor').runs.start({ projectId: h.projectId, versionId, requestId: randomUUID(), params: { model: 'gbm' } });
    const [run] = await h.db.select({ params: runs.params }).from(runs).where(eq(runs.id, runId));
    expect(run?.params).toEqual({ epochs: 10, model: 'gbm', dataset: 'iris' });
  });

  it('gives a schedule its own values, checked as a run\'s, for its firings and its "run now"', async () => {
    const api = h.as('editor');
    await expect(api.schedules.create({ projectId: h.projectId, versionId, name: 'bad', intervalSeconds: 3600, timezone: 'UTC', params: { epochs: -1, other: 1 } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Unknown parameter "other"',
    });
    const { id } = await api.schedules.create({ projectId: h.projectId, versionId, name: 'hourly', intervalSeconds: 3600, timezone: 'UTC', params: { epochs: 3 } });
    expect((await h.db.select({ params: schedules.params }).from(schedules).where(eq(schedules.id, id)))[0]?.params).toEqual({ epochs: 3, model: 'rf', dataset: 'iris' });
    const described = await h.temporal.schedule.getHandle(`sched-${id}`).describe();
    const action = described.action as { args?: { params: unknown }[] };
    expect(action.args?.[0]?.params).toEqual({ epochs: 3, model: 'rf', dataset: 'iris' });
    const { runId } = await api.schedules.trigger({ projectId: h.projectId, scheduleId: id });
    const run = await waitFor(
      () => h.db.select({ params: runs.params }).from(runs).where(eq(runs.id, runId)),
      (rows) => rows.length === 1,
      { what: 'the triggered run' },
    );
    expect(run[0]?.params).toEqual({ epochs: 3, model: 'rf', dataset: 'iris' });
    await api.schedules.delete({ projectId: h.projectId, scheduleId: id });
  });
});
