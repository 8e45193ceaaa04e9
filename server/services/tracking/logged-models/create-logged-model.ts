import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { trackingLoggedModels } from '../../../../drizzle/schema';
import type { TDatabase } from '../../../db/client';
import { AppError } from '../../../errors';
import { artifactLocationOf } from '../experiment-json';
import { findExperiment, requireActiveExperiment } from '../find-experiment';
import { findRun } from '../find-run';
import type { TTrackingCaller } from '../tracking-access';
import { loggedModelJson } from './logged-model-json';
import type { ZCreateLoggedModelSchema } from './requests';

/** logged-models (POST): a PENDING model whose files the client uploads next under its artifact_uri. */
export async function createLoggedModel(db: TDatabase, caller: TTrackingCaller, body: z.infer<typeof ZCreateLoggedModelSchema>) {
  const experiment = await findExperiment(db, caller, body.experiment_id, 'write');
  requireActiveExperiment(experiment);
  if (body.source_run_id) {
    const run = await findRun(db, caller, body.source_run_id, 'read');
    if (run.experimentId !== experiment.id) throw new AppError('BAD_REQUEST', `source_run_id: run ${run.runUuid} is not in experiment ${experiment.id}`);
  }
  const modelId = `m-${randomUUID().replaceAll('-', '')}`;
  const now = Date.now();
  const [row] = await db
    .insert(trackingLoggedModels)
    .values({
      modelId,
      experimentId: experiment.id,
      name: body.name ?? `model-${modelId.slice(2, 10)}`,
      modelType: body.model_type ?? '',
      sourceRunUuid: body.source_run_id || null,
      artifactUri: `${artifactLocationOf(experiment)}/models/${modelId}/artifacts`,
      params: Object.fromEntries(body.params.map((p) => [p.key, p.value])),
      tags: Object.fromEntries(body.tags.map((t) => [t.key, t.value])),
      creationTime: now,
      lastUpdateTime: now,
    })
    .returning();
  return { model: loggedModelJson(row!) };
}
