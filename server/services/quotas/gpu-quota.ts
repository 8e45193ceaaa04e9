import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { gpuQuotaLeases, gpuQuotaWaiters, pools, runs, teamPoolShares } from '../../../drizzle/schema';
import type { TQuotaAnswer, TQuotaRequest } from '../../../workflows/contract/activities';
import { OPEN_RUN_STATUSES } from '../../../workflows/dsl';
import type { TDatabase, TDbOrTx } from '../../db/client';



/**
 * Takes `gpus` of the team's quota on the pool for one step, or says how much is held. Serialized
 * per (team, pool) with a transaction-scoped advisory lock, so two steps cannot both take the last
 * GPU; idempotent per (run, node), so a retried activity never takes twice. A refused step is
 * registered as a waiter, to be woken when a lease of its team and pool is released.
 */
export async function acquireGpuQuota(db: TDatabase, request: TQuotaRequest): Promise<TQuotaAnswer> {
  return db.transaction(async (tx) => {
    // leases of open runs count (a run waiting at a gate still holds its other branch's GPUs); a
    // finished run's leftover leases (e.g. a terminated run) do not
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`gpu-quota:${request.teamId}:${request.pool}`}))`);
    const quota = await quotaOf(tx, request.teamId, request.pool);
    if (quota === null) return { granted: true };
    // more than the whole quota: it could never start, so it must not wait
    if (request.gpus > quota) return { granted: false, exceedsQuota: true, quota };
    const [own] = await tx
      .select({ gpus: gpuQuotaLeases.gpus })
      .from(gpuQuotaLeases)
      .where(and(eq(gpuQuotaLeases.runId, request.runId), eq(gpuQuotaLeases.nodeId, request.nodeId)));
    if (own) return { granted: true };
    const held = await tx
      .select({ runId: gpuQuotaLeases.runId, workflowId: runs.workflowId, gpus: gpuQuotaLeases.gpus })
      .from(gpuQuotaLeases)
      .innerJoin(runs, eq(runs.id, gpuQuotaLeases.runId))
      .where(and(eq(gpuQuotaLeases.teamId, request.teamId), eq(gpuQuotaLeases.pool, request.pool), inArray(runs.status, OPEN_RUN_STATUSES)));
    const holding = held.reduce((sum, lease) => sum + lease.gpus, 0);
    if (holding + request.gpus <= quota) {
      await tx.insert(gpuQuotaLeases).values({ runId: request.runId, nodeId: request.nodeId, teamId: request.teamId, pool: request.pool, gpus: request.gpus });
      await tx.delete(gpuQuotaWaiters).where(and(eq(gpuQuotaWaiters.runId, request.runId), eq(gpuQuotaWaiters.nodeId, request.nodeId)));
      return { granted: true };
    }
    await tx
      .insert(gpuQuotaWaiters)
      .values({ runId: request.runId, nodeId: request.nodeId, teamId: request.teamId, pool: request.pool, workflowId: request.workflowId })
      .onConflictDoNothing();
    const holders = [...new Map(held.map((h) => [h.runId, { runId: h.runId, workflowId: h.workflowId }])).values()];
    return { granted: false, holding, quota, holders };
  });
}

/** Drops the leases of runs whose workflows are gone (e.g. terminated: they never released them). */
export async function dropLeasesOfRuns(db: TDatabase, runIds: string[]): Promise<void> {
  if (runIds.length > 0) await db.delete(gpuQuotaLeases).where(inArray(gpuQuotaLeases.runId, runIds));
}

/**
 * Gives a step's lease back (idempotent) and returns the workflows of the team's waiting steps on
 * that pool, oldest first, for the caller to wake.
 */
export async function releaseGpuQuota(db: TDatabase, params: { runId: string; nodeId: string }): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [lease] = await tx
      .delete(gpuQuotaLeases)
      .where(and(eq(gpuQuotaLeases.runId, params.runId), eq(gpuQuotaLeases.nodeId, params.nodeId)))
      .returning({ teamId: gpuQuotaLeases.teamId, pool: gpuQuotaLeases.pool });
    await tx.delete(gpuQuotaWaiters).where(and(eq(gpuQuotaWaiters.runId, params.runId), eq(gpuQuotaWaiters.nodeId, params.nodeId)));
    if (!lease) return [];
    const waiters = await tx
      .selectDistinct({ workflowId: gpuQuotaWaiters.workflowId, createdAt: gpuQuotaWaiters.createdAt })
      .from(gpuQuotaWaiters)
      .where(and(eq(gpuQuotaWaiters.teamId, lease.teamId), eq(gpuQuotaWaiters.pool, lease.pool)))
      .orderBy(asc(gpuQuotaWaiters.createdAt));
    return [...new Set(waiters.map((w) => w.workflowId))];
  });
}

async function quotaOf(tx: TDbOrTx, teamId: string, pool: string): Promise<number | null> {
  const [share] = await tx
    .select({ quota: teamPoolShares.gpuQuota })
    .from(teamPoolShares)
    .innerJoin(pools, eq(pools.id, teamPoolShares.poolId))
    .where(and(eq(teamPoolShares.teamId, teamId), eq(pools.name, pool)));
  return share?.quota ?? null;
}
