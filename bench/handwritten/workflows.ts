// The hand-written reference for `npm run bench`: what a plain Temporal TypeScript workflow costs
// per no-op activity on the same server, in the same process, in the same run as Weft.
// Bundled by the bench worker (task queue `bench-hand`); only @temporalio/workflow belongs here.
import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './activities';

// Default retry policy, a 1-minute start-to-close: the plainest way to call an activity.
// On the workflow's own task queue, so the server may hand them out eagerly with the workflow task.
const { noop, pythonPass } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });

/**
 * n no-op activities, one after another; with `activityTaskQueue`, on that queue (as Weft's steps
 * run on a pool's queue, not the interpreter's), which rules out eager dispatch.
 */
export async function handChain(n: number, activityTaskQueue?: string): Promise<number> {
  const call = activityTaskQueue ? proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute', taskQueue: activityTaskQueue }).noop : noop;
  for (let i = 0; i < n; i++) await call();
  return n;
}

/** n activities that each start `python -c <code>` (a real child process), one after another. */
export async function handPythonChain(n: number, python: string, code?: string): Promise<number> {
  for (let i = 0; i < n; i++) await pythonPass(python, code);
  return n;
}

/** n no-op activities at once (a static fan-out). */
export async function handFanOut(n: number): Promise<number> {
  await Promise.all(Array.from({ length: n }, () => noop()));
  return n;
}
