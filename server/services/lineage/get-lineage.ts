import type { TDatabase } from '../../db/client';
import { findProjectVersion } from '../registry/find-project-version';
import { collectLineageFacts } from './lineage-facts';
import { assembleLineage, lineageId, type TLineageGraph } from './lineage-graph';

export type TLineageFrom = { model: { name: string; version: number } } | { artifact: string };

/** The lineage graph around a model version or an artifact of the project (the caller may read it: checked by its procedure). */
export async function getLineage(db: TDatabase, params: { projectId: string; from: TLineageFrom }): Promise<TLineageGraph> {
  if ('artifact' in params.from) {
    const { facts, truncated } = await collectLineageFacts(db, params.projectId, { artifact: params.from.artifact });
    return assembleLineage(facts, lineageId.artifact(params.from.artifact), truncated);
  }
  const { version } = await findProjectVersion(db, { projectId: params.projectId, ...params.from.model });
  const { facts, truncated } = await collectLineageFacts(db, params.projectId, { versionId: version.id });
  return assembleLineage(facts, lineageId.version(version.id), truncated);
}
