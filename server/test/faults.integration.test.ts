// Faults through the real parts: worker processes killed, the Temporal server restarted and
// PostgreSQL stopped mid-run, on services of this file's own (ports 7296 / 5496) so that the
// shared ones stay up for the other files. Logs: .weft/test/logs/own-7296/.
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gpuQuotaLeases, runs, stepAttempts, steps } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import { chainSpec } from '../testing/fixtures';
import { startOwnServices, type TOwnServices } from '../testing/own-services';
import { waitFor } from '../testing/wait-for';
import type { TWorkerProcess } from '../testing/worker-process';
import { startNewPipeline } from '../testing/pipeline-runs';

let s: TOwnServices;
let control: TWorkerProcess;
let controlExit: number | undefined;
beforeAll(async () => {
  s = await startOwnServices({ temporal: 7296, postgres: 5496 });
  control = await s.startWorker('control', ['--role', 'control']);
  void control.exited.then((code) => (controlExit = code));
});
afterEach(({ task }) => {
  if (task.result?.state === 'fail' && !task.fails) console.error(`[faults] control worker ${controlExit === undefined ? 'alive' : `exited (${controlExit})`}; logs in ${s.logDir}`);
});
afterAll(async () => s?.stop());

const start = (spec: TPipelineSpec) => startNewPipeline(s.as('editor'), s.projectId, spec).then((r) => r.runId);

/** The run's records as Postgres holds them; undefined while Postgres is away. */
async function records(runId: string) {
  try {
    const [run] = await s.db.select().from(runs).where(eq(runs.id, runId));
    const stepRows = await s.db.select().from(steps).where(eq(steps.runId, runId)).orderBy(asc(steps.nodeId));
    const attempts = await s.db.select().from(stepAttempts).where(eq(stepAttempts.runId, runId)).orderBy(asc(stepAttempts.nodeId), asc(stepAttempts.attempt));
    return { run: run!, steps: stepRows, attempts };
  } catch {
    return undefined;
  }
}
type TRecords = NonNullable<Awaited<ReturnType<typeof records>>>;
const ended = (runId: string, timeoutMs?: number) =>
  waitFor(() => records(runId), (r) => !!r && ['succeeded', 'failed', 'cancelled'].includes(r.run.status), { timeoutMs, what: `run ${runId} to end` }) as Promise<TRecords>;
const running = (r: TRecords | undefined, nodeId: string) => r?.attempts.find((a) => a.nodeId === nodeId && a.status === 'running' && a.workerIdentity);
const shell = (id: string, command: string, extra: Partial<TPipelineSpec['nodes'][number]> = {}) => [id, 'shell', { command }, extra] as [string, string, Record<string, unknown>, typeof extra];
const quickRetry = { maxAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 1 };
const hostOf = (identity: string) => identity.slice(identity.indexOf('@') + 1, identity.lastIndexOf(':'));

