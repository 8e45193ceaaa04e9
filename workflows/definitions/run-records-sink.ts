import { proxySinks } from '@temporalio/workflow';
import type { TRunRecordSinks } from '../contract/run-records';

/** The interpreter's end of the run-records sink (workflows/contract/run-records.ts). */
export const { runRecords } = proxySinks<TRunRecordSinks>();
