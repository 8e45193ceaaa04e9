import { CancellationScope, condition, workflowInfo } from '@temporalio/workflow';
import type { TRunRecord } from '../activities/types';

/** Durable batches of runs begun before live records: keeps the UI well under 1 s behind. */
export const RECORD_BATCH_MS = 200;

export type TRecorderOptions =
  /** runs begun before live records: records gather this long, then go out in one activity */
  | { batchMs: number }
  /** hands records (numbered from `first` in this execution) to the worker's live writer, with no history event */
  | { live: (records: TRunRecord[], first: number) => void };

/**
 * Sends run records to Postgres; `drain()` sends what is left at once through `sendNow` (a local
 * activity: the run's end is on its critical path) and waits until everything is written; a
 * cancelled run still records (the sends are not cancellable).
 *
 * Live (runs begun with live records): the records of an activation go as it ends (`showLive`,
 * one sink call) to the control worker's live writer (workflows/activities/live-records.ts),
 * which writes them within a moment and retries while Postgres is away; the drain writes only
 * what that writer has not. A live write may be lost with its worker: the replay on the next
 * worker hands the unsaved records over again (the first live activation after a replay shows
 * everything since the last drain), and the drain never loses one. A record written twice ends
 * the same.
 *
 * Batched (older runs): records gather for a moment (one timer), then go out in one activity
 * (`send`); records that arrive meanwhile go in the next batch.
 */
export class RunRecorder {
  private queue: TRunRecord[] = [];
  /** the number of queue[0] among all records of this execution */
  private queueStart = 0;
  /** queue[liveFrom..] has not been shown live yet (records of this activation, or added while replaying) */
  private liveFrom = 0;
  private flushing: Promise<void> | null = null;
  private urgent = false;

  constructor(
    private readonly send: (records: TRunRecord[]) => Promise<void>,
    private readonly sendNow: (records: TRunRecord[], first: number) => Promise<void>,
    private readonly options: TRecorderOptions,
  ) {}

  add(record: TRunRecord): void {
    this.queue.push(record);
    // live records leave once per activation, at its end (`showLive`)
    if (!('live' in this.options)) this.kick(this.options.batchMs);
  }

  /** Live: hands the records this activation added to the live writer, in one sink call. */
  showLive(): void {
    if (!('live' in this.options)) return;
    // a replayed activation's sink calls are dropped: keep its records for the first live one
    if (workflowInfo().unsafe.isReplaying || this.liveFrom >= this.queue.length) return;
    const fresh = this.queue.slice(this.liveFrom);
    const first = this.queueStart + this.liveFrom;
    this.liveFrom = this.queue.length;
    this.options.live(fresh, first);
  }

  async drain(): Promise<void> {
    if ('live' in this.options) {
      await CancellationScope.nonCancellable(async () => {
        while (this.queue.length > 0) await this.sendNow(...this.take());
      });
      return;
    }
    this.urgent = true;
    while (this.flushing || this.queue.length > 0) {
      this.kick(this.options.batchMs);
      await this.flushing;
    }
    this.urgent = false;
  }

  /**
   * The run's end without a drain (live records): what has not been drained goes with the run's
   * result, for the reconciler to write should its live copy be lost.
   */
  handOver(): { first: number; records: TRunRecord[] } {
    this.showLive(); // the run's last records: the activation that adds them ends the run
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

  private kick(batchMs: number): void {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = CancellationScope.nonCancellable(async () => {
      await condition(() => this.urgent, batchMs);
      while (this.queue.length > 0) {
        const [batch, first] = this.take();
        await (this.urgent ? this.sendNow(batch, first) : this.send(batch));
      }
    }).finally(() => {
      this.flushing = null;
    });
  }
}
