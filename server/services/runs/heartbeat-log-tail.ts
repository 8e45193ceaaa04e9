import type { WorkflowExecutionDescription } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';

/**
 * The output tail a running pool activity last heartbeated (workflows/activities/pool.ts sends
 * `{ logTail }`), from a workflow's description: a live log that costs no database write.
 * `activityId`: the step's node; left out, the workflow's only activity (a step test).
 */
export function heartbeatLogTail(description: WorkflowExecutionDescription, activityId?: string): string | null {
  const pending = description.raw.pendingActivities?.find((a) => activityId === undefined || a.activityId === activityId);
  const payload = pending?.heartbeatDetails?.payloads?.[0];
  if (!payload) return null;
  return defaultPayloadConverter.fromPayload<{ logTail?: string }>(payload)?.logTail ?? null;
}
