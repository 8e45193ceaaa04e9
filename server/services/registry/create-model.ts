import type { z } from 'zod';
import { registeredModels, registeredModelTags } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import { callerProject, requireTrackingAccess, type TTrackingCaller } from '../tracking/tracking-access';
import { modelJson } from './registry-json';
import type { ZCreateModelSchema } from './requests';

/** registered-models/create: a new model of the caller's project; its protected aliases start as the default (champion). */
export async function createModel(db: TDatabase, caller: TTrackingCaller, body: z.infer<typeof ZCreateModelSchema>) {
  const projectId = callerProject(caller);
  await requireTrackingAccess(db, caller, projectId, 'write', 'Project');
  return db.transaction(async (tx) => {
    const now = Date.now();
    const [model] = await tx
      .insert(registeredModels)
      .values({ projectId, name: body.name, description: body.description, creationTime: now, lastUpdatedTime: now })
      .onConflictDoNothing()
      .returning();
    if (!model) throw new AppError('CONFLICT', `Registered Model (name=${body.name}) already exists`);
    const tags = new Map(body.tags.map((t) => [t.key, t.value]));
    if (tags.size) await tx.insert(registeredModelTags).values([...tags].map(([key, value]) => ({ modelId: model.id, key, value })));
    await recordAudit(tx, { projectId, actor: caller.userId, action: 'model.create', targetType: 'registered_model', targetId: model.id, details: { name: model.name } });
    return modelJson(tx, model);
  });
}
