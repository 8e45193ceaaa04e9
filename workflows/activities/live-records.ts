import type { InjectedSinks } from '@temporalio/worker';
import type { TDatabase } from '../../server/db/client';
import { recordProgress, recordProgressOfRuns } from '../../server/services/runs/record-progress';
import type { TLiveRecordSinks, TRecordBatch } from '../definitions/live-records';

/** Records gather this long before they are written: one transaction for all runs per moment. */
const GATHER_MS = 200;
const WARN_EVERY_MS = 30_000;
/** A stream not heard of this long belongs to a run that ended without draining (terminated). */
const FORGET_AFTER_MS = 60 * 60_000;

type TStream = {
  runId: string;
  projectId: string;
  /** records handed over, not yet being written, numbered from pendingFirst */
  pending: TRecordBatch['records'];
  pendingFirst: number;
  /** the records lo..hi of the stream are in Postgres (none while hi < lo) */
  lo: number;
  hi: number;
  seenAt: number;
};

/**
 * The control worker's side of the live-records sink. Every moment it writes what all executions
 * handed over in one transaction (one write at a time, so each run's records land in order), and
 * remembers which records are written, so that the interpreter's durable drain (`saveRemaining`, a
 * local activity on this same worker) writes only the rest. Best effort: a failed write is only
 * warned about (at most every 30 s) and its records do not count as written, so the durable
 * path writes them. Every record is safe to write twice.
 */
export function createLiveRecordWriter(db: TDatabase, warn: (message: string) => void = (m) => console.warn(m)) {
  const streams = new Map<string, TStream>();
  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let lastWarning = 0;

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const now = Date.now();
    const taken: { stream: TStream; first: number; count: number; records: TRecordBatch['records'] }[] = [];
    for (const [key, stream] of streams) {
      if (stream.pending.length > 0) taken.push({ stream, first: stream.pendingFirst, count: stream.pending.length, records: stream.pending });
      stream.pending = [];
      if (now - stream.seenAt > FORGET_AFTER_MS) streams.delete(key);
    }
    if (taken.length === 0) return writing;
    writing = writing.then(async () => {
      let missing: Set<string>;
      try {
        missing = new Set((await recordProgressOfRuns(db, taken.map((t) => ({ runId: t.stream.runId, projectId: t.stream.projectId, records: t.records })))).missing);
      } catch (error) {
        if (Date.now() - lastWarning >= WARN_EVERY_MS) {
          lastWarning = Date.now();
          warn(`[weft] live run records not written (the durable ones follow): ${error instanceof Error ? error.message : String(error)}`);
        }
        return;
      }
      for (const { stream, first, count } of taken) {
        if (missing.has(stream.runId)) continue; // no run row yet: the drain writes these
        // the written range grows only without a gap; otherwise it starts again at this batch
        if (first === stream.hi + 1 && stream.hi >= stream.lo) stream.hi = first + count - 1;
        else [stream.lo, stream.hi] = [first, first + count - 1];
      }
    });
    return writing;
  };

  return {
    show(batch: TRecordBatch): void {
      let stream = streams.get(batch.stream);
      if (!stream) {
        stream = { runId: batch.runId, projectId: batch.projectId, pending: [], pendingFirst: batch.first, lo: 0, hi: -1, seenAt: 0 };
        streams.set(batch.stream, stream);
      }
      stream.seenAt = Date.now();
      if (stream.pending.length > 0 && stream.pendingFirst + stream.pending.length !== batch.first) void flush(); // not contiguous: keep them apart
      if (stream.pending.length === 0) stream.pendingFirst = batch.first;
      stream.pending.push(...batch.records);
      timer ??= setTimeout(() => void flush(), GATHER_MS);
    },

    /**
     * The durable drain: writes what is pending now, then those records of `batch` that no live
     * write did. The drain ends its stream (the run ends, is cancelled, or continues as new).
     */
    async saveRemaining(batch: TRecordBatch): Promise<{ written: number }> {
      const stream = streams.get(batch.stream);
      if (stream) await flush();
      const remaining = batch.records.filter((_, i) => !stream || batch.first + i < stream.lo || batch.first + i > stream.hi);
      await recordProgress(db, { runId: batch.runId, projectId: batch.projectId, records: remaining });
      streams.delete(batch.stream);
      return { written: remaining.length };
    },
  };
}

export type TLiveRecordWriter = ReturnType<typeof createLiveRecordWriter>;

export function liveRecordSinks(writer: TLiveRecordWriter): InjectedSinks<TLiveRecordSinks> {
  return { liveRecords: { show: { fn: (_info, batch) => writer.show(batch), callDuringReplay: false } } };
}
