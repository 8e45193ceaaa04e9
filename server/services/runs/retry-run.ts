import { and, eq, isNotNull } from 'drizzle-orm';
import { steps } from '../../../drizzle/schema';
import type { TStepOutputs } from '../../../workflows/dsl';
import { AppError } from '../../errors';
import type { TServiceDeps } from '../deps';
import { findRun } from './get-run';
import { startRun } from './start-run';

/**
 * Retry from failure: a new run of the same version and parameters that reuses the outputs of
 * the steps that succeeded and executes the failed, skipped and cancelled ones again.
 */
export async function retryRun(deps: TServiceDeps, params: { projectId: string; runId: string; requestId: string; userId: string }) {
  const source = await findRun(deps.db, params.projectId, params.runId);
  if (source.status !== 'failed' && source.status !== 'cancelled') {
    throw new AppError('PRECONDITION_FAILED', `Only a failed or cancelled run can be retried; this one is ${source.status}`);
  }
  const done = await deps.db
    .select({ nodeId: steps.nodeId, outputs: steps.outputs })
    .from(steps)
    .where(and(eq(steps.runId, source.id), eq(steps.status, 'succeeded'), isNotNull(steps.outputs)));
  const reuse: Record<string, TStepOutputs> = Object.fromEntries(done.map((s) => [s.nodeId, s.outputs!]));
  return startRun(deps, {
    projectId: params.projectId,
    versionId: source.versionId,
    params: source.params,
    requestId: params.requestId,
    userId: params.userId,
    retryOf: { runId: source.id, reuse },
  });
}
