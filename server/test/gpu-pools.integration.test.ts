// GPU pools through the real parts: Temporal, Postgres, and a GPU pool worker as its own process
// whose GPUs are declared with WEFT_GPUS (leasing is the same code with or without a real GPU).
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gpuQuotaLeases, memberships, pools, projects, runs, stepAttempts, steps, teamPoolShares, teams } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import { chainSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { processesWith, uniqueSleep } from '../testing/step-evidence';
import { waitFor } from '../testing/wait-for';
import type { TWorkerProcess } from '../testing/worker-process';
import { startNewPipeline } from '../testing/pipeline-runs';

type TNode = TPipelineSpec['nodes'][number];

let h: THarness;
let gpuWorker: TWorkerProcess;
const startGpuWorker = (name: string) => h.startWorker(name, ['--pool', 'gpu', '--kind', 'gpu'], { WEFT_GPUS: '0,1', WEFT_PYTHON_PRELOAD: '' });

beforeAll(async () => {
  h = await startHarness();
  await h.as('admin').pools.create({ name: 'gpu', kind: 'gpu', labels: { gpu: 'test' }, description: 'test GPUs', defaults: { cpus: 1, memoryMb: 1_024, gpus: 1 } });
  gpuWorker = await startGpuWorker('gpu-worker');
});
afterAll(async () => h?.stop());

const start = (spec: TPipelineSpec, projectId = h.projectId) => startNewPipeline(h.as('editor'), projectId, spec).then((r) => r.runId);

async function records(runId: string) {
  const [run] = await h.db.select().from(runs).where(eq(runs.id, runId));
  const attempts = await h.db.select().from(stepAttempts).where(eq(stepAttempts.runId, runId)).orderBy(asc(stepAttempts.nodeId), asc(stepAttempts.attempt));
  return { run: run!, attempts };
}
const ended = (runId: string) => waitFor(() => records(runId), (r) => ['succeeded', 'failed', 'cancelled'].includes(r.run.status), { what: `run ${runId} to end` });

const shellNode = (id: string, command: string, extra: Partial<TNode> = {}, x = 0): TNode => ({ id, kind: 'shell', label: id, config: { command }, position: { x, y: 0 }, ...extra });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, sourcePort: 'out', target, targetPort: 'in' });
/** prints when it held which GPUs: `span <start ms> <end ms> cuda=<devices>` */
const holdGpus = (seconds: number) => `s=$(date +%s%3N); sleep ${seconds}; echo "span $s $(date +%s%3N) cuda=$CUDA_VISIBLE_DEVICES"`;
const spanOf = (log: string) => {
  const [, startMs, endMs, cuda] = /span (\d+) (\d+) cuda=(\S*)/.exec(log)!;
  return { start: Number(startMs), end: Number(endMs), cuda: cuda! };
};

