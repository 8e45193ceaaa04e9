// The project-wide Runs page's query through the real API and Postgres: filters, and keyset pages
// that neither skip nor repeat a run, whatever arrives meanwhile.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { saveNewPipeline } from '../testing/pipeline-runs';

let h: THarness;
beforeAll(async () => {
  h = await startHarness({ poolWorker: false });
});
afterAll(async () => h?.stop());

describe('the Runs page', () => {
  it('filters by pipeline, requester and time, and pages newest first without gaps or repeats', async () => {
    const spec = chainSpec([['one', 'noop', {}]]);
    const a = await saveNewPipeline(h.as('editor'), h.projectId, spec);
    const b = await saveNewPipeline(h.as('editor'), h.projectId, spec);
    const since = new Date(Date.now() - 1_000).toISOString();
    const started: string[] = [];
    for (const [who, version] of [['editor', a], ['admin', a], ['editor', b], ['editor', a], ['admin', b]] as const) {
      started.push((await h.as(who).runs.start({ projectId: h.projectId, versionId: version.versionId, requestId: randomUUID() })).runId);
    }
    const viewer = h.as('viewer').runs;
    const all = [];
    let after: { createdAt: string; id: string } | undefined;
    do {
      const page = await viewer.browse({ projectId: h.projectId, from: since, pageSize: 2, ...(after ? { after } : {}) });
      all.push(...page.items.map((r) => r.id));
      // a run that starts meanwhile does not shift the pages already walked
      if (!after) started.push((await h.as('editor').runs.start({ projectId: h.projectId, versionId: b.versionId, requestId: randomUUID() })).runId);
      after = page.next ?? undefined;
    } while (after);
    expect(all).toEqual(started.slice(0, 5).reverse());

    const ofA = await viewer.browse({ projectId: h.projectId, pipelineId: a.pipelineId });
    expect(ofA.items.map((r) => r.id)).toEqual([started[3], started[1], started[0]]);
    expect(ofA.items[0]).toMatchObject({ pipelineName: expect.any(String), versionNumber: 1, trigger: 'manual', startedByName: 'Test editor' });
    const byAdmin = await viewer.browse({ projectId: h.projectId, startedBy: h.members.admin.id, from: since });
    expect(byAdmin.items.map((r) => r.id)).toEqual([started[4], started[1]]);
    expect(byAdmin.requesters.map((u) => u.name)).toEqual(expect.arrayContaining(['Test admin', 'Test editor']));
    expect((await viewer.browse({ projectId: h.projectId, to: since })).items.some((r) => started.includes(r.id))).toBe(false);
    await expect(h.as('outsider').runs.browse({ projectId: h.projectId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
