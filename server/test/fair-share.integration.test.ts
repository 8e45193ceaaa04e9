// Fair share and priority through Temporal's Task Queue Fairness and Priority on the dev server
// (`matching.enableFairness=true`): Weft only labels each step; the dispatch order is Temporal's.
import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships, pools, projects, runs, stepAttempts } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import { describePoolQueue } from '../services/pools/pool-workers';
import { wideSpec } from '../testing/fixtures';
import { startHarness, type THarness } from '../testing/harness';
import { waitFor } from '../testing/wait-for';
import { startNewPipeline } from '../testing/pipeline-runs';

let h: THarness;
let projectB: string;

beforeAll(async () => {
  h = await startHarness();
  const admin = h.as('admin');
  for (const name of ['fair', 'prio']) await admin.pools.create({ name, kind: 'cpu', labels: {}, description: '', defaults: { cpus: 1, memoryMb: 256, gpus: 0 } });
  // team B: a second project (the same editor) given to a new team, through the teams API
  const [project] = await h.db.insert(projects).values({ name: 'Project B', slug: `b-${randomUUID()}` }).returning();
  projectB = project!.id;
  await h.db.insert(memberships).values({ projectId: projectB, userId: h.members.editor.id, role: 'editor' });
  const { id: teamB } = await admin.teams.create({ name: `Team B ${randomUUID().slice(0, 8)}` });
  await admin.teams.assignProject({ projectId: projectB, teamId: teamB });
  await admin.teams.setMember({ teamId: teamB, email: h.members.editor.email, member: true });
  const [fair] = await h.db.select().from(pools).where(eq(pools.name, 'fair'));
  await admin.teams.setShare({ teamId: h.teamId, poolId: fair!.id, weight: 3, gpuQuota: null });
  await admin.teams.setShare({ teamId: teamB, poolId: fair!.id, weight: 1, gpuQuota: null });
  const listed = await admin.teams.list();
  expect(listed.teams.find((t) => t.id === teamB)).toMatchObject({ projects: [{ id: projectB }], shares: [{ pool: 'fair', weight: 1 }], members: [{ email: h.members.editor.email }] });
  await expect(admin.teams.setShare({ teamId: teamB, poolId: fair!.id, weight: 1, gpuQuota: 2 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  await expect(h.as('editor').teams.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
});
afterAll(async () => h?.stop());

const start = (projectId: string, spec: TPipelineSpec, priority?: number) => startNewPipeline(h.as('editor'), projectId, spec, priority).then((r) => r.runId);

const backlogOf = (pool: string) => waitFor(() => describePoolQueue(h.temporal, pool), () => true).then((l) => l.backlog);
const awaitBacklog = (pool: string, n: number) => waitFor(() => backlogOf(pool), (b) => b >= n, { what: `${n} steps waiting in pool ${pool}` });
const awaitEnd = (runIds: string[]) =>
  waitFor(
    () => h.db.select({ status: runs.status }).from(runs).where(inArray(runs.id, runIds)),
    (rows) => rows.every((r) => ['succeeded', 'failed', 'cancelled'].includes(r.status)),
    { timeoutMs: 90_000, what: 'the runs to end' },
  );
/** Which run each attempt belonged to, in the order the worker started them. */
const dispatchOrder = (runIds: string[]) =>
  h.db.select({ runId: stepAttempts.runId }).from(stepAttempts).where(inArray(stepAttempts.runId, runIds)).orderBy(asc(stepAttempts.startedAt)).then((rows) => rows.map((r) => r.runId));

describe('fair share and priority on a shared pool', () => {
  it("dispatches team A's and team B's queued steps about 3:1 when their weights are 3 and 1", async () => {
    const runA = await start(h.projectId, wideSpec('fair', 40, 100));
    const runB = await start(projectB, wideSpec('fair', 40, 100));
    await awaitBacklog('fair', 80);
    // only now a worker, with 2 slots: from here on Temporal picks which task goes next
    await h.startWorker('fair-worker', ['--pool', 'fair', '--slots', '2']);
    await awaitEnd([runA, runB]);
    const firstHalf = (await dispatchOrder([runA, runB])).slice(0, 40);
    const a = firstHalf.filter((id) => id === runA).length;
    const b = firstHalf.length - a;
    console.log(`[fair share] first 40 dispatched: team A (weight 3) ${a}, team B (weight 1) ${b}: ratio ${(a / Math.max(b, 1)).toFixed(2)} (3.00 ideal, 1.00 without fairness)`);
    expect(a / Math.max(b, 1)).toBeGreaterThanOrEqual(2);
    expect(b).toBeGreaterThan(0); // B is not starved
  });

  it('dispatches a priority 1 run before a priority 5 run queued earlier', async () => {
    const low = await start(h.projectId, wideSpec('prio', 10, 50), 5);
    await awaitBacklog('prio', 10);
    const high = await start(h.projectId, wideSpec('prio', 10, 50), 1);
    await awaitBacklog('prio', 20);
    await h.startWorker('prio-worker', ['--pool', 'prio', '--slots', '1']);
    await awaitEnd([low, high]);
    const order = await dispatchOrder([low, high]);
    console.log(`[priority] dispatch order: ${order.map((id) => (id === high ? 'H' : 'L')).join('')}`);
    // the first task or two may already be matched to the poller before the later ones arrive
    expect(order.slice(2, 10).every((id) => id === high)).toBe(true);
  });
});