describe('GPU pools', () => {
  it('routes each step of a two-pool pipeline to its pool, a GPU step with exactly its GPU', async () => {
    const spec = chainSpec([
      ['prep', 'shell', { command: 'echo "cuda=[$CUDA_VISIBLE_DEVICES]"' }],
      ['train', 'shell', { command: 'echo "cuda=[$CUDA_VISIBLE_DEVICES]"' }, { resources: { gpus: 1, gpuType: 'test' } }],
    ]);
    const { run, attempts } = await ended(await start(spec));
    expect(run.status).toBe('succeeded');
    const [prep, train] = [attempts.find((a) => a.nodeId === 'prep')!, attempts.find((a) => a.nodeId === 'train')!];
    expect(prep.workerIdentity).toMatch(/^test-cpu-/);
    expect(prep.log).toContain('cuda=[]');
    expect(prep.gpuDevices).toBeNull();
    expect(train.workerIdentity).toMatch(new RegExp(`^gpu@.*:${gpuWorker.pid} gpus=0,1$`));
    expect(train.gpuDevices).toHaveLength(1);
    expect(train.log).toContain(`cuda=[${train.gpuDevices![0]}]`);
    expect(train.gpuSeconds).toBeGreaterThan(0);
    const log = await h.as('viewer').runs.stepLog({ projectId: h.projectId, runId: run.id, nodeId: 'train' });
    expect(log.attempts[0]).toMatchObject({ gpuDevices: train.gpuDevices, gpuSeconds: train.gpuSeconds });

    // the Pools page: the worker and its GPUs from Temporal, GPU-hours and the last hour from Postgres
    const overview = await h.as('admin').pools.overview();
    const gpu = overview.find((p) => p.name === 'gpu')!;
    expect(gpu.live!.workers).toEqual([expect.objectContaining({ identity: expect.stringMatching(/^gpu@/), gpus: ['0', '1'] })]);
    expect(gpu.live!.backlog).toBe(0);
    const usage = await h.as('admin').pools.gpuUsage({ from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) });
    expect(usage.byPipeline[0]).toMatchObject({ attempts: 1, gpuHours: expect.any(Number) });
    expect(usage.byTeam.map((t) => t.team)).toEqual([expect.stringMatching(/^Test team/)]);
    const minutes = await h.as('admin').pools.utilisation({ pool: 'gpu' });
    expect(minutes).toHaveLength(60);
    expect(minutes.reduce((sum, m) => sum + m.gpus, 0)).toBeGreaterThan(0);
    await expect(h.as('editor').pools.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('runs at most two 1-GPU steps at once on two GPUs, each on its own; a 2-GPU step sees both', async () => {
    const gpuSteps = ['g1', 'g2', 'g3'].map((id, i) => shellNode(id, holdGpus(2), { resources: { gpus: 1 } }, i * 100));
    const spec: TPipelineSpec = {
      nodes: [shellNode('start', 'true'), ...gpuSteps, shellNode('both', holdGpus(0), { resources: { gpus: 2 } })],
      edges: [...gpuSteps.map((s) => edge('start', s.id)), ...gpuSteps.map((s) => edge(s.id, 'both'))],
      parameters: {},
      maxParallelism: 8,
    };
    const { run, attempts } = await ended(await start(spec));
    expect(run.status).toBe('succeeded');
    const spans = ['g1', 'g2', 'g3'].map((id) => spanOf(attempts.find((a) => a.nodeId === id)!.log));
    for (const span of spans) expect(span.cuda).toMatch(/^[01]$/);
    // the third starts only when one of the first two has ended, and overlapping steps hold different GPUs
    const [first, second, third] = [...spans].sort((a, b) => a.start - b.start);
    expect(first!.cuda).not.toBe(second!.cuda);
    expect(third!.start).toBeGreaterThanOrEqual(Math.min(first!.end, second!.end) - 50);
    console.log(`[gpu] spans (ms from first start): ${[first, second, third].map((s) => `${s!.start - first!.start}-${s!.end - first!.start} on ${s!.cuda}`).join(', ')}`);
    expect(spanOf(attempts.find((a) => a.nodeId === 'both')!.log).cuda).toBe('0,1');
  });

  it('fails a step that asks more GPUs than the worker has, saying so, without retrying', async () => {
    const { run, attempts } = await ended(await start(chainSpec([['huge', 'shell', { command: 'echo never runs' }, { resources: { gpus: 3 }, cache: false }]])));
    expect(run.status).toBe('failed');
    const [step] = await h.as('viewer').runs.get({ projectId: h.projectId, runId: run.id }).then((r) => r.steps);
    expect(step).toMatchObject({ nodeId: 'huge', status: 'failed', attempts: 1 });
    expect(step!.error).toMatch(/asks for 3 GPUs; this worker has 2/);
    expect(attempts.filter((a) => a.status === 'running')).toEqual([]);
  });

  it('a step whose GPU worker is SIGKILLed is retried on a new worker; its process and its GPUs are freed', async () => {
    const sleep = `sleep ${uniqueSleep(60)}`;
    const spec = chainSpec([
      ['train', 'shell', { command: `if [ "$WEFT_ATTEMPT" = 1 ]; then ${sleep}; fi; ${holdGpus(0)}` }, { resources: { gpus: 2 }, heartbeatTimeoutSeconds: 2, retry: { maxAttempts: 3, initialIntervalSeconds: 0.5, backoffCoefficient: 1 } }],
    ]);
    const runId = await start(spec);
    await waitFor(() => processesWith(sleep), (pids) => pids.length > 0, { what: 'the step to start' });
    await gpuWorker.kill();
    // a step dies with its worker (its sandbox, or the warm interpreter, sees to it): the GPUs are not held by an orphan
    await waitFor(() => processesWith(sleep), (pids) => pids.length === 0, { timeoutMs: 10_000, what: 'the step process to go' });
    gpuWorker = await startGpuWorker('gpu-worker-2');
    const { run, attempts } = await ended(runId);
    expect(run.status).toBe('succeeded');
    const last = attempts.at(-1)!;
    expect(last.workerIdentity).toContain(`:${gpuWorker.pid} `);
    expect(spanOf(last.log).cuda).toBe('0,1'); // both GPUs free on the new worker
    expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 'failed'], // closed as lost
      [2, 'succeeded'],
    ]);
  });

  it("holds a team to its GPU quota (waiting steps flagged) while another team's step runs", async () => {
    const [gpuPool] = await h.db.select().from(pools).where(eq(pools.name, 'gpu'));
    await h.db.insert(teamPoolShares).values({ teamId: h.teamId, poolId: gpuPool!.id, weight: 1, gpuQuota: 1 });
    const [teamB] = await h.db.insert(teams).values({ name: `Team B ${randomUUID().slice(0, 8)}` }).returning();
    const [projectB] = await h.db.insert(projects).values({ name: 'Project B', slug: `b-${randomUUID()}`, teamId: teamB!.id }).returning();
    await h.db.insert(memberships).values({ projectId: projectB!.id, userId: h.members.editor.id, role: 'editor' });

    const four = ['q1', 'q2', 'q3', 'q4'].map((id, i) => shellNode(id, holdGpus(1), { resources: { gpus: 1 }, cache: false }, i * 100));
    const runA = await start({ nodes: four, edges: [], parameters: {}, maxParallelism: 4 });
    const runB = await start(chainSpec([['other', 'shell', { command: holdGpus(2) }, { resources: { gpus: 1 }, cache: false }]]), projectB!.id);
    const flagged = await waitFor(
      () => h.db.select({ flag: steps.flag }).from(steps).where(eq(steps.runId, runA)),
      (rows) => rows.some((r) => r.flag?.startsWith('Waiting for team quota')),
      { what: 'a step of team A flagged as waiting for its quota' },
    );
    expect(flagged.find((r) => r.flag)!.flag).toBe('Waiting for team quota: the team holds 1 of its 1 GPUs on pool "gpu"');
    const [a, b] = [await ended(runA), await ended(runB)];
    expect([a.run.status, b.run.status]).toEqual(['succeeded', 'succeeded']);
    const spans = a.attempts.map((x) => spanOf(x.log)).sort((x, y) => x.start - y.start);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end - 50); // never two at once
    const other = spanOf(b.attempts[0]!.log);
    expect(other.start).toBeLessThan(spans[1]!.end); // team B did not wait for team A's quota
    expect(await h.db.select().from(gpuQuotaLeases)).toEqual([]); // every lease given back
    await h.db.delete(teamPoolShares).where(eq(teamPoolShares.teamId, h.teamId));
  });

  it("counts the GPUs of a run waiting at an approval gate against its team's quota", async () => {
    const [gpuPool] = await h.db.select().from(pools).where(eq(pools.name, 'gpu'));
    await h.db.insert(teamPoolShares).values({ teamId: h.teamId, poolId: gpuPool!.id, weight: 1, gpuQuota: 1 });
    // run A: one branch holds the team's only GPU while the other waits at a gate
    const nodes: TNode[] = [
      shellNode('hold', holdGpus(4), { resources: { gpus: 1 }, cache: false }),
      { id: 'prep', kind: 'noop', label: 'prep', config: {}, position: { x: 0, y: 100 } },
      { id: 'gate', kind: 'approval', label: 'gate', config: {}, position: { x: 200, y: 100 } },
    ];
    const runA = await start({ nodes, edges: [edge('prep', 'gate')], parameters: {}, maxParallelism: 4 });
    await waitFor(() => records(runA), (r) => r.run.status === 'waiting_approval' && r.attempts.length > 0, { what: 'run A waiting at its gate while it holds a GPU' });
    const runB = await start(chainSpec([['next', 'shell', { command: holdGpus(0) }, { resources: { gpus: 1 }, cache: false }]]));
    const flagged = await waitFor(
      () => h.db.select({ flag: steps.flag, status: steps.status }).from(steps).where(eq(steps.runId, runB)),
      (rows) => rows.some((r) => r.flag?.startsWith('Waiting for team quota')),
      { what: "run B's step waiting for the team's quota" },
    );
    expect(flagged[0]!.flag).toBe('Waiting for team quota: the team holds 1 of its 1 GPUs on pool "gpu"');
    const b = await ended(runB);
    const a = await records(runA);
    expect(b.run.status).toBe('succeeded');
    expect(spanOf(b.attempts[0]!.log).start).toBeGreaterThanOrEqual(spanOf(a.attempts[0]!.log).end - 50); // B started once A's step gave its GPU back
    await h.as('editor').runs.cancel({ projectId: h.projectId, runId: runA });
    await ended(runA);
    expect(await h.db.select().from(gpuQuotaLeases)).toEqual([]);
    await h.db.delete(teamPoolShares).where(eq(teamPoolShares.teamId, h.teamId));
  });

  it('a GPU pool worker refuses to start on a machine without a GPU', async () => {
    // no WEFT_GPUS and no nvidia-smi on PATH: nothing to lease
    await expect(h.startWorker('gpu-less', ['--pool', 'gpu', '--kind', 'gpu'], { WEFT_GPUS: '', PATH: '/nonexistent' })).rejects.toThrow(
      /Pool "gpu" is a GPU pool, but this machine has no GPU/,
    );
  });

  it('refuses a GPU step on a CPU pool when the version is saved, naming the node; pools are for admins', async () => {
    const api = h.as('editor');
    const { id: pipelineId } = await api.pipelines.create({ projectId: h.projectId, name: `p-${randomUUID()}` });
    const spec = chainSpec([['train', 'shell', { command: 'true' }, { resources: { pool: 'cpu', gpus: 1 } }]]);
    await expect(api.pipelines.saveVersion({ projectId: h.projectId, pipelineId, spec, message: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { details: { problems: [{ code: 'invalid_resources', nodeId: 'train', field: 'resources.gpus', message: '"train": Asks for 1 GPU, but pool "cpu" is a CPU pool' }] } },
    });
    const pool = { name: 'gpu-b', kind: 'gpu' as const, labels: {}, description: '', defaults: { cpus: 1, memoryMb: 1_024, gpus: 1 } };
    await expect(h.as('admin').pools.create({ ...pool, name: 'gpu' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(h.as('editor').pools.create(pool)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.as('admin').pools.create({ ...pool, name: 'Not A Name' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(h.as('admin').pools.create({ ...pool, kind: 'cpu' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await h.as('viewer').pools.catalog()).map((p) => p.name)).toEqual(['cpu', 'gpu']);
  });
});
