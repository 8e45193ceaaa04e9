// 7. Pools and GPUs: how fast a freed GPU is taken again, the dispatch ratio under fair share, and
// the Pools page's data with 20 workers and 1,000 queued steps.
import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { memberships, pools, projects, stepAttempts } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import { wideSpec } from '../../server/testing/fixtures';
import { GpuLeases } from '../../workflows/gpu/gpu-leases';
import { QUICK } from '../lib/config';
import { report } from '../lib/report';
import { awaitResult } from '../lib/runs';
import { fmtMs, median, percentile } from '../lib/stats';
import { verdict } from '../lib/table';
import { now, sleep } from '../lib/util';
import type { TBench } from '../lib/workers';

const { rows, notes } = report;

async function startRun(b: TBench, projectId: string, spec: TPipelineSpec) {
  const { id: pipelineId } = await b.api.pipelines.create({ projectId, name: `bench pools ${randomUUID().slice(0, 8)}` });
  const { versionId } = await b.api.pipelines.saveVersion({ projectId, pipelineId, spec, message: 'bench' });
  return (await b.api.runs.start({ projectId, versionId, requestId: randomUUID() })).runId;
}

const finish = (b: TBench, runId: string, limitMs = 120_000) => awaitResult(b, b.temporal.workflow.getHandle(`run-${runId}`), limitMs);

const attemptsOf = (b: TBench, runIds: string[]) =>
  b.db.select().from(stepAttempts).where(inArray(stepAttempts.runId, runIds)).orderBy(asc(stepAttempts.startedAt));

export async function measurePools(b: TBench): Promise<void> {
  const create = (name: string, kind: 'cpu' | 'gpu') => b.admin.pools.create({ name, kind, labels: {}, description: 'bench', defaults: { cpus: 1, memoryMb: 256, gpus: kind === 'gpu' ? 1 : 0 } });
  await create('bench-gpu', 'gpu');
  await create('bench-fair', 'cpu');
  await create('bench-load', 'cpu');
  await measureGpuHandover(b);
  await measureFairShare(b);
  await measurePoolPage(b);
}

/** One GPU, steps queued for it: from one step's end to the next one's start on the freed GPU. */
async function measureGpuHandover(b: TBench) {
  const steps = QUICK ? 6 : 12;
  const gpu = await b.addPoolWorker({ pool: 'bench-gpu', gpus: new GpuLeases(['0']), identity: `bench-gpu@bench:${process.pid} gpus=0` });
  const runId = await startRun(b, b.projectId, wideSpec('bench-gpu', steps, 200, 1));
  await finish(b, runId);
  await gpu.stop();
  const attempts = await attemptsOf(b, [runId]);
  const gaps = attempts.slice(1).map((a, i) => a.startedAt.getTime() - attempts[i]!.endedAt!.getTime());
  rows.push({
    measure: `GPU freed → next waiting step starts on it (1 GPU, ${steps} queued 1-GPU steps; median / p95)`,
    weft: `${fmtMs(median(gaps))} / ${fmtMs(percentile(gaps, 95))}`,
    hand: '—',
    target: '< 100 ms',
    ok: verdict(median(gaps) < 100),
  });
}

/** Teams of weight 3 and 1 queue 40 steps each on a pool of 2 slots: who is served first. */
async function measureFairShare(b: TBench) {
  const [project] = await b.db.insert(projects).values({ name: 'Bench project B', slug: `bench-b-${randomUUID()}` }).returning();
  await b.db.insert(memberships).values({ projectId: project!.id, userId: b.members.editor.id, role: 'editor' });
  const { id: teamA } = await b.admin.teams.create({ name: `bench A ${randomUUID().slice(0, 6)}` });
  const { id: teamB } = await b.admin.teams.create({ name: `bench B ${randomUUID().slice(0, 6)}` });
  await b.admin.teams.assignProject({ projectId: b.projectId, teamId: teamA });
  await b.admin.teams.assignProject({ projectId: project!.id, teamId: teamB });
  const [pool] = await b.db.select().from(pools).where(eq(pools.name, 'bench-fair'));
  await b.admin.teams.setShare({ teamId: teamA, poolId: pool!.id, weight: 3, gpuQuota: null });
  await b.admin.teams.setShare({ teamId: teamB, poolId: pool!.id, weight: 1, gpuQuota: null });

  const runA = await startRun(b, b.projectId, wideSpec('bench-fair', 40, 20));
  const runB = await startRun(b, project!.id, wideSpec('bench-fair', 40, 20));
  await waitForBacklog(b, 'bench-fair', 80);
  const worker = await b.addPoolWorker({ pool: 'bench-fair', slots: 2, identity: `bench-fair@bench:${process.pid}` });
  await Promise.all([finish(b, runA), finish(b, runB)]);
  await worker.stop();
  await b.admin.teams.assignProject({ projectId: b.projectId, teamId: null });
  const first = (await attemptsOf(b, [runA, runB])).slice(0, 40);
  const a = first.filter((x) => x.runId === runA).length;
  rows.push({
    measure: 'fair share: first 40 of 2 × 40 queued steps, teams of weight 3 and 1 (Temporal fairness)',
    weft: `${a} : ${40 - a} (ratio ${(a / Math.max(1, 40 - a)).toFixed(2)})`,
    hand: '—',
    target: '≈ 3 : 1',
    ok: verdict(a / Math.max(1, 40 - a) >= 2),
  });
}

/** 20 workers busy, 1,000 steps queued behind them: how long the Pools page's data takes. */
async function measurePoolPage(b: TBench) {
  const workers = await Promise.all(Array.from({ length: 20 }, (_, i) => b.addPoolWorker({ pool: 'bench-load', slots: 1, identity: `bench-load-${i}@bench:${process.pid}` })));
  const runId = await startRun(b, b.projectId, wideSpec('bench-load', 1_000, 60_000));
  await waitForBacklog(b, 'bench-load', 950);
  const times: number[] = [];
  let seen = { workers: 0, backlog: 0 };
  for (let i = 0; i < (QUICK ? 5 : 10); i++) {
    const t0 = now();
    const overview = await b.admin.pools.overview();
    times.push(now() - t0);
    const load = overview.find((p) => p.name === 'bench-load');
    seen = { workers: load?.live?.workers.length ?? 0, backlog: load?.live?.backlog ?? 0 };
  }
  await b.temporal.workflow.getHandle(`run-${runId}`).terminate('bench done');
  await Promise.all(workers.map((w) => w.stop()));
  rows.push({
    measure: `Pools page data (pools.overview) with 20 workers and 1,000 queued steps (median / max)`,
    weft: `${fmtMs(median(times))} / ${fmtMs(Math.max(...times))}`,
    hand: '—',
    target: 'report',
    ok: '',
  });
  notes.push(`Pools page bench: Temporal reported ${seen.workers} workers and a backlog of ${seen.backlog} on the loaded pool`);
}

async function waitForBacklog(b: TBench, pool: string, n: number) {
  const deadline = now() + 120_000;
  while (now() < deadline) {
    const overview = await b.admin.pools.overview();
    if ((overview.find((p) => p.name === pool)?.live?.backlog ?? 0) >= n) return;
    await sleep(250);
  }
  throw new Error(`pool ${pool} never had ${n} steps waiting`);
}
