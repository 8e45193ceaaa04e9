import { eq } from 'drizzle-orm';
import { memberships, projects, teams } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TActor } from '../deps';
import type { TCreateProject } from './project-input';

/** A new project; the platform admin who creates it is its first admin (a project always has one). */
export async function createProject(db: TDatabase, actor: TActor, params: TCreateProject) {
  return db.transaction(async (tx) => {
    if (params.teamId) {
      const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, params.teamId));
      if (!team) throw new AppError('NOT_FOUND', 'teamId: no such team');
    }
    const [row] = await tx.insert(projects).values(params).onConflictDoNothing({ target: projects.slug }).returning({ id: projects.id });
    if (!row) throw new AppError('CONFLICT', `slug: a project with the slug "${params.slug}" exists already`);
    await tx.insert(memberships).values({ projectId: row.id, userId: actor.userId, role: 'admin' });
    await recordAudit(tx, { projectId: row.id, actor: actor.userId, action: 'project.create', targetType: 'project', targetId: row.id, details: params });
    return { id: row.id };
  });
}
