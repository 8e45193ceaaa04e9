import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { ALERT_DISPATCH_REFUSED, type TAlertDispatchPart } from '../../workflows/contract/alert-dispatch';
import type { TOpenPromotion, TQuotaAnswer, TQuotaRequest, TControlActivities, TRegisterModelVersion } from '../../workflows/contract/activities';
import type { TRecordBatch } from '../../workflows/contract/run-records';
import { quotaFreedSignal, type TPipelineRunInput } from '../../workflows/contract/run-workflow';
import type { TDatabase } from '../db/client';
import { AppError } from '../errors';
import { acquireGpuQuota, dropLeasesOfRuns, releaseGpuQuota } from '../services/quotas/gpu-quota';
import { closeApproval } from '../services/approvals/close-approval';
import { dispatchAlertPart } from '../services/monitoring/dispatch-alert-part';
import { finishAlertDispatch } from '../services/monitoring/finish-alert-dispatch';
import { WebhookRefusedError } from '../services/webhooks/post-webhook';
import { createApproval } from '../services/approvals/create-approval';
import { readApprovalDecision } from '../services/approvals/read-approval-decision';
import { openStepPromotion } from '../services/registry/open-step-promotion';
import { registerStepModel } from '../services/registry/register-step-model';
import { beginRun, RunRowMissingError } from '../services/runs/begin-run';
import { lookupStepCache } from '../services/runs/step-cache';
import type { TRecordWriter } from './record-writer';

const ROW_WAIT_ATTEMPTS = 7;

/**
 * Web starts a run's workflow inside the transaction that inserts the run row, so the row may not
 * be committed yet: retry for a while (~13 s with the retry policy of controlLocal). A row still
 * missing then never committed (web's request failed): stop, do not retry forever.
 */
async function waitingForRunRow<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof RunRowMissingError && Context.current().info.attempt >= ROW_WAIT_ATTEMPTS) {
      throw ApplicationFailure.nonRetryable(error.message, 'RunRowMissing');
    }
    throw error;
  }
}

/** A service's refusal (no such model, a promotion that already waits) is the step's failure: retrying cannot change it. */
async function refusalsFail<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw ApplicationFailure.nonRetryable(error.message, `AppError.${error.code}`);
    throw error;
  }
}

/**
 * Control activities: the only code a run uses to write Postgres, next to the services they call.
 * Each one is idempotent. Their contract (workflows/contract/activities.ts) is all the workflow sees.
 */
export function createControlActivities(deps: { db: TDatabase; client: Client; records: TRecordWriter }): TControlActivities {
  const { db, client, records } = deps;
  return {
    beginRun: (input: TPipelineRunInput & { workflowId: string }) => waitingForRunRow(() => beginRun(db, input)),
    writeRecords: (batch: TRecordBatch) => waitingForRunRow(() => records.writeNow(batch)),
    lookupStepCache: (params: Parameters<typeof lookupStepCache>[1]) => lookupStepCache(db, params),
    createApproval: (params: Parameters<typeof createApproval>[1]) => createApproval(db, params),
    closeApproval: (params: Parameters<typeof closeApproval>[1]) => closeApproval(db, params),
    readApprovalDecision: (params: Parameters<typeof readApprovalDecision>[1]) => readApprovalDecision(db, params),
    registerModelVersion: (params: TRegisterModelVersion) => refusalsFail(() => registerStepModel(db, params)),
    openPromotion: (params: TOpenPromotion) => refusalsFail(() => openStepPromotion(db, params)),
    /**
     * Takes the step's share of its team's GPU quota. When refused, it checks with Temporal that
     * the holders still run: a workflow terminated mid-step never released its lease.
     */
    async acquireGpuQuota(request: TQuotaRequest): Promise<TQuotaAnswer> {
      const answer = await acquireGpuQuota(db, request);
      if (answer.granted || !('holders' in answer)) return answer;
      const gone = await Promise.all(
        answer.holders.map(async (h) => {
          const status = await client.workflow.getHandle(h.workflowId).describe().then((d) => d.status.name, () => 'NOT_FOUND');
          return status === 'RUNNING' ? [] : [h.runId];
        }),
      );
      if (gone.flat().length === 0) return answer;
      await dropLeasesOfRuns(db, gone.flat());
      return acquireGpuQuota(db, request);
    },
    /** Gives the lease back, then wakes the team's steps waiting on that pool (they try again). */
    async releaseGpuQuota(params: { runId: string; nodeId: string; pool: string }) {
      const waiting = await releaseGpuQuota(db, params);
      // a wake-up that fails is not fatal: waiters also look again on their own timer
      await Promise.allSettled(waiting.map((workflowId) => client.workflow.getHandle(workflowId).signal(quotaFreedSignal, params.pool)));
    },
    /** A refused webhook address is final; any other failure (webhook down, Temporal away, no pipeline version) is tried again. */
    async dispatchAlertPart(params: { alertId: string; part: TAlertDispatchPart }) {
      try {
        await dispatchAlertPart({ db, temporal: client }, { ...params, attempt: Context.current().info.attempt });
      } catch (error) {
        if (error instanceof WebhookRefusedError) throw ApplicationFailure.nonRetryable(error.message, ALERT_DISPATCH_REFUSED);
        throw error;
      }
    },
    finishAlertDispatch: (params: { alertId: string; failed: boolean }) => finishAlertDispatch(db, params),
  };
}
