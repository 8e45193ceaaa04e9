import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { pools, projects, teamMembers, teamPoolShares, teams, user } from '../../../drizzle/schema';
import type { TDatabase } from '../../db/client';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { TActor } from '../deps';

export const ZTeamNameSchema = z.string().trim().min(1, 'Name is required').max(80);
export const ZTeamShareSchema = z.object({
  teamId: z.uuid(),
  poolId: z.uuid(),
  /** fair share: a team of weight 3 gets about three times the dispatches of a team of weight 1 */
  weight: z.number().positive().max(1_000),
  /** the most GPUs the team holds on the pool at once; null for no cap */
  gpuQuota: z.number().int().min(0).max(10_000).nullable(),
});

/** Teams with their members, projects and pool shares (the Pools page's Teams section). */
export async function listTeams(db: TDatabase) {
  const [teamRows, members, projectRows, shares] = await Promise.all([
    db.select().from(teams).orderBy(asc(teams.name)),
    db.select({ teamId: teamMembers.teamId, userId: user.id, email: user.email, name: user.name }).from(teamMembers).innerJoin(user, eq(user.id, teamMembers.userId)).orderBy(asc(user.email)),
    db.select({ id: projects.id, name: projects.name, teamId: projects.teamId }).from(projects).where(isNull(projects.archivedAt)).orderBy(asc(projects.name)),
    db.select({ teamId: teamPoolShares.teamId, poolId: teamPoolShares.poolId, pool: pools.name, weight: teamPoolShares.weight, gpuQuota: teamPoolShares.gpuQuota }).from(teamPoolShares).innerJoin(pools, eq(pools.id, teamPoolShares.poolId)),
  ]);
  return {
    teams: teamRows.map((t) => ({
      id: t.id,
      name: t.name,
      members: members.filter((m) => m.teamId === t.id).map(({ teamId: _t, ...m }) => m),
      projects: projectRows.filter((p) => p.teamId === t.id).map(({ teamId: _t, ...p }) => p),
      shares: shares.filter((s) => s.teamId === t.id).map(({ teamId: _t, ...s }) => s),
    })),
    /** projects whose runs are attributed to no team ("unassigned") */
    unassignedProjects: projectRows.filter((p) => !p.teamId).map(({ teamId: _t, ...p }) => p),
  };
}

export async function createTeam(db: TDatabase, actor: TActor, params: { name: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(teams).values({ name: params.name }).onConflictDoNothing({ target: teams.name }).returning();
    if (!row) throw new AppError('CONFLICT', `A team named "${params.name}" exists already`);
    await recordAudit(tx, { projectId: null, actor: actor.userId, action: 'team.create', targetType: 'team', targetId: row.id, details: { name: params.name } });
    return { id: row.id };
  });
}

/** Adds (by email) or removes a member. */
export async function changeTeamMember(db: TDatabase, actor: TActor, params: { teamId: string; email: string; member: boolean }) {
  return db.transaction(async (tx) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, params.teamId));
    if (!team) throw notFound('Team');
    const [found] = await tx.select({ id: user.id }).from(user).where(eq(user.email, params.email.toLowerCase()));
    if (!found) throw new AppError('NOT_FOUND', `No user with the email ${params.email}`);
    if (params.member) await tx.insert(teamMembers).values({ teamId: params.teamId, userId: found.id }).onConflictDoNothing();
    else await tx.delete(teamMembers).where(and(eq(teamMembers.teamId, params.teamId), eq(teamMembers.userId, found.id)));
    await recordAudit(tx, { projectId: null, actor: actor.userId, action: params.member ? 'team.add_member' : 'team.remove_member', targetType: 'team', targetId: params.teamId, details: { userId: found.id } });
  });
}

/** Attributes a project's runs to a team (or to none); runs begun after the change follow it. */
export async function assignProjectTeam(db: TDatabase, actor: TActor, params: { projectId: string; teamId: string | null }) {
  return db.transaction(async (tx) => {
    const [project] = await tx.update(projects).set({ teamId: params.teamId }).where(eq(projects.id, params.projectId)).returning({ id: projects.id });
    if (!project) throw notFound('Project');
    await recordAudit(tx, { projectId: params.projectId, actor: actor.userId, action: 'project.assign_team', targetType: 'project', targetId: params.projectId, details: { teamId: params.teamId } });
  });
}

/** Sets a team's weight and GPU quota on a pool; runs begun after the change use them. */
export async function setTeamShare(db: TDatabase, actor: TActor, share: z.infer<typeof ZTeamShareSchema>) {
  return db.transaction(async (tx) => {
    const values = { teamId: share.teamId, poolId: share.poolId, weight: share.weight, gpuQuota: share.gpuQuota };
    const [pool] = await tx.select({ kind: pools.kind }).from(pools).where(eq(pools.id, share.poolId));
    if (!pool) throw notFound('Pool');
    if (pool.kind === 'cpu' && share.gpuQuota !== null) throw new AppError('BAD_REQUEST', 'A CPU pool has no GPUs to put a quota on');
    await tx.insert(teamPoolShares).values(values).onConflictDoUpdate({ target: [teamPoolShares.teamId, teamPoolShares.poolId], set: { weight: share.weight, gpuQuota: share.gpuQuota } });
    await recordAudit(tx, { projectId: null, actor: actor.userId, action: 'team.set_share', targetType: 'team', targetId: share.teamId, details: values });
  });
}
