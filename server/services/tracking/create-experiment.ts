import type { z } from 'zod';
import { trackingExperiments, trackingExperimentTags } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import type { ZCreateExperimentSchema } from './requests';
import { callerProject, requireTrackingAccess, type TTrackingCaller } from './tracking-access';

/** experiments/create: a new experiment in the caller's project; names are unique per project, deleted ones included (MLflow's rule). */
export async function createExperiment(db: TDatabase, caller: TTrackingCaller, body: z.infer<typeof ZCreateExperimentSchema>) {
  const projectId = callerProject(caller);
  await requireTrackingAccess(db, caller, projectId, 'write', 'Project');
  return db.transaction(async (tx) => {
    const now = Date.now();
    const [row] = await tx
      .insert(trackingExperiments)
      .values({ projectId, name: body.name, artifactLocation: body.artifact_location || null, creationTime: now, lastUpdateTime: now })
      .onConflictDoNothing()
      .returning({ id: trackingExperiments.id });
    if (!row) throw new AppError('CONFLICT', `An experiment named "${body.name}" already exists`);
    const tags = new Map(body.tags.map((t) => [t.key, t.value]));
    if (tags.size) await tx.insert(trackingExperimentTags).values([...tags].map(([key, value]) => ({ experimentId: row.id, key, value })));
    return { experiment_id: String(row.id) };
  });
}
