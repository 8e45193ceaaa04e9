import type { Sinks } from '@temporalio/workflow';
import type { TRunRecord } from '../dsl';

/**
 * Records of one workflow execution (`stream`: its Temporal run id), numbered from `first` in the
 * order the interpreter made them.
 */
export type TRecordBatch = { stream: string; runId: string; projectId: string; first: number; records: TRunRecord[] };

/**
 * A workflow sink: records handed to the control worker as an activation completes, for it to
 * write at once (server/control/live-record-writer.ts). No history event, no activity; not
 * called while replaying. The durable copy goes through a control activity (`saveRecords`).
 */
export type TLiveRecordSinks = Sinks & { liveRecords: { show(batch: TRecordBatch): void } };
