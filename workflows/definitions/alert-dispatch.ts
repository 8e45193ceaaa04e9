import { proxyActivities } from '@temporalio/workflow';
import type { TControlActivities } from '../contract/activities';
import { ALERT_DISPATCH_PARTS, ALERT_DISPATCH_REFUSED, type TAlertDispatchInput } from '../contract/alert-dispatch';
import { CONTROL_TASK_QUEUE } from '../dsl/task-queues';
import { control } from './control-activities';

/**
 * What a fired alert does: start its retraining run, then notify its webhook (the message names
 * the run, or why it did not start). Each part is an activity retried with backoff up to the
 * input's bound; every attempt's failure is written to the alert by the activity itself, so the
 * monitoring page shows a dispatch that is still trying. A part that gives up does not stop the
 * other; the alert is marked done or failed at the end. Durable: a control worker that dies
 * mid-way leaves the workflow to another (or to itself, restarted).
 */
export async function alertDispatch(input: TAlertDispatchInput): Promise<void> {
  const parts = proxyActivities<Pick<TControlActivities, 'dispatchAlertPart'>>({
    taskQueue: CONTROL_TASK_QUEUE,
    // a webhook waits at most 10 s, a run's start a few: a minute is generous
    startToCloseTimeout: '1 minute',
    retry: {
      maximumAttempts: input.retry.maximumAttempts,
      initialInterval: input.retry.initialIntervalMs,
      maximumInterval: input.retry.maximumIntervalMs,
      backoffCoefficient: 2,
      nonRetryableErrorTypes: [ALERT_DISPATCH_REFUSED],
    },
  });
  let failed = false;
  for (const part of ALERT_DISPATCH_PARTS) {
    try {
      await parts.dispatchAlertPart({ alertId: input.alertId, part });
    } catch {
      // (its reason is on the alert already, written by the attempt that failed)
      failed = true;
    }
  }
  await control.finishAlertDispatch({ alertId: input.alertId, failed });
}
