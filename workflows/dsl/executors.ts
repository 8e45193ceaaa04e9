/**
 * Who runs a step. A node kind names its executor in the catalog; a plan step is typed by it
 * (plan.ts), and each executor's config schema is in executor-configs.ts. Free of zod, so that
 * workflow code may import it as a value.
 */
export type TExecutor = 'python' | 'shell' | 'noop' | 'python_library' | 'approval' | 'condition' | 'foreach' | 'subpipeline' | 'register_model' | 'promote_model';

/**
 * Executors a pool worker runs: their steps wait in a pool's task queue, a retried run may reuse
 * their outputs, and a for-each's body is one of them. The others the interpreter runs itself.
 */
export const POOL_EXECUTORS = ['python', 'shell', 'noop', 'python_library'] as const satisfies readonly TExecutor[];
export type TPoolExecutor = (typeof POOL_EXECUTORS)[number];

const POOL: ReadonlySet<TExecutor> = new Set(POOL_EXECUTORS);
export const isPoolExecutor = (executor: TExecutor): executor is TPoolExecutor => POOL.has(executor);
