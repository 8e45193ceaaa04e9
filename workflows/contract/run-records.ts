import type { Sinks } from '@temporalio/workflow';
import type { TRunRecord } from '../dsl';

/** A run's records, in the order the run made them. */
export type TRecordBatch = { runId: string; projectId: string; records: TRunRecord[] };

/**
 * A workflow sink: the records of an activation handed to the control worker as it ends, for its
 * record writer (server/control/record-writer.ts) to write within a moment. No history event, no
 * activity; not called while replaying.
 */
export type TRunRecordSinks = Sinks & { runRecords: { write(batch: TRecordBatch): void } };
