import { and, asc, desc, eq, like, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  approvals,
  modelAliases,
  modelVersionTags,
  stepArtifacts,
  stepMetrics,
  trackingArtifacts,
  trackingDatasets,
  trackingInputs,
  trackingLatestMetrics,
  trackingParams,
  trackingRuns,
  user,
} from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { findProjectVersion } from './find-project-version';
import { versionOrigin } from './version-origin';

const requester = alias(user, 'requester');
const decider = alias(user, 'decider');

/** Where a version's files are among its run's artifacts: `runs:/<run>/<path>` names a path under the run's root. */
const runSourcePath = (source: string) => source.match(/^runs:\/[\w-]+\/(.+)$/)?.[1]?.replace(/\/+$/, '');
const MAX_FILES = 50;

/**
 * A model version's card: where it came from (tracking run, Weft run and step, pipeline version,
 * code hash), what it is (artifact, files), how good it was (its source run's metrics and params),
 * what it learned from (datasets, input hashes) and who promoted it, when.
 */
export async function versionCard(db: TDatabase, params: { projectId: string; name: string; version: number }) {
  const { model, version } = await findProjectVersion(db, params);
  const [registeredBy] = await db.select({ name: user.name }).from(user).where(eq(user.id, version.userId));
  const tags = await db.select({ key: modelVersionTags.key, value: modelVersionTags.value }).from(modelVersionTags).where(eq(modelVersionTags.versionId, version.id)).orderBy(asc(modelVersionTags.key));
  const aliases = await db.select({ alias: modelAliases.alias }).from(modelAliases).where(eq(modelAliases.versionId, version.id)).orderBy(asc(modelAliases.alias));
  const [run] = version.runId ? await db.select().from(trackingRuns).where(eq(trackingRuns.runUuid, version.runId)) : [];
  const origin = await versionOrigin(db, { weftRunId: version.weftRunId ?? run?.weftRunId ?? null, nodeId: version.weftNodeId ?? run?.weftNodeId ?? null });

  const runMetrics = run ? await db.select({ key: trackingLatestMetrics.key, value: trackingLatestMetrics.value }).from(trackingLatestMetrics).where(eq(trackingLatestMetrics.runUuid, run.runUuid)) : [];
  // a step that logged no tracking run still reported its metrics to Weft
  const metrics = runMetrics.length || !origin ? runMetrics : await db.select({ key: stepMetrics.key, value: stepMetrics.value }).from(stepMetrics).where(and(eq(stepMetrics.runId, origin.runId), eq(stepMetrics.nodeId, origin.nodeId)));
  const runParams = run ? await db.select({ key: trackingParams.key, value: trackingParams.value }).from(trackingParams).where(eq(trackingParams.runUuid, run.runUuid)).orderBy(asc(trackingParams.key)) : [];
  const datasets = run
    ? await db
        .select({ name: trackingDatasets.name, digest: trackingDatasets.digest, source: trackingDatasets.source, sourceType: trackingDatasets.sourceType, tags: trackingInputs.tags })
        .from(trackingInputs)
        .innerJoin(trackingDatasets, eq(trackingDatasets.id, trackingInputs.datasetId))
        .where(eq(trackingInputs.runUuid, run.runUuid))
    : [];
  const stepInputs = origin
    ? await db
        .select({ name: stepArtifacts.name, hash: stepArtifacts.hash, size: stepArtifacts.size })
        .from(stepArtifacts)
        .where(and(eq(stepArtifacts.runId, origin.runId), eq(stepArtifacts.nodeId, origin.nodeId), eq(stepArtifacts.direction, 'input')))
    : [];
  // (the step that wrote it names it: the same bytes elsewhere may be another project's)
  const [artifact] =
    version.artifactSha256 && version.weftRunId && version.weftNodeId
      ? await db
          .select({ name: stepArtifacts.name, size: stepArtifacts.size })
          .from(stepArtifacts)
          .where(and(eq(stepArtifacts.runId, version.weftRunId), eq(stepArtifacts.nodeId, version.weftNodeId), eq(stepArtifacts.direction, 'output'), eq(stepArtifacts.hash, version.artifactSha256)))
          .limit(1)
      : [];
  const path = runSourcePath(version.source);
  const files =
    run && path
      ? await db
          .select({ path: trackingArtifacts.path, size: trackingArtifacts.size, sha256: trackingArtifacts.sha256 })
          .from(trackingArtifacts)
          .where(and(eq(trackingArtifacts.runUuid, run.runUuid), or(eq(trackingArtifacts.path, path), like(trackingArtifacts.path, `${path.replace(/[%_\\]/g, '\\$&')}/%`))))
          .orderBy(asc(trackingArtifacts.path))
          .limit(MAX_FILES)
      : [];
  const promotions = await db
    .select({ id: approvals.id, alias: approvals.alias, status: approvals.status, requestedBy: requester.name, decidedBy: decider.name, createdAt: approvals.createdAt, decidedAt: approvals.decidedAt, comment: approvals.comment })
    .from(approvals)
    .leftJoin(requester, eq(requester.id, approvals.requestedBy))
    .leftJoin(decider, eq(decider.id, approvals.decidedBy))
    .where(eq(approvals.modelVersionId, version.id))
    .orderBy(desc(approvals.createdAt));

  return {
    model: { name: model.name, protectedAliases: model.protectedAliases },
    version: version.version,
    description: version.description,
    source: version.source,
    createdAt: new Date(version.creationTime),
    registeredBy: registeredBy?.name ?? version.userId,
    tags,
    aliases: aliases.map((a) => a.alias),
    trackingRun: run ? { runUuid: run.runUuid, name: run.name, status: run.status, attempt: run.weftAttempt } : null,
    origin,
    artifact: version.artifactSha256 ? { sha256: version.artifactSha256, name: artifact?.name ?? null, size: artifact?.size ?? null } : null,
    files,
    metrics: metrics.sort((a, b) => a.key.localeCompare(b.key)),
    params: runParams,
    datasets,
    stepInputs,
    promotions,
  };
}
