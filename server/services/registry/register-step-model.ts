import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { modelVersions, modelVersionTags, registeredModels, runs, trackingArtifacts, trackingRuns } from '../../../drizzle/schema';
import type { TRegisterModelVersion } from '../../../workflows/contract/activities';
import type { TDatabase, TDbOrTx } from '../../db/client';
import { recordAudit } from '../audit/record-audit';

/** Who a pipeline's registry writes are by in the audit log (the run they came from is in the details). */
const PIPELINE_ACTOR = 'system:pipeline';

/**
 * A "Register model" step: the artifact an upstream step wrote becomes the next version of the
 * model (made on first use). Its source is the tracking run that logged those bytes, else that
 * step's tracking run (its latest attempt) when it logged one (trackedSource); the Weft run, step and artifact hash are kept either way, so lineage needs no
 * tracking run. Idempotent: a retried activity finds the version it made (same run, step,
 * artifact), under the model row's lock.
 */
export async function registerStepModel(db: TDatabase, params: TRegisterModelVersion): Promise<{ name: string; version: number }> {
  const { projectId, runId, artifact, modelName } = params;
  return db.transaction(async (tx) => {
    const now = Date.now();
    const [created] = await tx.insert(registeredModels).values({ projectId, name: modelName, creationTime: now, lastUpdatedTime: now }).onConflictDoNothing().returning({ id: registeredModels.id });
    if (created) await recordAudit(tx, { projectId, actor: PIPELINE_ACTOR, action: 'model.create', targetType: 'registered_model', targetId: created.id, details: { name: modelName, runId, nodeId: params.nodeId } });
    const [model] = await tx
      .select()
      .from(registeredModels)
      .where(and(eq(registeredModels.projectId, projectId), eq(registeredModels.name, modelName)))
      .for('update');
    const tracked = await trackedSource(tx, runId, artifact);
    const nodeId = tracked?.nodeId ?? artifact.fromNode;
    const [existing] = await tx
      .select({ version: modelVersions.version })
      .from(modelVersions)
      .where(and(eq(modelVersions.modelId, model!.id), eq(modelVersions.weftRunId, runId), eq(modelVersions.weftNodeId, nodeId), eq(modelVersions.artifactSha256, artifact.hash)));
    if (existing) return { name: modelName, version: existing.version };

    const [run] = await tx.select({ startedBy: runs.startedBy }).from(runs).where(eq(runs.id, runId));
    const [counted] = await tx
      .update(registeredModels)
      .set({ lastVersion: sql`${registeredModels.lastVersion} + 1`, lastUpdatedTime: now })
      .where(eq(registeredModels.id, model!.id))
      .returning({ lastVersion: registeredModels.lastVersion });
    const [version] = await tx
      .insert(modelVersions)
      .values({
        modelId: model!.id,
        version: counted!.lastVersion,
        // MLflow's form where the step logged a run; else Weft's own address of the step's output
        source: tracked ? `runs:/${tracked.runUuid}/${tracked.path}` : `weft:/runs/${runId}/${artifact.fromNode}/${artifact.name}`,
        runId: tracked?.runUuid ?? null,
        weftRunId: runId,
        weftNodeId: nodeId,
        artifactSha256: artifact.hash,
        description: '',
        userId: run?.startedBy ?? PIPELINE_ACTOR,
        creationTime: now,
        lastUpdatedTime: now,
      })
      .returning();
    const tags = new Map(params.tags.map((t) => [t.key, t.value]));
    if (tags.size) await tx.insert(modelVersionTags).values([...tags].map(([key, value]) => ({ versionId: version!.id, key, value })));
    await recordAudit(tx, {
      projectId,
      actor: PIPELINE_ACTOR,
      action: 'model.version.create',
      targetType: 'model_version',
      targetId: version!.id,
      details: { model: modelName, version: version!.version, runId, nodeId: params.nodeId, artifact: artifact.hash },
    });
    return { name: modelName, version: version!.version };
  });
}

/**
 * Where the registered bytes are in tracking: the first step of this run that logged these very
 * bytes as an MLflow artifact (a gate or condition between the step that wrote the model and the
 * Register step passes it on, and is not its source), else the tracking run (latest attempt) of
 * the step the artifact came from, at the artifact's name.
 */
async function trackedSource(tx: TDbOrTx, runId: string, artifact: TRegisterModelVersion['artifact']): Promise<{ runUuid: string; path: string; nodeId: string | null } | undefined> {
  const [logged] = await tx
    .select({ runUuid: trackingRuns.runUuid, path: trackingArtifacts.path, nodeId: trackingRuns.weftNodeId })
    .from(trackingArtifacts)
    .innerJoin(trackingRuns, eq(trackingRuns.runUuid, trackingArtifacts.runUuid))
    .where(and(eq(trackingRuns.weftRunId, runId), eq(trackingArtifacts.sha256, artifact.hash)))
    .orderBy(asc(trackingRuns.startTime), asc(trackingArtifacts.path))
    .limit(1);
  if (logged) return logged;
  const [tracked] = await tx
    .select({ runUuid: trackingRuns.runUuid })
    .from(trackingRuns)
    .where(and(eq(trackingRuns.weftRunId, runId), eq(trackingRuns.weftNodeId, artifact.fromNode)))
    .orderBy(desc(trackingRuns.weftAttempt))
    .limit(1);
  return tracked && { runUuid: tracked.runUuid, path: artifact.name, nodeId: artifact.fromNode };
}
