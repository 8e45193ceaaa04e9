import { and, asc, eq } from 'drizzle-orm';
import { stepAttempts, steps } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { findRun } from './get-run';

/**
 * A run's timeline (the Gantt of the run page): per step, when it became ready (`startedAt`: its
 * dispatch), and each attempt's start, end, status and worker. The wait before the first attempt
 * is the queue wait; the gaps between attempts are retry backoff.
 */
export async function runTimeline(db: TDatabase, projectId: string, runId: string) {
  const run = await findRun(db, projectId, runId);
  const [stepRows, attempts] = await Promise.all([
    db.select({ nodeId: steps.nodeId, status: steps.status, origin: steps.origin, startedAt: steps.startedAt, endedAt: steps.endedAt }).from(steps).where(eq(steps.runId, runId)),
    db
      .select({ nodeId: stepAttempts.nodeId, attempt: stepAttempts.attempt, status: stepAttempts.status, workerIdentity: stepAttempts.workerIdentity, startedAt: stepAttempts.startedAt, endedAt: stepAttempts.endedAt })
      .from(stepAttempts)
      .where(and(eq(stepAttempts.runId, runId)))
      .orderBy(asc(stepAttempts.nodeId), asc(stepAttempts.attempt)),
  ]);
  return {
    run: { status: run.status, createdAt: run.createdAt, startedAt: run.startedAt, endedAt: run.endedAt },
    steps: stepRows
      .filter((s) => s.startedAt)
      .sort((a, b) => a.startedAt!.getTime() - b.startedAt!.getTime() || a.nodeId.localeCompare(b.nodeId))
      .map((s) => ({ ...s, attempts: attempts.filter((a) => a.nodeId === s.nodeId) })),
  };
}
