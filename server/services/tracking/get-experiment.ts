import { and, eq } from 'drizzle-orm';
import { trackingExperiments } from '../../../drizzle/schema';
import type { TDbOrTx } from '../../db/client';
import { AppError } from '../../errors';
import { experimentJson } from './experiment-json';
import { experimentTags } from './experiment-tags';
import { DEFAULT_EXPERIMENT_ID, DEFAULT_EXPERIMENT_NAME, findExperiment } from './find-experiment';
import { callerProject, requireTrackingAccess, type TTrackingCaller } from './tracking-access';

/** experiments/get */
export async function getExperiment(db: TDbOrTx, caller: TTrackingCaller, body: { experiment_id: string }) {
  const row = await findExperiment(db, caller, body.experiment_id, 'read');
  const tags = await experimentTags(db, [row.id]);
  return { experiment: experimentJson(row, tags.get(row.id) ?? []) };
}

/** experiments/get-by-name, in the caller's project ("Default" exists once asked for, as MLflow's does from the start) */
export async function getExperimentByName(db: TDbOrTx, caller: TTrackingCaller, body: { experiment_name: string }) {
  if (body.experiment_name === DEFAULT_EXPERIMENT_NAME) return getExperiment(db, caller, { experiment_id: DEFAULT_EXPERIMENT_ID });
  const projectId = callerProject(caller);
  const what = `Experiment "${body.experiment_name}"`;
  await requireTrackingAccess(db, caller, projectId, 'read', what);
  const [row] = await db
    .select({ id: trackingExperiments.id })
    .from(trackingExperiments)
    .where(and(eq(trackingExperiments.projectId, projectId), eq(trackingExperiments.name, body.experiment_name)));
  if (!row) throw new AppError('NOT_FOUND', `${what} not found`);
  return getExperiment(db, caller, { experiment_id: String(row.id) });
}
