import { CancellationScope, workflowInfo } from '@temporalio/workflow';
import type { TRunRecord } from '../dsl';

/**
 * Writes a run's records. The records of an activation go to the control worker's record writer
 * as it ends (`writeLive`, one sink call, no history event); `writeDurably` (cancel,
 * continue-as-new) writes every record since the last durable write through a local activity;
 * `unwritten` (the run's end) hands those to the result, for the reconciler should the live copy
 * be lost with its worker. A replayed activation writes nothing: the first live one after a replay
 * writes everything since the last durable write. A record written twice ends the same.
 */
export class RunRecorder {
  /** every record since the last durable write */
  private records: TRunRecord[] = [];
  /** how many of them this worker has written live */
  private live = 0;

  constructor(
    private readonly writeSink: (records: TRunRecord[]) => void,
    private readonly writeNow: (records: TRunRecord[]) => Promise<unknown>,
  ) {}

  add(record: TRunRecord): void {
    this.records.push(record);
  }

  /** At the end of an activation: the records not yet written live, in one sink call. */
  writeLive(): void {
    if (workflowInfo().unsafe.isReplaying || this.live >= this.records.length) return;
    this.writeSink(this.records.slice(this.live));
    this.live = this.records.length;
  }

  async writeDurably(): Promise<void> {
    await CancellationScope.nonCancellable(async () => {
      while (this.records.length > 0) await this.writeNow(this.take());
    });
  }

  /** The run's end: its last records go live now, and all since the last durable write go with its result. */
  unwritten(): TRunRecord[] {
    this.writeLive();
    return this.take();
  }

  private take(): TRunRecord[] {
    this.live = 0;
    return this.records.splice(0);
  }
}
