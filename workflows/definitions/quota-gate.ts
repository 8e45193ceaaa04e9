import { CancellationScope, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { control } from './control-activities';
import { quotaFreedSignal, type TDispatch } from '../contract/run-workflow';

/** Waiters also look again on their own after this long: a lost wake-up only delays them. */
const RECHECK_MS = 30_000;

export type TQuotaHold = { release: () => Promise<void> } | { refused: string } | null;

/**
 * A team's hard GPU quota on a pool, held in Postgres (control activities) and waited for here:
 * a step of a team at its quota waits, flagged on the run, until a lease of its team on that pool
 * is released (a `quotaFreed` signal) and its turn comes. One gate per workflow.
 *
 * Regular activities, not local ones: several steps ask at once, and on replay the results of
 * concurrent local activities can reach the workflow in one activation where they first came in
 * two, reordering the commands that follow (a killed control worker's replay failed that way).
 */
export class QuotaGate {
  private readonly wakeups = new Map<string, number>();

  constructor() {
    setHandler(quotaFreedSignal, (pool) => {
      this.wakeups.set(pool, (this.wakeups.get(pool) ?? 0) + 1);
    });
  }

  /** Whether a step of `gpus` GPUs on `pool` counts against its team's quota (else `hold` is not needed). */
  applies(dispatch: TDispatch | undefined, pool: string, gpus: number): dispatch is TDispatch & { teamId: string } {
    return gpus > 0 && dispatch?.teamId !== undefined && dispatch.gpuQuotas?.[pool] !== undefined;
  }

  /**
   * null when the step needs no quota; `refused` when it asks more than the whole quota; otherwise
   * the hold, to be released when the step has ended in any way.
   */
  async hold(
    dispatch: TDispatch | undefined,
    step: { runId: string; key: string; pool: string; gpus: number },
    onWait: (message: string | null) => void,
  ): Promise<TQuotaHold> {
    if (!this.applies(dispatch, step.pool, step.gpus)) return null;
    const request = { runId: step.runId, nodeId: step.key, teamId: dispatch.teamId, pool: step.pool, gpus: step.gpus, workflowId: workflowInfo().workflowId };
    let waited = false;
    for (;;) {
      const seen = this.wakeups.get(step.pool) ?? 0;
      const answer = await control.acquireGpuQuota(request);
      if (answer.granted) break;
      if ('exceedsQuota' in answer) return { refused: `Asks for ${step.gpus} GPUs, more than its team's quota of ${answer.quota} on pool "${step.pool}"` };
      waited = true;
      onWait(`Waiting for team quota: the team holds ${answer.holding} of its ${answer.quota} GPUs on pool "${step.pool}"`);
      await condition(() => (this.wakeups.get(step.pool) ?? 0) > seen, RECHECK_MS);
    }
    if (waited) onWait(null);
    return {
      // released even when the run is being cancelled
      release: () => CancellationScope.nonCancellable(() => control.releaseGpuQuota({ runId: step.runId, nodeId: step.key, pool: step.pool })),
    };
  }
}
