import { and, asc, eq } from 'drizzle-orm';
import { stepAttempts, stepCache, steps } from '../../../drizzle/schema';
import { isFinalStep } from '../../../workflows/dsl';
import type { TServiceDeps } from '../deps';
import { findRun } from './get-run';
import { heartbeatLogTail } from './heartbeat-log-tail';

/**
 * A step's attempts with their logs. While an attempt runs, its output tail comes from the
 * activity's last heartbeat (Temporal describe), so a live log costs no database write.
 */
export async function stepLog(deps: TServiceDeps, params: { projectId: string; runId: string; nodeId: string }): Promise<TStepLog> {
  const run = await findRun(deps.db, params.projectId, params.runId);
  const [step] = await deps.db
    .select({ status: steps.status, origin: steps.origin, cacheKey: steps.cacheKey })
    .from(steps)
    .where(and(eq(steps.runId, run.id), eq(steps.nodeId, params.nodeId)));
  // a step served from the cache shows the run that executed it, and that execution's log
  if (step?.origin === 'cached' && step.cacheKey) {
    const [source] = await deps.db
      .select({ runId: stepCache.sourceRunId, nodeId: stepCache.sourceNodeId })
      .from(stepCache)
      .where(and(eq(stepCache.projectId, params.projectId), eq(stepCache.cacheKey, step.cacheKey)));
    if (source?.runId && source.runId !== run.id) {
      const executed = await attemptsOf(deps, source.runId, source.nodeId);
      return { attempts: executed, live: null, cachedFrom: { runId: source.runId, nodeId: source.nodeId } };
    }
  }
  const attempts = await attemptsOf(deps, run.id, params.nodeId);
  // (any step not yet final: its "running" record may reach Postgres after its first output does)
  const live = step && !isFinalStep(step.status) ? await liveLogTail(deps, run.workflowId, params.nodeId) : null;
  return { attempts, live, cachedFrom: null };
}

type TStepLog = { attempts: Awaited<ReturnType<typeof attemptsOf>>; live: string | null; cachedFrom: { runId: string; nodeId: string } | null };

function attemptsOf(deps: TServiceDeps, runId: string, nodeId: string) {
  return deps.db
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
    .where(and(eq(stepAttempts.runId, runId), eq(stepAttempts.nodeId, nodeId)))
    .orderBy(asc(stepAttempts.attempt));
}

async function liveLogTail(deps: TServiceDeps, workflowId: string, nodeId: string): Promise<string | null> {
  try {
    return heartbeatLogTail(await deps.temporal.workflow.getHandle(workflowId).describe(), nodeId);
  } catch {
    return null; // the live tail is a nicety; the recorded log is the truth
  }
}
