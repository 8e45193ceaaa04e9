import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { trackingRuns, trackingTags } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { artifactLocationOf } from './experiment-json';
import { findExperiment, requireActiveExperiment } from './find-experiment';
import type { ZCreateRunSchema } from './requests';
import { runJson } from './run-json';
import { RUN_NAME_TAG } from './mlflow-tags';
import type { TTrackingCaller } from './tracking-access';


/** runs/create: a RUNNING run in an active experiment ("0": the project's Default). */
export async function createRun(db: TDatabase, caller: TTrackingCaller, body: z.infer<typeof ZCreateRunSchema>) {
  const experiment = await findExperiment(db, caller, body.experiment_id, 'write');
  requireActiveExperiment(experiment);
  const runUuid = randomUUID().replaceAll('-', '');
  const tags = new Map(body.tags.map((t) => [t.key, t.value]));
  const name = body.run_name || tags.get(RUN_NAME_TAG) || `run-${runUuid.slice(0, 8)}`;
  tags.set(RUN_NAME_TAG, name);
  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(trackingRuns)
      .values({
        runUuid,
        experimentId: experiment.id,
        name,
        userId: body.user_id,
        startTime: body.start_time ?? Date.now(),
        artifactUri: `${artifactLocationOf(experiment)}/${runUuid}/artifacts`,
      })
      .returning();
    const tagRows = [...tags].map(([key, value]) => ({ runUuid, key, value }));
    await tx.insert(trackingTags).values(tagRows);
    return { run: runJson(run!, { metrics: [], params: [], tags: tagRows.map(({ key, value }) => ({ key, value })).sort((a, b) => a.key.localeCompare(b.key)), inputs: [] }) };
  });
}
