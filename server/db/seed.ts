import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { account, memberships, platformAdmins, projects, teamMembers, teams, user } from '../../drizzle/schema';
import type { TRole } from '../services/access/roles';
import { createPipeline } from '../services/pipelines/create-pipeline';
import { saveVersion } from '../services/pipelines/save-version';
import type { TDatabase } from './client';
import { exampleSpec } from './example-pipeline';

export type TSeededUser = { email: string; password: string; role: TRole };

const SEED_USERS: { name: string; email: string; role: TRole }[] = [
  { name: 'Ada Admin', email: 'admin@weft.local', role: 'admin' },
  { name: 'Alan Approver', email: 'approver@weft.local', role: 'approver' },
  { name: 'Eve Editor', email: 'editor@weft.local', role: 'editor' },
];

/**
 * First start only: the example project, three users (one per role that matters) and the
 * example pipeline with a saved version. Returns the users' passwords so the caller can print them once.
 */
export async function seedIfEmpty(db: TDatabase, opts: { password?: string } = {}): Promise<TSeededUser[] | undefined> {
  const existing = await db.select({ id: projects.id }).from(projects).limit(1);
  if (existing.length > 0) return undefined;

  const seeded: TSeededUser[] = [];
  const { projectId, userIds } = await db.transaction(async (tx) => {
    const [team] = await tx.insert(teams).values({ name: 'Example team' }).returning({ id: teams.id });
    const [project] = await tx.insert(projects).values({ name: 'Example project', slug: 'example', teamId: team!.id }).returning({ id: projects.id });
    const userIds: Record<string, string> = {};
    for (const member of SEED_USERS) {
      const id = randomUUID();
      const password = opts.password ?? randomBytes(9).toString('base64url');
      await tx.insert(user).values({ id, name: member.name, email: member.email, emailVerified: true });
      await tx.insert(account).values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: await hashPassword(password) });
      await tx.insert(memberships).values({ projectId: project!.id, userId: id, role: member.role });
      await tx.insert(teamMembers).values({ teamId: team!.id, userId: id });
      // the admin also manages the platform (pools, teams)
      if (member.role === 'admin') await tx.insert(platformAdmins).values({ userId: id });
      userIds[member.role] = id;
      seeded.push({ email: member.email, password, role: member.role });
    }
    return { projectId: project!.id, userIds };
  });

  const editorId = userIds.editor!;
  const { id: pipelineId } = await createPipeline(db, { projectId, name: 'Train and approve', description: 'Train a classifier, approve it, deploy it.', draft: exampleSpec, userId: editorId });
  await saveVersion(db, { projectId, pipelineId, spec: exampleSpec, message: 'Example pipeline', userId: editorId });
  return seeded;
}
