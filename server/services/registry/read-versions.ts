import { and, desc, eq, inArray } from 'drizzle-orm';
import { modelAliases, modelVersions, trackingRuns } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import type { TTrackingCaller } from '../tracking/tracking-access';
import { findModel, findVersion } from './find-model';
import { versionJson, versionsJson } from './registry-json';
import { canonicalStage } from './transition-stage';

/** model-versions/get */
export async function getVersion(db: TDatabase, caller: TTrackingCaller, ref: { name: string; version: number }) {
  const { model, version } = await findVersion(db, caller, ref.name, ref.version, 'read');
  return versionJson(db, model, version);
}

/** registered-models/alias (GET): the version an alias names. */
export async function getVersionByAlias(db: TDatabase, caller: TTrackingCaller, ref: { name: string; alias: string }) {
  const model = await findModel(db, caller, ref.name, 'read');
  const [row] = await db
    .select({ version: modelVersions })
    .from(modelAliases)
    .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
    .where(and(eq(modelAliases.modelId, model.id), eq(modelAliases.alias, ref.alias)));
  if (!row) throw new AppError('NOT_FOUND', `Registered model alias ${ref.alias} not found`);
  return versionJson(db, model, row.version);
}

/** registered-models/get-latest-versions: the latest version in each stage asked for (every stage when none is). */
export async function getLatestVersions(db: TDatabase, caller: TTrackingCaller, body: { name: string; stages: string[] }) {
  const model = await findModel(db, caller, body.name, 'read');
  const wanted = body.stages.map((s) => canonicalStage(s) ?? s);
  const latest = await db
    .selectDistinctOn([modelVersions.currentStage])
    .from(modelVersions)
    .where(and(eq(modelVersions.modelId, model.id), wanted.length ? inArray(modelVersions.currentStage, wanted) : undefined))
    .orderBy(modelVersions.currentStage, desc(modelVersions.version));
  return { model_versions: await versionsJson(db, () => model.name, latest) };
}

/** model-versions/get-download-uri: a runs:/ source resolves to its run's artifact location; others are their own. */
export async function getDownloadUri(db: TDatabase, caller: TTrackingCaller, ref: { name: string; version: number }) {
  const { version } = await findVersion(db, caller, ref.name, ref.version, 'read');
  const runPath = version.source.match(/^runs:\/([\w-]+)\/?(.*)$/);
  if (!runPath) return { artifact_uri: version.source };
  const [run] = await db.select({ artifactUri: trackingRuns.artifactUri }).from(trackingRuns).where(eq(trackingRuns.runUuid, runPath[1]!));
  if (!run) throw new AppError('NOT_FOUND', `Run ${runPath[1]} of ${ref.name} version ${ref.version} not found`);
  return { artifact_uri: runPath[2] ? `${run.artifactUri.replace(/\/$/, '')}/${runPath[2]}` : run.artifactUri };
}
