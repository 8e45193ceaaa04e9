import { defaultPayloadConverter } from '@temporalio/common';
import { and, asc, eq } from 'drizzle-orm';
import { stepAttempts, steps } from '../../../drizzle/schema';
import type { TServiceDeps } from '../deps';
import { findRun } from './get-run';

/**
 * A step's attempts with their logs. While an attempt runs, its output tail comes from the
 * activity's last heartbeat (Temporal describe), so a live log costs no database write.
 */
export async function stepLog(deps: TServiceDeps, params: { projectId: string; runId: string; nodeId: string }) {
  const run = await findRun(deps.db, params.projectId, params.runId);
  const attempts = await deps.db
    .select({
      attempt: stepAttempts.attempt,
      status: stepAttempts.status,
      exitCode: stepAttempts.exitCode,
      error: stepAttempts.error,
      log: stepAttempts.log,
      workerIdentity: stepAttempts.workerIdentity,
      gpuDevices: stepAttempts.gpuDevices,
      gpuSeconds: stepAttempts.gpuSeconds,
      startedAt: stepAttempts.startedAt,
      endedAt: stepAttempts.endedAt,
    })
    .from(stepAttempts)
    .where(and(eq(stepAttempts.runId, run.id), eq(stepAttempts.nodeId, params.nodeId)))
    .orderBy(asc(stepAttempts.attempt));
  const [step] = await deps.db
    .select({ status: steps.status })
    .from(steps)
    .where(and(eq(steps.runId, run.id), eq(steps.nodeId, params.nodeId)));
  const live = step?.status === 'running' ? await liveLogTail(deps, run.workflowId, params.nodeId) : null;
  return { attempts, live };
}

async function liveLogTail(deps: TServiceDeps, workflowId: string, nodeId: string): Promise<string | null> {
  try {
    const description = await deps.temporal.workflow.getHandle(workflowId).describe();
    const pending = description.raw.pendingActivities?.find((a) => a.activityId === nodeId);
    const payload = pending?.heartbeatDetails?.payloads?.[0];
    if (!payload) return null;
    const details = defaultPayloadConverter.fromPayload<{ logTail?: string }>(payload);
    return details?.logTail ?? null;
  } catch {
    return null; // the live tail is a nicety; the recorded log is the truth
  }
}
