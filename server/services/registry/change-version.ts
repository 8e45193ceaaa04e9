import { eq } from 'drizzle-orm';
import { modelVersions } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { recordAudit } from '../audit/record-audit';
import type { TTrackingCaller } from '../tracking/tracking-access';
import { findVersion } from './find-model';
import { versionJson } from './registry-json';

/** model-versions/update (its description) and delete (its tags, aliases and open promotions go with it). */
export async function changeVersion(db: TDatabase, caller: TTrackingCaller, ref: { name: string; version: number }, change: { kind: 'describe'; description: string } | { kind: 'delete' }) {
  const { model, version } = await findVersion(db, caller, ref.name, ref.version, 'write');
  if (change.kind === 'describe') {
    const [row] = await db.update(modelVersions).set({ description: change.description, lastUpdatedTime: Date.now() }).where(eq(modelVersions.id, version.id)).returning();
    return versionJson(db, model, row!);
  }
  return db.transaction(async (tx) => {
    await tx.delete(modelVersions).where(eq(modelVersions.id, version.id));
    await recordAudit(tx, { projectId: model.projectId, actor: caller.userId, action: 'model.version.delete', targetType: 'model_version', targetId: version.id, details: { model: model.name, version: version.version } });
    return {};
  });
}
