import type { Client } from '@temporalio/client';
// a CommonJS package: its namespace comes through the default export under Node's ESM loader
import protos from '@temporalio/proto';
import { poolTaskQueue } from '../../../workflows/dsl';

const { TaskQueueKind, TaskQueueType } = protos.temporal.api.enums.v1;

/** A pool's live state as Temporal knows it: who polls its task queue, and what waits there. */
export type TPoolLive = {
  workers: { identity: string; lastPollAt: string | null; gpus: string[] | null }[];
  backlog: number;
  backlogAgeSeconds: number;
  addRatePerSecond: number;
  dispatchRatePerSecond: number;
};

/**
 * Reads a pool's workers and backlog from Temporal (DescribeTaskQueue on its activity task queue)
 * instead of keeping a registry that could drift: a worker is whoever polled lately. A GPU
 * worker's identity ends in ` gpus=0,1` (workflows/worker.ts).
 */
export async function describePoolQueue(temporal: Client, pool: string): Promise<TPoolLive> {
  const response = await temporal.workflowService.describeTaskQueue({
    namespace: temporal.options.namespace,
    taskQueue: { name: poolTaskQueue(pool), kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY,
    reportStats: true,
  });
  const stats = response.stats;
  const age = stats?.approximateBacklogAge;
  return {
    workers: response.pollers.map((p) => ({
      identity: p.identity ?? '',
      lastPollAt: p.lastAccessTime?.seconds != null ? new Date(Number(p.lastAccessTime.seconds) * 1000 + Math.floor((p.lastAccessTime.nanos ?? 0) / 1e6)).toISOString() : null,
      gpus: gpusOfIdentity(p.identity ?? ''),
    })),
    backlog: Number(stats?.approximateBacklogCount ?? 0),
    backlogAgeSeconds: age ? Number(age.seconds ?? 0) + (age.nanos ?? 0) / 1e9 : 0,
    addRatePerSecond: stats?.tasksAddRate ?? 0,
    dispatchRatePerSecond: stats?.tasksDispatchRate ?? 0,
  };
}

export function gpusOfIdentity(identity: string): string[] | null {
  const match = / gpus=([\d,]+)$/.exec(identity);
  return match ? match[1]!.split(',') : null;
}
