import { workflowInfo, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

/** What each workflow execution wants done as its activation ends (by Temporal run id). */
const atEnd = new Map<string, () => void>();

/**
 * Runs `fn` at the end of every activation of the calling workflow execution, after its jobs and
 * their microtasks, before its commands go out. The run's records use it to leave in one sink call
 * per activation: the SDK copies the workflow's info into every sink call and ships it to the main
 * thread, which cost more than the records did (a 1,000-wide fan-out made 1,000 calls in one
 * activation).
 */
export function atActivationEnd(fn: () => void): void {
  atEnd.set(workflowInfo().runId, fn);
}

/** Registered on the control worker as a workflow interceptor module (worker-factory.ts). */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  internals: [
    {
      concludeActivation(input, next) {
        atEnd.get(workflowInfo().runId)?.();
        return next(input);
      },
      dispose(input, next) {
        atEnd.delete(workflowInfo().runId);
        return next(input);
      },
    },
  ],
});
