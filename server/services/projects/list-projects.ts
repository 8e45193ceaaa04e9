import { asc, count, eq } from 'drizzle-orm';
import { memberships, projects, teams } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';

/** Every project, archived ones included, with its team and member count (the Admin page). */
export async function listProjects(db: TDatabase) {
  const members = db.select({ projectId: memberships.projectId, members: count().as('members') }).from(memberships).groupBy(memberships.projectId).as('m');
  return db
    .select({
      id: projects.id,
      name: projects.name,
      slug: projects.slug,
      teamId: projects.teamId,
      team: teams.name,
      archivedAt: projects.archivedAt,
      createdAt: projects.createdAt,
      members: members.members,
    })
    .from(projects)
    .leftJoin(teams, eq(teams.id, projects.teamId))
    .leftJoin(members, eq(members.projectId, projects.id))
    .orderBy(asc(projects.archivedAt), asc(projects.name));
}
