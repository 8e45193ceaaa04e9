import { and, eq, sql } from 'drizzle-orm';
import { runs, steps } from '../../../drizzle/schema';
import { isFinished, type TStepStatus } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';

/** Sets a step's status (idempotent) and keeps the run's waiting_approval/running status in step. */
export async function recordStepStatus(
  db: TDatabase,
  params: { runId: string; nodeId: string; status: TStepStatus; error?: string },
): Promise<void> {
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .update(steps)
      .set({
        status: params.status,
        error: params.error ?? null,
        ...(isFinished(params.status) ? { endedAt: now } : {}),
        ...(params.status === 'running' || params.status === 'waiting_approval' ? { startedAt: sql`coalesce(${steps.startedAt}, now())` } : {}),
      })
      .where(and(eq(steps.runId, params.runId), eq(steps.nodeId, params.nodeId)));
    await tx
      .update(runs)
      .set({
        status: sql`case when exists (select 1 from ${steps} where ${steps.runId} = ${params.runId} and ${steps.status} = 'waiting_approval') then 'waiting_approval'::run_status else 'running'::run_status end`,
      })
      .where(and(eq(runs.id, params.runId), sql`${runs.status} in ('running', 'waiting_approval')`));
  });
}
