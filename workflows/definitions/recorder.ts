import { CancellationScope, condition } from '@temporalio/workflow';
import type { TRunRecord } from '../activities/types';

/** How long records gather before a batch goes out: keeps the UI well under 1 s behind. */
export const RECORD_BATCH_MS = 200;

/**
 * Sends run records to Postgres in batches, off the critical path: records gather for a moment
 * (one timer), then go out in one activity; records that arrive meanwhile go in the next batch.
 * A cancelled run still records (the sends are not cancellable). `drain()` sends what is left at
 * once, through `sendNow` (a local activity: the run's end is on its critical path), and waits
 * until everything is written.
 */
export class RunRecorder {
  private queue: TRunRecord[] = [];
  private flushing: Promise<void> | null = null;
  private urgent = false;

  constructor(
    private readonly send: (records: TRunRecord[]) => Promise<void>,
    private readonly sendNow: (records: TRunRecord[]) => Promise<void>,
  ) {}

  add(record: TRunRecord): void {
    this.queue.push(record);
    this.kick();
  }

  async drain(): Promise<void> {
    this.urgent = true;
    while (this.flushing || this.queue.length > 0) {
      this.kick();
      await this.flushing;
    }
    this.urgent = false;
  }

  private kick(): void {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = CancellationScope.nonCancellable(async () => {
      await condition(() => this.urgent, RECORD_BATCH_MS);
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        await (this.urgent ? this.sendNow(batch) : this.send(batch));
      }
    }).finally(() => {
      this.flushing = null;
    });
  }
}
