import { CancellationScope } from '@temporalio/workflow';
import type { TRunRecord } from '../activities/types';

/**
 * Sends run records to Postgres in batches, off the critical path: at most one batch is in
 * flight, records that arrive meanwhile go in the next one. A cancelled run still records
 * (the sends are not cancellable). `drain()` waits until everything is written.
 */
export class RunRecorder {
  private queue: TRunRecord[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly send: (records: TRunRecord[]) => Promise<void>) {}

  add(record: TRunRecord): void {
    this.queue.push(record);
    this.kick();
  }

  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0) {
      this.kick();
      await this.flushing;
    }
  }

  private kick(): void {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = CancellationScope.nonCancellable(async () => {
      while (this.queue.length > 0) await this.send(this.queue.splice(0));
    }).finally(() => {
      this.flushing = null;
    });
  }
}
