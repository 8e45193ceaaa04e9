import { eq } from 'drizzle-orm';
import { projects } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { ARCHIVED_MESSAGE } from '../access/roles';
import { recordAudit } from '../audit/record-audit';
import type { TActor } from '../deps';
import { lockProject } from './lock-project';

export async function renameProject(db: TDatabase, actor: TActor, params: { projectId: string; name: string }) {
  return db.transaction(async (tx) => {
    const project = await lockProject(tx, params.projectId);
    if (project.archivedAt) throw new AppError('CONFLICT', ARCHIVED_MESSAGE);
    if (project.name === params.name) return;
    await tx.update(projects).set({ name: params.name }).where(eq(projects.id, params.projectId));
    await recordAudit(tx, { projectId: params.projectId, actor: actor.userId, action: 'project.rename', targetType: 'project', targetId: params.projectId, details: { from: project.name, to: params.name } });
  });
}
