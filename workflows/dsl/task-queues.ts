/** Temporal task queue names: the control worker's, and one per worker pool. */
export const CONTROL_TASK_QUEUE = 'weft-control';
export const poolTaskQueue = (pool: string) => `weft-pool-${pool}`;
