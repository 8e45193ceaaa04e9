import { asc, eq } from 'drizzle-orm';
import { memberships, projects } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';

export async function listMyProjects(db: TDatabase, userId: string) {
  return db
    .select({ id: projects.id, name: projects.name, slug: projects.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(projects, eq(projects.id, memberships.projectId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(projects.name));
}
