import { CancellationScope, workflowInfo } from '@temporalio/workflow';
import type { TRunRecord } from '../dsl';

/**
 * Hands a run's records to Postgres. The records of an activation leave as it ends (`showLive`,
 * one sink call) for the control worker's live writer (workflows/activities/live-records.ts),
 * which writes them within a moment and retries while Postgres is away. `drain()` (cancel,
 * continue-as-new) writes what that writer has not, durably, through a local activity;
 * `handOver()` (a run's end) gives them to the result instead, for the reconciler should the
 * live copy be lost. A replayed activation shows nothing: the first live one after a replay
 * hands over everything since the last drain. A record written twice ends the same.
 */
export class RunRecorder {
  private queue: TRunRecord[] = [];
  /** the number of queue[0] among all records of this execution */
  private queueStart = 0;
  /** queue[liveFrom..] has not been shown live yet (records of this activation, or added while replaying) */
  private liveFrom = 0;

  constructor(
    private readonly show: (records: TRunRecord[], first: number) => void,
    private readonly save: (records: TRunRecord[], first: number) => Promise<unknown>,
  ) {}

  add(record: TRunRecord): void {
    this.queue.push(record);
  }

  /** Hands the records this activation added to the live writer, in one sink call. */
  showLive(): void {
    if (workflowInfo().unsafe.isReplaying || this.liveFrom >= this.queue.length) return;
    const fresh = this.queue.slice(this.liveFrom);
    const first = this.queueStart + this.liveFrom;
    this.liveFrom = this.queue.length;
    this.show(fresh, first);
  }

  async drain(): Promise<void> {
    await CancellationScope.nonCancellable(async () => {
      while (this.queue.length > 0) await this.save(...this.take());
    });
  }

  /** The run's end: its last records go live now, and all not drained go with its result. */
  handOver(): { first: number; records: TRunRecord[] } {
    this.showLive();
    const [records, first] = this.take();
    return { first, records };
  }

  /** everything queued, and the number of its first record */
  private take(): [TRunRecord[], number] {
    const first = this.queueStart;
    const batch = this.queue.splice(0);
    this.queueStart += batch.length;
    this.liveFrom = 0;
    return [batch, first];
  }
}
