import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { modelVersions, modelVersionTags, registeredModels } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { findRun } from '../tracking/find-run';
import { findLoggedModel } from '../tracking/logged-models/find-logged-model';
import type { TTrackingCaller } from '../tracking/tracking-access';
import { findModel } from './find-model';
import { versionJson } from './registry-json';
import type { ZCreateVersionSchema } from './requests';

/** The run a `runs:/<run_id>/<path>` source names, where the client sent no run_id of its own. */
const sourceRun = (source: string) => source.match(/^runs:\/([\w-]+)(\/|$)/)?.[1];
/** The logged model a `models:/<model_id>` source names (what MLflow 3's `log_model(registered_model_name=...)` sends). */
const sourceModel = (source: string) => source.match(/^models:\/(m-[0-9a-f]{32})$/)?.[1];

/**
 * model-versions/create: the next number of its model, counted on the model's row (so two at once
 * get 1 and 2, and a deleted version's number is never given again). Its run, named or read from the source, must be a run of the same project the caller
 * can read: a version's evidence (its run's metrics) is what a promotion is judged on.
 */
export async function createVersion(db: TDatabase, caller: TTrackingCaller, body: z.infer<typeof ZCreateVersionSchema>) {
  const model = await findModel(db, caller, body.name, 'write');
  const loggedModel = sourceModel(body.source);
  const runId = body.run_id ?? sourceRun(body.source) ?? (loggedModel ? ((await findLoggedModel(db, caller, loggedModel, 'read')).sourceRunUuid ?? undefined) : undefined);
  if (runId) {
    const run = await findRun(db, caller, runId, 'read');
    if (body.run_id && sourceRun(body.source) && sourceRun(body.source) !== run.runUuid) throw new AppError('BAD_REQUEST', `source names run ${sourceRun(body.source)}, run_id names ${run.runUuid}`);
  }
  return db.transaction(async (tx) => {
    const now = Date.now();
    const [counted] = await tx
      .update(registeredModels)
      .set({ lastVersion: sql`${registeredModels.lastVersion} + 1`, lastUpdatedTime: now })
      .where(eq(registeredModels.id, model.id))
      .returning({ lastVersion: registeredModels.lastVersion });
    const [version] = await tx
      .insert(modelVersions)
      .values({
        modelId: model.id,
        version: counted!.lastVersion,
        source: body.source,
        runId: runId ?? null,
        description: body.description,
        userId: caller.userId,
        creationTime: now,
        lastUpdatedTime: now,
      })
      .returning();
    const tags = new Map(body.tags.map((t) => [t.key, t.value]));
    if (tags.size) await tx.insert(modelVersionTags).values([...tags].map(([key, value]) => ({ versionId: version!.id, key, value })));
    await recordAudit(tx, {
      projectId: model.projectId,
      actor: caller.userId,
      action: 'model.version.create',
      targetType: 'model_version',
      targetId: version!.id,
      details: { model: model.name, version: version!.version, source: body.source, runId },
    });
    return versionJson(tx, model, version!);
  });
}
