/**
 * An alert's dispatch as a workflow (workflows/definitions/alert-dispatch.ts): its retraining run
 * and its webhook, each retried by Temporal with backoff up to a bound, the outcome written to
 * the alert in Postgres. One workflow per alert (its id), so a dispatch started twice runs once.
 */
export const ALERT_DISPATCH_WORKFLOW = 'alertDispatch';
export const alertDispatchWorkflowId = (alertId: string) => `alert-dispatch-${alertId}`;

export const ALERT_DISPATCH_PARTS = ['retrain', 'notify'] as const;
export type TAlertDispatchPart = (typeof ALERT_DISPATCH_PARTS)[number];

/** A part's failure that trying again cannot fix (a webhook address the policy refuses). */
export const ALERT_DISPATCH_REFUSED = 'AlertDispatchRefused';

export type TAlertDispatchRetry = { maximumAttempts: number; initialIntervalMs: number; maximumIntervalMs: number };
/** the retry bound travels in the input: the settings when the alert fired hold for its whole dispatch */
export type TAlertDispatchInput = { alertId: string; retry: TAlertDispatchRetry };
