import { CancellationScope, condition, workflowInfo } from '@temporalio/workflow';
import type { TRunRecord } from '../activities/types';

/** Durable batches of runs begun before live records: keeps the UI well under 1 s behind. */
export const RECORD_BATCH_MS = 200;
/** Durable batches where records are also shown live: only bounds how stale Postgres is after a control worker dies. */
export const DURABLE_BATCH_MS = 30_000;

export type TRecorderOptions = {
  /** how long records gather before a durable batch goes out */
  batchMs: number;
  /** best-effort: hands records (numbered from `first` in this execution) to the worker at once, with no history event */
  live?: (records: TRunRecord[], first: number) => void;
};

/**
 * Sends run records to Postgres. Durably: records gather for a moment (one timer), then go out in
 * one activity; records that arrive meanwhile go in the next batch; a cancelled run still records
 * (the sends are not cancellable); `drain()` sends what is left at once through `sendNow` (a local
 * activity: the run's end is on its critical path) and waits until everything is written.
 * Live (runs begun with live records): each activation's new records also go to the control
 * worker's live writer (a sink), which writes them within a moment without a Temporal event, and
 * `sendNow` writes only what that writer has not (workflows/activities/live-records.ts). A live
 * write may be lost with its worker; the durable path never loses one, and a record written twice
 * ends the same.
 */
export class RunRecorder {
  private queue: TRunRecord[] = [];
  /** the number of queue[0] among all records of this execution */
  private queueStart = 0;
  /** queue[liveFrom..] has not been shown live yet (records added while replaying, or this activation's) */
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
    // (at once, not batched in a microtask: each promise costs the sandbox a stack capture)
    if (this.options.live) this.showLive();
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

  private showLive(): void {
    // a replayed activation's sink calls are dropped: keep its records for the first live one
    if (workflowInfo().unsafe.isReplaying || this.liveFrom >= this.queue.length) return;
    const fresh = this.queue.slice(this.liveFrom);
    const first = this.queueStart + this.liveFrom;
    this.liveFrom = this.queue.length;
    this.options.live!(fresh, first);
  }

  private kick(): void {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = CancellationScope.nonCancellable(async () => {
      await condition(() => this.urgent, this.options.batchMs);
      while (this.queue.length > 0) {
        const first = this.queueStart;
        const batch = this.queue.splice(0);
        this.queueStart += batch.length;
        this.liveFrom = Math.max(0, this.liveFrom - batch.length); // durable now: no need to show them live
        await (this.urgent ? this.sendNow(batch, first) : this.send(batch));
      }
    }).finally(() => {
      this.flushing = null;
    });
  }
}
