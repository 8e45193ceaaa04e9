import { proxySinks, type Sinks } from '@temporalio/workflow';
import type { TRunRecord } from '../dsl';

/**
 * Records of one workflow execution (`stream`: its Temporal run id), numbered from `first` in the
 * order the interpreter made them.
 */
export type TRecordBatch = { stream: string; runId: string; projectId: string; first: number; records: TRunRecord[] };

/**
 * A workflow sink: records handed to the control worker as an activation completes, for it to
 * write at once (workflows/activities/live-records.ts). No history event, no activity; not
 * called while replaying. The durable copy goes through the recorder's control activities.
 */
export type TLiveRecordSinks = Sinks & { liveRecords: { show(batch: TRecordBatch): void } };

export const { liveRecords } = proxySinks<TLiveRecordSinks>();
