import { eq } from 'drizzle-orm';
import { registeredModels } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TTrackingCaller } from '../tracking/tracking-access';
import { findModel } from './find-model';
import { modelJson } from './registry-json';

export type TModelChange = { kind: 'rename'; newName: string } | { kind: 'describe'; description: string } | { kind: 'delete' };

/** registered-models/rename, update and delete; a rename keeps names unique per project, a delete takes versions, tags, aliases and open promotions with it. */
export async function changeModel(db: TDatabase, caller: TTrackingCaller, name: string, change: TModelChange) {
  const model = await findModel(db, caller, name, 'write');
  return db.transaction(async (tx) => {
    if (change.kind === 'delete') {
      await tx.delete(registeredModels).where(eq(registeredModels.id, model.id));
      await recordAudit(tx, { projectId: model.projectId, actor: caller.userId, action: 'model.delete', targetType: 'registered_model', targetId: model.id, details: { name } });
      return {};
    }
    const set = change.kind === 'rename' ? { name: change.newName } : { description: change.description };
    const [row] = await tx
      .update(registeredModels)
      .set({ ...set, lastUpdatedTime: Date.now() })
      .where(eq(registeredModels.id, model.id))
      .returning()
      .catch((error: unknown) => {
        if (change.kind === 'rename' && isUniqueViolation(error)) throw new AppError('CONFLICT', `Registered Model (name=${change.newName}) already exists`);
        throw error;
      });
    if (change.kind === 'rename') {
      await recordAudit(tx, { projectId: model.projectId, actor: caller.userId, action: 'model.rename', targetType: 'registered_model', targetId: model.id, details: { from: name, to: change.newName } });
    }
    return modelJson(tx, row!);
  });
}
