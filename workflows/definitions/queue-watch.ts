import { isCancellation, sleep } from '@temporalio/workflow';
import type { TPlanStep } from '../dsl';

/** How often the watch looks for steps no worker has picked up (bounded so a run adds few timers). */
const MIN_CHECK_MS = 5_000;

/**
 * Flags steps that wait longer than their schedule-to-start limit for a worker ("no worker in
 * pool X"), and clears the flag once the step starts. One timer at a time, only while some
 * step waits, and never cancelled, so fast chains pay nothing per step.
 */
export class QueueWatch {
  private waiting = new Map<string, { pool: string; deadline: number; flagged: boolean }>();
  private running = false;
  private stopped = false;

  constructor(private readonly flag: (nodeId: string, flag: string | null) => void) {}

  queued(step: TPlanStep): void {
    this.waiting.set(step.nodeId, { pool: step.pool, deadline: Date.now() + step.scheduleToStartTimeoutMs, flagged: false });
    if (!this.running) void this.loop();
  }

  started(nodeId: string): void {
    this.clear(nodeId);
  }

  done(nodeId: string): void {
    this.clear(nodeId);
  }

  stop(): void {
    this.stopped = true;
  }

  private clear(nodeId: string): void {
    const entry = this.waiting.get(nodeId);
    if (entry?.flagged) this.flag(nodeId, null);
    this.waiting.delete(nodeId);
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      while (!this.stopped && this.waiting.size > 0) {
        const next = Math.min(...[...this.waiting.values()].filter((w) => !w.flagged).map((w) => w.deadline));
        // a plain timer, never cancelled when the queue empties: no timer events per step
        await sleep(Number.isFinite(next) ? Math.max(MIN_CHECK_MS, next - Date.now()) : MIN_CHECK_MS * 6);
        const now = Date.now();
        for (const [nodeId, entry] of this.waiting) {
          if (entry.flagged || entry.deadline > now) continue;
          entry.flagged = true;
          this.flag(nodeId, `No worker in pool "${entry.pool}" has picked this step up yet`);
        }
      }
    } catch (error) {
      if (!isCancellation(error)) throw error;
    } finally {
      this.running = false;
    }
  }
}
