import { proxySinks } from '@temporalio/workflow';
import type { TLiveRecordSinks } from '../contract/live-records';

/** The interpreter's end of the live-records sink (workflows/contract/live-records.ts). */
export const { liveRecords } = proxySinks<TLiveRecordSinks>();
