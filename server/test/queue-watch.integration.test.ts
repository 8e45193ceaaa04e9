import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { waitFor } from '../testing/wait-for';

// No pool worker at first: the step waits in its pool's task queue.
let h: THarness;
beforeAll(async () => {
  h = await startHarness({ poolWorker: false });
});
afterAll(async () => h?.stop());

describe('steps no worker picks up', () => {
  it('are flagged on the run past their schedule-to-start limit, and unflagged once a worker runs them', async () => {
    const api = h.as('editor');
    const { id: pipelineId } = await api.pipelines.create({ projectId: h.projectId, name: `p-${randomUUID()}` });
    const spec = chainSpec([['waits', 'noop', {}, { scheduleToStartTimeoutSeconds: 1, cache: false }]]);
    const { versionId } = await api.pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec, message: '' });
    const { runId } = await api.runs.start({ projectId: h.projectId, versionId, requestId: randomUUID() });
    const get = () => h.as('viewer').runs.get({ projectId: h.projectId, runId });

    const flagged = await waitFor(get, (r) => r.steps[0]?.flag != null, { what: 'the no-worker flag', timeoutMs: 20_000 });
    expect(flagged.steps[0]!.flag).toBe('No worker in pool "cpu" has picked this step up yet');

    await h.addPoolWorker();
    const done = await waitFor(get, (r) => r.run.status === 'succeeded', { what: 'the run, once a worker polls', timeoutMs: 20_000 });
    expect(done.steps[0]).toMatchObject({ status: 'succeeded', flag: null });
  });
});
