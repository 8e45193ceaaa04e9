// The run state machine through the real parts (Temporal, Postgres, pool workers): what once hung
// a run or showed it wrong. Each case here was seen on a running instance.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runs, stepAttempts, steps } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { saveNewPipeline, startNewPipeline } from '../testing/pipeline-runs';
import { waitFor } from '../testing/wait-for';

let h: THarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

const start = (spec: TPipelineSpec) => startNewPipeline(h.as('editor'), h.projectId, spec).then((r) => r.runId);
const get = (runId: string) => h.as('viewer').runs.get({ projectId: h.projectId, runId });
const finished = (runId: string) => waitFor(() => get(runId), (r) => ['succeeded', 'failed', 'cancelled'].includes(r.run.status), { what: `run ${runId} to end`, timeoutMs: 30_000 });
const byNode = (r: Awaited<ReturnType<typeof get>>) => Object.fromEntries(r.steps.map((s) => [s.nodeId, s]));

/** A parent [sub → after] whose sub-pipeline runs a long shell step. */
async function parentOfSlowChild(subNode: Partial<TPipelineSpec['nodes'][number]> = {}) {
  const child = await saveNewPipeline(h.as('editor'), h.projectId, chainSpec([['slow', 'shell', { command: 'sleep 20' }, { cache: false }]]));
  return chainSpec([
    ['sub', 'subpipeline', { pipelineId: child.pipelineId, versionNumber: 1 }, subNode],
    ['after', 'noop', {}],
  ]);
}

async function approve(runId: string) {
  const approval = await waitFor(
    () => h.as('approver').approvals.list({ projectId: h.projectId, status: 'pending' }).then((list) => list.find((a) => a.runId === runId)),
    (a) => a !== undefined,
    { what: 'the approval' },
  );
  await h.as('approver').approvals.decide({ projectId: h.projectId, approvalId: approval!.id, decision: 'approved', comment: '' });
}

describe('the run state machine', () => {
  it('a sub-pipeline whose child workflow is terminated (Temporal UI or CLI) fails its step; the parent run ends', async () => {
    const runId = await start(await parentOfSlowChild());
    const child = h.temporal.workflow.getHandle(`run-${runId}/sub`);
    await waitFor(() => child.describe().then((d) => d.status.name, () => 'NONE'), (s) => s === 'RUNNING', { what: 'the child workflow' });
    await child.terminate('by hand');
    const result = await finished(runId);
    expect(result.run).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Step "sub" failed/) });
    expect(byNode(result).sub).toMatchObject({ status: 'failed', error: `Its child workflow run-${runId}/sub was terminated` });
    expect(byNode(result).after!.status).toBe('skipped');
  });

  it('a sub-pipeline that runs past its node timeout fails its step; the parent run ends', async () => {
    const runId = await start(await parentOfSlowChild({ timeoutSeconds: 2 }));
    const result = await finished(runId);
    expect(result.run.status).toBe('failed');
    expect(byNode(result).sub).toMatchObject({ status: 'failed', error: `Its child workflow run-${runId}/sub timed out` });
  });

  it('run and attempt times: a run never ends before it starts; a failed quick attempt has its duration', async () => {
    const spec = chainSpec([
      ['a', 'noop', {}, { cache: false }],
      ['b', 'shell', { command: 'sleep 0.05; exit 3' }, { cache: false, retry: { maxAttempts: 2, initialIntervalSeconds: 0.1, backoffCoefficient: 1 } }],
    ]);
    const runIds = await Promise.all(Array.from({ length: 6 }, () => start(spec)));
    for (const runId of runIds) {
      const result = await finished(runId);
      expect(result.run.status).toBe('failed');
      expect(result.run.startedAt!.getTime()).toBeLessThanOrEqual(result.run.endedAt!.getTime());
      for (const step of result.steps.filter((s) => s.startedAt)) expect(step.startedAt!.getTime()).toBeLessThanOrEqual(step.endedAt!.getTime());
    }
    const attempts = await h.db.select().from(stepAttempts).where(and(eq(stepAttempts.runId, runIds[0]!), eq(stepAttempts.nodeId, 'b')));
    expect(attempts.map((a) => a.status)).toEqual(['failed', 'failed']);
    for (const a of attempts) expect(a.endedAt!.getTime() - a.startedAt.getTime()).toBeGreaterThanOrEqual(40); // it slept 50 ms
  });

  it('records are never shown out of order: a gate waits only after the steps before it show finished', async () => {
    const runId = await start(chainSpec([['a', 'noop', {}, { cache: false }], ['b', 'noop', {}, { cache: false }], ['gate', 'approval', {}]]));
    const seen: string[] = [];
    await waitFor(
      async () => {
        const r = await get(runId);
        const s = byNode(r);
        seen.push(`${s.a!.status}/${s.b!.status}/${s.gate!.status}/${r.run.status}`);
        return s.gate!.status;
      },
      (status) => status === 'waiting_approval',
      { what: 'the gate to wait', intervalMs: 10 },
    );
    for (const view of seen.filter((v) => v.includes('waiting_approval'))) expect(view).toBe('succeeded/succeeded/waiting_approval/waiting_approval');
    await h.as('editor').runs.cancel({ projectId: h.projectId, runId });
    expect((await finished(runId)).run.status).toBe('cancelled');
  });

  it('an approval gate and a condition pass the approved model on to the step after them', async () => {
    const spec = chainSpec([
      ['train', 'python', { code: 'import weft_step as weft\nopen(weft.output_path("model.txt"), "w").write("weights-42")' }, { cache: false }],
      ['approve', 'approval', {}],
      ['check', 'condition', { expression: 'steps.approve.status == "succeeded"' }],
      ['deploy', 'python', { code: 'import weft_step as weft\nassert open(weft.input_path("model.txt")).read() == "weights-42"\nweft.log_metric("deployed", 1)' }, { cache: false }],
    ]);
    spec.edges[2]!.sourcePort = 'true';
    const runId = await start(spec);
    await approve(runId);
    const result = await finished(runId);
    expect(result.run.status).toBe('succeeded');
    const [deploy] = await h.db.select().from(steps).where(and(eq(steps.runId, runId), eq(steps.nodeId, 'deploy')));
    expect(deploy!.outputs?.metrics).toEqual({ deployed: 1 });
    const [run] = await h.db.select().from(runs).where(eq(runs.id, runId));
    expect(run!.startedAt!.getTime()).toBeLessThanOrEqual(run!.endedAt!.getTime());
  });
});

