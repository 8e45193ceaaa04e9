import type { TDbOrTx } from '../../db/client';
import { findRun } from './find-run';
import { runData } from './run-data';
import { runJson } from './run-json';
import type { TTrackingCaller } from './tracking-access';

/** runs/get: deleted runs too (MLflow shows them with their lifecycle stage). */
export async function getRun(db: TDbOrTx, caller: TTrackingCaller, body: { run_id: string }) {
  const run = await findRun(db, caller, body.run_id, 'read');
  const data = await runData(db, [run.runUuid]);
  return { run: runJson(run, data.get(run.runUuid)!) };
}
