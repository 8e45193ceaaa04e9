import { and, asc, eq, isNull } from 'drizzle-orm';
import { memberships, projects } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';

/** The live projects the user is a member of, with their role (archived ones are gone from every list). */
export async function listMyProjects(db: TDatabase, userId: string) {
  return db
    .select({ id: projects.id, name: projects.name, slug: projects.slug, role: memberships.role })
    .from(memberships)
    .innerJoin(projects, eq(projects.id, memberships.projectId))
    .where(and(eq(memberships.userId, userId), isNull(projects.archivedAt)))
    .orderBy(asc(projects.name));
}
