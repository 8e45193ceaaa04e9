import type { InjectedSinks } from '@temporalio/worker';
import type { TLiveRecordSinks, TRecordBatch } from '../../workflows/contract/live-records';
import type { TDatabase } from '../db/client';
import { recordProgress, recordProgressOfRuns } from '../services/runs/record-progress';

/** Records gather this long before they are written: one transaction for all runs per moment. */
const GATHER_MS = 200;
const WARN_EVERY_MS = 30_000;
const RETRY_MAX_MS = 10_000;
/** A stream not heard of this long belongs to a run that ended without draining (terminated). */
const FORGET_AFTER_MS = 60 * 60_000;

type TStream = {
  key: string;
  runId: string;
  projectId: string;
  /** records handed over, not yet being written, numbered from pendingFirst */
  pending: TRecordBatch['records'];
  pendingFirst: number;
  /** the records lo..hi of the stream are in Postgres (none while hi < lo) */
  lo: number;
  hi: number;
  seenAt: number;
  /** its run's `finish` record came: forgotten once everything is written */
  ended: boolean;
};

/**
 * The control worker's side of the live-records sink. Every moment it writes what all executions
 * handed over in one transaction (one write at a time, so each run's records land in order), a
 * run's last records (its `finish`) included. It remembers which records are written,
 * so that a drain (`saveRemaining`, a local activity on this same worker, at cancel and
 * continue-as-new) writes only the rest. A failed write (Postgres away) is warned about at most
 * every 30 s and tried again, with backoff, until it succeeds; records of a run whose row is not
 * committed yet wait the same way. What a dying worker never wrote comes back through the replay
 * on the next worker, or, for a run that has closed, through its result (the reconciler). Every
 * record is safe to write twice.
 */
export function createLiveRecordWriter(db: TDatabase, warn: (message: string) => void = (m) => console.warn(m)) {
  const streams = new Map<string, TStream>();
  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let lastWarning = 0;
  let retryMs = 0;

  const schedule = (ms: number) => {
    timer ??= setTimeout(() => void flush(), ms);
  };

  /**
   * A batch not written goes back in front of what arrived meanwhile, when the two join up;
   * otherwise it is left to the drain (records never count as written unless they were).
   */
  const putBack = (stream: TStream, first: number, records: TRecordBatch['records']) => {
    if (stream.pending.length > 0 && first + records.length !== stream.pendingFirst) return;
    stream.pending = [...records, ...stream.pending];
    stream.pendingFirst = first;
  };

  /** writes what is pending: of every stream, or of `only` (the others keep gathering) */
  const flush = (only?: TStream): Promise<void> => {
    if (!only) {
      clearTimeout(timer);
      timer = undefined;
      for (const [key, stream] of streams) if (Date.now() - stream.seenAt > FORGET_AFTER_MS) streams.delete(key);
    }
    const taken: { stream: TStream; first: number; records: TRecordBatch['records'] }[] = [];
    for (const stream of only ? [only] : streams.values()) {
      if (stream.pending.length > 0) taken.push({ stream, first: stream.pendingFirst, records: stream.pending });
      stream.pending = [];
    }
    if (taken.length === 0) return writing;
    writing = writing.then(async () => {
      let missing: Set<string>;
      try {
        missing = new Set((await recordProgressOfRuns(db, taken.map((t) => ({ runId: t.stream.runId, projectId: t.stream.projectId, records: t.records })))).missing);
      } catch (error) {
        if (Date.now() - lastWarning >= WARN_EVERY_MS) {
          lastWarning = Date.now();
          warn(`[weft] live run records not written, trying again: ${error instanceof Error ? error.message : String(error)}`);
        }
        for (const t of taken) putBack(t.stream, t.first, t.records);
        retryMs = Math.min(RETRY_MAX_MS, Math.max(GATHER_MS, retryMs * 2));
        schedule(retryMs);
        return;
      }
      retryMs = 0;
      for (const { stream, first, records } of taken) {
        if (missing.has(stream.runId)) {
          putBack(stream, first, records); // no run row yet (web's transaction): later
          schedule(RETRY_MAX_MS);
          continue;
        }
        // the written range grows only without a gap; otherwise it starts again at this batch
        if (first === stream.hi + 1 && stream.hi >= stream.lo) stream.hi = first + records.length - 1;
        else [stream.lo, stream.hi] = [first, first + records.length - 1];
        if (stream.ended && stream.pending.length === 0) streams.delete(stream.key);
      }
    });
    return writing;
  };

  return {
    show(batch: TRecordBatch): void {
      let stream = streams.get(batch.stream);
      if (!stream) {
        stream = { key: batch.stream, runId: batch.runId, projectId: batch.projectId, pending: [], pendingFirst: batch.first, lo: 0, hi: -1, seenAt: 0, ended: false };
        streams.set(batch.stream, stream);
      }
      stream.seenAt = Date.now();
      if (stream.pending.length > 0 && stream.pendingFirst + stream.pending.length !== batch.first) void flush(stream); // not contiguous: keep them apart
      if (stream.pending.length === 0) stream.pendingFirst = batch.first;
      stream.pending.push(...batch.records);
      // a run's last records go with the others of this moment: one transaction (and one statement
      // for all the runs' ends) instead of one each, which under load cost more than the steps did
      stream.ended ||= batch.records.some((r) => r.type === 'finish');
      schedule(retryMs || GATHER_MS);
    },

    /**
     * The durable drain: writes what is pending now, then those records of `batch` that no live
     * write did. The drain ends its stream (the run ends, is cancelled, or continues as new).
     */
    async saveRemaining(batch: TRecordBatch): Promise<{ written: number }> {
      const stream = streams.get(batch.stream);
      if (stream) await flush(stream);
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
