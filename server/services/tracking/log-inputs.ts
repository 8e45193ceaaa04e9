import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { trackingDatasets, trackingInputs } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { findActiveRun } from './find-run';
import type { ZLogInputsSchema } from './requests';
import type { TTrackingCaller } from './tracking-access';

/** runs/log-inputs: datasets are the experiment's (by name and digest); the run records its use of each, with the input's tags. */
export async function logInputs(db: TDatabase, caller: TTrackingCaller, body: z.infer<typeof ZLogInputsSchema>) {
  const run = await findActiveRun(db, caller, body.run_id);
  if (!body.datasets.length) return {};
  await db.transaction(async (tx) => {
    for (const input of body.datasets) {
      const d = input.dataset;
      const [dataset] = await tx
        .insert(trackingDatasets)
        .values({ experimentId: run.experimentId, name: d.name, digest: d.digest, sourceType: d.source_type, source: d.source, schema: d.schema ?? null, profile: d.profile ?? null })
        // the same dataset again: keep it, answer its id (a no-op update makes RETURNING see the row)
        .onConflictDoUpdate({ target: [trackingDatasets.experimentId, trackingDatasets.name, trackingDatasets.digest], set: { name: sql`excluded.name` } })
        .returning({ id: trackingDatasets.id });
      await tx
        .insert(trackingInputs)
        .values({ runUuid: run.runUuid, datasetId: dataset!.id, tags: input.tags })
        .onConflictDoUpdate({ target: [trackingInputs.runUuid, trackingInputs.datasetId], set: { tags: sql`excluded.tags` } });
    }
  });
  return {};
}