/** Other sessions on the database (the control worker's), with what each is doing. */
async function sessions() {
  const { rows } = await s.db.execute<{ pid: number; state: string | null; wait: string | null }>(
    sql`select pid, state, wait_event_type as wait from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
  );
  return rows;
}

describe('faults', () => {
  it('retries a step on another worker when its worker is SIGKILLed mid-step', async () => {
    const pools = await Promise.all([s.startWorker('pool-a', ['--pool', 'cpu']), s.startWorker('pool-b', ['--pool', 'cpu'])]);
    let runId = '';
    try {
      runId = await start(chainSpec([shell('sleepy', 'sleep 3', { cache: false, heartbeatTimeoutSeconds: 2, retry: quickRetry })]));
      const first = running(await waitFor(() => records(runId), (r) => !!running(r, 'sleepy'), { what: 'attempt 1 to run' }), 'sleepy')!;
      expect(first.attempt).toBe(1);
      const victim = pools.find((p) => first.workerIdentity!.endsWith(`:${p.pid}`))!;
      const survivor = pools.find((p) => p !== victim)!;
      expect(victim).toBeDefined();
      await victim.kill();

      const result = await ended(runId);
      expect(result.run.status).toBe('succeeded');
      expect(result.steps).toMatchObject([{ nodeId: 'sleepy', status: 'succeeded', attempts: 2 }]);
      const host = hostOf(first.workerIdentity!);
      expect(result.attempts).toMatchObject([
        { attempt: 1, status: 'failed', workerIdentity: `cpu@${host}:${victim.pid}`, error: expect.stringMatching(/^Lost/) },
        { attempt: 2, status: 'succeeded', workerIdentity: `cpu@${host}:${survivor.pid}`, exitCode: 0 },
      ]);
    } finally {
      await Promise.all(pools.map((p) => p.stop()));
      if (runId) await rm(path.join(os.tmpdir(), 'weft-steps', runId), { recursive: true, force: true }); // the killed attempt's scratch dir
    }
  });

  it('finishes a run, fully recorded, across a restart of the Temporal server', async () => {
    const pool = await s.startWorker('pool-c', ['--pool', 'cpu']);
    try {
      const runId = await start(chainSpec([shell('slow', 'sleep 4', { cache: false, heartbeatTimeoutSeconds: 5, retry: quickRetry }), shell('after', 'echo after', { cache: false })]));
      await waitFor(() => records(runId), (r) => !!running(r, 'slow'), { what: 'the slow step to run' });
      await s.restartTemporal();

      const result = await ended(runId);
      expect(result.run).toMatchObject({ status: 'succeeded', error: null, endedAt: expect.any(Date) });
      expect(result.steps.map((x) => [x.nodeId, x.status])).toEqual([['after', 'succeeded'], ['slow', 'succeeded']]);
      for (const nodeId of ['after', 'slow']) {
        const last = result.attempts.filter((a) => a.nodeId === nodeId).at(-1);
        expect(last, nodeId).toMatchObject({ status: 'succeeded', exitCode: 0, endedAt: expect.any(Date) });
      }
      expect(result.attempts.filter((a) => a.status === 'running')).toEqual([]);
    } finally {
      await pool.stop();
    }
  });

  it('records every step exactly once when PostgreSQL is down for 30 s mid-run', async () => {
    const pool = await s.startWorker('pool-d', ['--pool', 'cpu']);
    try {
      const ids = ['s1', 's2', 's3', 's4', 's5'];
      const runId = await start(chainSpec(ids.map((id) => shell(id, 'sleep 2', { cache: false }))));
      await waitFor(() => records(runId), (r) => r?.steps.find((x) => x.nodeId === 's1')?.status === 'succeeded' && !!running(r, 's2'), { what: 's1 recorded, s2 running' });
      // stop while no control activity holds a connection: one that does crashes the worker (last test)
      await waitFor(sessions, (list) => list.every((x) => x.state === 'idle'), { what: 'no statement in flight' });
      await s.stopPostgres();
      let backAt: Date;
      try {
        await new Promise((r) => setTimeout(r, 30_000)); // the outage itself: s2..s5 finish meanwhile, their records wait
      } finally {
        await s.startPostgres();
        backAt = new Date();
      }

      const result = await ended(runId, 60_000);
      expect(result.run.status).toBe('succeeded');
      expect(result.steps.map((x) => [x.nodeId, x.status, x.attempts, x.origin])).toEqual(ids.map((id) => [id, 'succeeded', 1, 'executed']));
      expect(result.attempts.map((a) => [a.nodeId, a.attempt, a.status, a.exitCode])).toEqual(ids.map((id) => [id, 1, 'succeeded', 0]));
      expect(result.attempts.at(-1)!.endedAt!.getTime()).toBeLessThan(backAt.getTime()); // s5 ran during the outage
    } finally {
      await pool.stop();
    }
  }, 120_000);

  // BUG (server/db/client.ts): only idle pool clients have an 'error' listener. A client checked out
  // by a control activity (inside db.transaction) emits 'error' with no listener when the server
  // terminates it between statements, and the control worker process dies of the unhandled event.
  // Remove `.fails` once each client gets a listener (pool.on('connect', (c) => c.on('error', ...))).
  it('keeps the control worker alive when PostgreSQL goes away under an open transaction', async () => {
    const pool = await s.startWorker('pool-e', ['--pool', 'cpu']);
    const locker = new pg.Client({ connectionString: s.databaseUrl });
    locker.on('error', () => undefined); // terminated with the server below
    let frozen = false;
    try {
      await locker.connect();
      const runId = await start(chainSpec([shell('a', 'sleep 2', { cache: false })]));
      await waitFor(() => records(runId), (r) => r?.run.status === 'running', { what: 'the run to begin' });
      // hold the run row: the next progress record waits on it at the end of its transaction
      await locker.query('begin');
      await locker.query('select 1 from runs where id = $1 for update', [runId]);
      const lockerPid = (await locker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      const waiting = await waitFor(sessions, (list) => list.some((x) => x.wait === 'Lock'), { what: 'a progress record to wait on the lock' });
      const backend = waiting.find((x) => x.wait === 'Lock')!.pid;
      expect(backend).not.toBe(lockerPid);
      // A paused worker (GC, a starved CPU) reads the statement's end and the server's goodbye together.
      process.kill(control.pid, 'SIGSTOP');
      frozen = true;
      await locker.query('commit');
      await waitFor(sessions, (list) => list.find((x) => x.pid === backend)?.state === 'idle in transaction', { what: 'the statement to finish' });
      await s.stopPostgres();
      process.kill(control.pid, 'SIGCONT');
      frozen = false;
      let crashed = false;
      void control.exited.then(() => (crashed = true));
      await s.startPostgres();

      const outcome = await waitFor(async () => (crashed ? 'control worker died' : (await records(runId))?.run.status), (v) => v === 'control worker died' || v === 'succeeded' || v === 'failed', { what: 'the run to end' });
      expect(outcome).toBe('succeeded');
    } finally {
      if (frozen) process.kill(control.pid, 'SIGCONT');
      await locker.end().catch(() => undefined);
      await pool.stop();
    }
  });

  it("holds a team's GPU quota in Postgres across a SIGKILLed control worker: no lease lost or leaked", async () => {
    const admin = s.as('admin');
    const { id: poolId } = await admin.pools.create({ name: 'gpu', kind: 'gpu', labels: {}, description: '', defaults: { cpus: 1, memoryMb: 512, gpus: 1 } });
    await admin.teams.setShare({ teamId: s.teamId, poolId, weight: 1, gpuQuota: 1 });
    await s.startWorker('gpu-a', ['--pool', 'gpu', '--kind', 'gpu'], { WEFT_GPUS: '0,1', WEFT_PYTHON_PRELOAD: '' });
    const hold = 's=$(date +%s%3N); sleep 4; echo "span $s $(date +%s%3N)"';
    const spec: TPipelineSpec = {
      nodes: ['g1', 'g2'].map((id, i) => ({ id, kind: 'shell', label: id, config: { command: hold }, position: { x: i * 200, y: 0 }, resources: { gpus: 1 }, cache: false })),
      edges: [],
      parameters: {},
      maxParallelism: 2,
    };
    const runId = await start(spec);
    const leasesNow = () => s.db.select().from(gpuQuotaLeases).where(eq(gpuQuotaLeases.runId, runId));
    // one step holds the team's only GPU of quota, the other waits for it
    await waitFor(() => s.db.select({ flag: steps.flag }).from(steps).where(eq(steps.runId, runId)), (rows) => rows.some((r) => r.flag?.startsWith('Waiting for team quota')), { what: 'a step waiting for the quota' });
    await control.kill();
    expect(await leasesNow()).toHaveLength(1); // the lease is in Postgres, not in the dead worker
    control = await s.startWorker('control-2', ['--role', 'control']);
    void control.exited.then((code) => (controlExit = code));
    const r = await ended(runId, 150_000);
    expect(r.run.status).toBe('succeeded');
    const spans = r.attempts
      .filter((a) => a.status === 'succeeded')
      .map((a) => /span (\d+) (\d+)/.exec(a.log)!.slice(1).map(Number) as [number, number])
      .sort((a, b) => a[0] - b[0]);
    expect(spans).toHaveLength(2);
    expect(spans[1]![0]).toBeGreaterThanOrEqual(spans[0]![1] - 50); // never both at once
    expect(await leasesNow()).toEqual([]);
  }, 180_000);
});
