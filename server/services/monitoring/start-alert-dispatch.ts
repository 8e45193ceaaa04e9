import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { z } from 'zod';
import { ALERT_DISPATCH_WORKFLOW, alertDispatchWorkflowId, type TAlertDispatchInput, type TAlertDispatchRetry } from '../../../workflows/contract/alert-dispatch';
import { CONTROL_TASK_QUEUE } from '../../../workflows/dsl';

const ZRetrySettingsSchema = z.object({
  WEFT_ALERT_DISPATCH_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  WEFT_ALERT_DISPATCH_RETRY_SECONDS: z.coerce.number().min(0.1).max(3_600).default(5),
});
/** the longest wait between two attempts: doubling from 5 s, 8 attempts span about 10 minutes */
const MAXIMUM_INTERVAL_MS = 5 * 60_000;

/** How often and how patiently a dispatch part is tried (README: WEFT_ALERT_DISPATCH_*), read at each alert. */
export function alertDispatchRetry(env: Readonly<Record<string, string | undefined>> = process.env): TAlertDispatchRetry {
  const settings = ZRetrySettingsSchema.parse({ WEFT_ALERT_DISPATCH_ATTEMPTS: env.WEFT_ALERT_DISPATCH_ATTEMPTS || undefined, WEFT_ALERT_DISPATCH_RETRY_SECONDS: env.WEFT_ALERT_DISPATCH_RETRY_SECONDS || undefined });
  const initialIntervalMs = settings.WEFT_ALERT_DISPATCH_RETRY_SECONDS * 1_000;
  return { maximumAttempts: settings.WEFT_ALERT_DISPATCH_ATTEMPTS, initialIntervalMs, maximumIntervalMs: Math.max(initialIntervalMs, MAXIMUM_INTERVAL_MS) };
}

/**
 * Starts the dispatch workflow of each alert. Its id is the alert's, so starting one that runs
 * already is a no-op: the fast path (after the record's commit) and the sweep may both try.
 * Returns the alerts whose workflow could not be started (Temporal away): still `pending` in
 * Postgres, the sweep starts them later.
 */
export async function startAlertDispatch(temporal: Client, alertIds: string[]): Promise<string[]> {
  const retry = alertDispatchRetry();
  const notStarted: string[] = [];
  for (const alertId of alertIds) {
    try {
      await temporal.workflow.start(ALERT_DISPATCH_WORKFLOW, { taskQueue: CONTROL_TASK_QUEUE, workflowId: alertDispatchWorkflowId(alertId), args: [{ alertId, retry } satisfies TAlertDispatchInput] });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) notStarted.push(alertId);
    }
  }
  return notStarted;
}
