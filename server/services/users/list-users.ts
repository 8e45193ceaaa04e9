import { asc, count, eq } from 'drizzle-orm';
import { memberships, platformAdmins, user } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';

/** Every account with its standing (the Admin page); at most `limit`, by e-mail address. */
export async function listUsers(db: TDatabase, limit = 1_000) {
  const projectCounts = db.select({ userId: memberships.userId, projects: count().as('projects') }).from(memberships).groupBy(memberships.userId).as('p');
  const rows = await db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      disabledAt: user.disabledAt,
      createdAt: user.createdAt,
      platformAdmin: platformAdmins.userId,
      projects: projectCounts.projects,
    })
    .from(user)
    .leftJoin(platformAdmins, eq(platformAdmins.userId, user.id))
    .leftJoin(projectCounts, eq(projectCounts.userId, user.id))
    .orderBy(asc(user.email))
    .limit(limit);
  return rows.map((r) => ({ ...r, platformAdmin: r.platformAdmin !== null, projects: r.projects ?? 0 }));
}
