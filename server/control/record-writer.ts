import type { InjectedSinks } from '@temporalio/worker';
import type { TRecordBatch, TRunRecordSinks } from '../../workflows/contract/run-records';
import type { TDatabase } from '../db/client';
import { RunRowMissingError } from '../services/runs/begin-run';
import { writeRunRecords } from '../services/runs/write-run-records';

/** Records gather this long before they are written: one transaction for all runs per moment. */
const GATHER_MS = 200;
const WARN_EVERY_MS = 30_000;
const RETRY_MAX_MS = 10_000;

/**
 * The control worker's writer of run records. What workflows hand over at the end of their
 * activations (`write`, the sink) is written every 200 ms, all runs' records in one transaction,
 * one write at a time so that each run's records land in the order they were made. A write that
 * fails (Postgres away) or finds no run row (web's transaction has not committed yet) goes back
 * in front of what came meanwhile and is tried again with backoff. `writeNow` (a local activity at
 * cancel and continue-as-new) writes a run's pending records, then the batch it is given. Every
 * record is safe to write twice, so nothing is remembered once written. The alerts a write fired
 * go to `onAlerts` after its commit, outside the writing queue (a slow webhook must not hold back
 * run records).
 */
export function createRecordWriter(db: TDatabase, warn: (message: string) => void = (m) => console.warn(m), onAlerts: (alertIds: string[]) => Promise<void> = async () => {}) {
  const pending = new Map<string, TRecordBatch>();
  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let lastWarning = 0;
  let retryMs = 0;
  const dispatch = (alertIds: string[]) => {
    if (alertIds.length === 0) return;
    onAlerts(alertIds).catch((error: unknown) => warn(`[weft] alerts ${alertIds.join(', ')} not dispatched: ${error instanceof Error ? error.message : String(error)}`));
  };

  const schedule = (ms: number) => {
    // (unref: a write waiting to be tried again must not keep a stopping process alive; a running
    // control worker is kept alive by its worker)
    timer ??= setTimeout(() => void flush(), ms).unref();
  };
  const putBack = (batch: TRecordBatch) => {
    const later = pending.get(batch.runId);
    pending.set(batch.runId, { ...batch, records: [...batch.records, ...(later?.records ?? [])] });
  };

  /** writes what is pending: of every run, or of `runId` only (the others keep gathering) */
  const flush = (runId?: string): Promise<void> => {
    if (!runId) {
      clearTimeout(timer);
      timer = undefined;
    }
    const batches = runId ? [pending.get(runId)].filter((b) => b !== undefined) : [...pending.values()];
    for (const batch of batches) pending.delete(batch.runId);
    if (batches.length === 0) return writing;
    writing = writing.then(async () => {
      try {
        const { missing, alerts } = await writeRunRecords(db, batches);
        retryMs = 0;
        dispatch(alerts);
        for (const batch of batches.filter((b) => missing.includes(b.runId))) putBack(batch);
        if (missing.length > 0) schedule(RETRY_MAX_MS);
      } catch (error) {
        if (Date.now() - lastWarning >= WARN_EVERY_MS) {
          lastWarning = Date.now();
          warn(`[weft] run records not written, trying again: ${error instanceof Error ? error.message : String(error)}`);
        }
        for (const batch of batches) putBack(batch);
        retryMs = Math.min(RETRY_MAX_MS, Math.max(GATHER_MS, retryMs * 2));
        schedule(retryMs);
      }
    });
    return writing;
  };

  return {
    write(batch: TRecordBatch): void {
      const earlier = pending.get(batch.runId);
      pending.set(batch.runId, earlier ? { ...earlier, records: [...earlier.records, ...batch.records] } : batch);
      schedule(retryMs || GATHER_MS);
    },

    async writeNow(batch: TRecordBatch): Promise<{ written: number }> {
      await flush(batch.runId);
      const { missing, alerts } = await writeRunRecords(db, [batch]);
      dispatch(alerts);
      if (missing.length > 0) throw new RunRowMissingError(`Run ${batch.runId} does not exist`);
      return { written: batch.records.length };
    },
  };
}

export type TRecordWriter = ReturnType<typeof createRecordWriter>;

export function recordSinks(writer: TRecordWriter): InjectedSinks<TRunRecordSinks> {
  return { runRecords: { write: { fn: (_info, batch) => writer.write(batch), callDuringReplay: false } } };
}
