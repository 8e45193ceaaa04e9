import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordWriter } from '../control/record-writer';
import type { TDatabase } from '../db/client';
import { writeRunRecords } from '../services/runs/write-run-records';
import { reconcileOpenRuns, reconcileRuns } from '../services/runs/reconcile-runs';
import { runs, stepAttempts, steps } from '../../drizzle/schema';
import { and, eq } from 'drizzle-orm';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { waitFor } from '../testing/wait-for';
import { startNewPipeline } from '../testing/pipeline-runs';

let h: THarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.stop());

const startChain = (spec: ReturnType<typeof chainSpec>) => startNewPipeline(h.as('editor'), h.projectId, spec);

const get = (runId: string) => h.as('viewer').runs.get({ projectId: h.projectId, runId });

/** the activity types a run's workflow scheduled, and how many local-activity markers it has */
async function historyOf(runId: string) {
  const history = await h.temporal.workflow.getHandle(`run-${runId}`).fetchHistory();
  const events = history.events ?? [];
  return {
    activities: events.flatMap((e) => (e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType?.name ?? ''] : [])),
    markers: events.filter((e) => e.markerRecordedEventAttributes).length,
  };
}

describe('live run records', () => {
  it('reach Postgres while the run goes on and as it ends, with no Temporal event of their own', async () => {
    const { runId } = await startChain(chainSpec([['first', 'noop', {}, { cache: false }], ['slow', 'shell', { command: 'sleep 2' }, { cache: false }]]));
    const live = await waitFor(() => get(runId), (r) => r.steps.find((s) => s.nodeId === 'slow')?.status === 'running', { what: 'the slow step shown running', timeoutMs: 10_000 });
    expect(live.steps.find((s) => s.nodeId === 'first')).toMatchObject({ status: 'succeeded', attempts: 1 });
    expect(live.run.status).toBe('running');
    // meanwhile only the steps themselves were scheduled: no activity carried records
    expect((await historyOf(runId)).activities).toEqual(['runStep', 'runStep']);

    // the workflow closes without waiting for its last records; the live writer writes them within a moment
    await h.temporal.workflow.getHandle(`run-${runId}`).result();
    const done = await waitFor(() => get(runId), (r) => r.run.status === 'succeeded', { what: 'the run\'s end in Postgres', timeoutMs: 3_000 });
    expect(done.steps.map((s) => [s.nodeId, s.status, s.attempts])).toEqual([
      ['first', 'succeeded', 1],
      ['slow', 'succeeded', 1],
    ]);
    const history = await historyOf(runId);
    expect(history.activities).toEqual(['runStep', 'runStep']);
    expect(history.markers).toBe(0); // web prepared the run (no beginRun), the live writer wrote its end (no drain), no patch
  });

  it('never reopens a finished step, whichever copy of a record comes last', async () => {
    const { runId } = await startChain(chainSpec([['only', 'noop', {}, { cache: false }]]));
    await waitFor(() => get(runId), (r) => r.run.status === 'succeeded', { what: 'the run', timeoutMs: 20_000 });
    const at = new Date().toISOString();
    await writeRunRecords(h.db, [
      {
        runId,
        projectId: h.projectId,
        records: [
          { type: 'step', nodeId: 'only', status: 'running', at },
          { type: 'flag', nodeId: 'only', flag: 'late flag' },
        ],
      },
    ]);
    expect((await get(runId)).steps[0]).toMatchObject({ status: 'succeeded', flag: null });
  });

  it('write the records of several runs, their ends included, in one transaction of set-based statements', async () => {
    const started = await Promise.all([0, 1].map(() => startChain(chainSpec([['a', 'noop', {}, { cache: false }], ['b', 'noop', {}, { cache: false }]]))));
    for (const { runId } of started) await waitFor(() => get(runId), (r) => r.run.status === 'succeeded', { what: 'the run', timeoutMs: 20_000 });
    // rewound as if their records had never been written, then written again in one call
    const ids = started.map((s) => s.runId);
    for (const runId of ids) {
      await h.db.update(runs).set({ status: 'running', endedAt: null }).where(eq(runs.id, runId));
      await h.db.update(steps).set({ status: 'pending', endedAt: null, attempts: 0 }).where(eq(steps.runId, runId));
    }
    const at = new Date().toISOString();
    const attempt = (n: number) => ({ attempt: n, workerIdentity: 'w1', startedAt: at, endedAt: at, exitCode: 0, log: `log ${n}`, gpuDevices: ['0', '1'], gpuSeconds: 1.5 });
    const { missing } = await writeRunRecords(h.db, [
      { runId: ids[0]!, projectId: h.projectId, records: [{ type: 'step', nodeId: 'a', status: 'succeeded', origin: 'executed', attempt: attempt(3), at }, { type: 'finish', status: 'failed', error: 'b failed', at }] },
      { runId: ids[1]!, projectId: h.projectId, records: [{ type: 'step', nodeId: 'a', status: 'running', at }, { type: 'step', nodeId: 'b', status: 'succeeded', at }] },
      { runId: randomUUID(), projectId: h.projectId, records: [{ type: 'finish', status: 'succeeded', at }] },
    ]);
    expect(missing).toHaveLength(1);
    const [first, second] = await Promise.all(ids.map(get));
    expect(first!.run).toMatchObject({ status: 'failed', error: 'b failed' });
    expect(first!.steps.map((s) => [s.nodeId, s.status, s.attempts])).toEqual([
      ['a', 'succeeded', 3],
      ['b', 'pending', 0],
    ]);
    const [row] = await h.db.select().from(stepAttempts).where(and(eq(stepAttempts.runId, ids[0]!), eq(stepAttempts.attempt, 3)));
    expect(row).toMatchObject({ nodeId: 'a', status: 'succeeded', log: 'log 3', gpuDevices: ['0', '1'], gpuSeconds: 1.5 });
    expect(second!.run.status).toBe('running');
    expect(second!.steps.map((s) => [s.nodeId, s.status])).toEqual([
      ['a', 'running'],
      ['b', 'succeeded'],
    ]);
  });

  it('tries a failed write again, in order; writes a run\'s pending records before its durable batch', async () => {
    const { runId } = await startChain(chainSpec([['long', 'shell', { command: 'sleep 30' }, { cache: false }]]));
    await waitFor(() => get(runId), (r) => r.steps[0]?.status === 'running', { what: 'the step running', timeoutMs: 10_000 });
    let transactions = 0;
    // the first transaction fails as if Postgres were away; the others reach the real database
    const flaky = { transaction: (fn: Parameters<TDatabase['transaction']>[0]) => (transactions++ === 0 ? Promise.reject(new Error('connection refused')) : h.db.transaction(fn)) } as TDatabase;
    const warnings: string[] = [];
    const writer = createRecordWriter(flaky, (m) => warnings.push(m));
    const flag = (text: string) => ({ runId, projectId: h.projectId, records: [{ type: 'flag' as const, nodeId: 'long', flag: text }] });
    const flagOf = async () => (await get(runId)).steps[0]?.flag;
    writer.write(flag('first'));
    await waitFor(async () => transactions, (n) => n >= 1, { what: 'the first (failing) write', timeoutMs: 5_000 });
    writer.write(flag('second')); // arrives while the first waits to be tried again: written after it
    expect(await waitFor(flagOf, (f) => f === 'second', { what: 'both flags written, in order', timeoutMs: 5_000 })).toBe('second');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('connection refused');
    writer.write(flag('third'));
    expect(await writer.writeNow(flag('fourth'))).toEqual({ written: 1 }); // the pending 'third' first, then 'fourth'
    expect(await flagOf()).toBe('fourth');
    await expect(writer.writeNow({ ...flag('x'), runId: randomUUID() })).rejects.toThrow(/does not exist/);
    await h.as('editor').runs.cancel({ projectId: h.projectId, runId });
  });

  it('are written from the run\'s result when its end never reached Postgres (the reconciler, scanning closed workflows)', async () => {
    const { runId } = await startChain(chainSpec([['a', 'noop', {}, { cache: false }], ['b', 'noop', {}, { cache: false }]]));
    await waitFor(() => get(runId), (r) => r.run.status === 'succeeded', { what: 'the run', timeoutMs: 20_000 });
    // as if the control worker had died before its live writer wrote the run's last records
    await h.db.update(runs).set({ status: 'running', endedAt: null }).where(eq(runs.id, runId));
    await h.db.update(steps).set({ status: 'running', endedAt: null }).where(eq(steps.runId, runId));
    // visibility may show the close a moment after the workflow closed
    await waitFor(() => reconcileRuns({ db: h.db, temporal: h.temporal }, new Date(Date.now() - 60_000)), (closed) => closed.includes(runId), { what: 'the reconciled run', timeoutMs: 10_000 });
    const after = await get(runId);
    expect(after.run.status).toBe('succeeded');
    expect(after.steps.map((s) => [s.nodeId, s.status])).toEqual([
      ['a', 'succeeded'],
      ['b', 'succeeded'],
    ]);
    expect(await reconcileRuns({ db: h.db, temporal: h.temporal }, new Date(Date.now() - 60_000))).not.toContain(runId);
  });

  it('close a run whose workflow was terminated in Temporal (the reconciler, asking about open runs)', async () => {
    const { runId } = await startChain(chainSpec([['long', 'shell', { command: 'sleep 30' }, { cache: false }]]));
    await waitFor(() => get(runId), (r) => r.steps[0]?.status === 'running', { what: 'the step running', timeoutMs: 10_000 });
    await h.temporal.workflow.getHandle(`run-${runId}`).terminate('test');
    // (as a control worker starting: it asks Temporal about every open run)
    expect(await reconcileOpenRuns({ db: h.db, temporal: h.temporal })).toContain(runId);
    const after = await get(runId);
    expect(after.run).toMatchObject({ status: 'failed', error: 'Its workflow was terminated in Temporal' });
    expect(after.steps[0]!.status).toBe('cancelled');
  });
});
