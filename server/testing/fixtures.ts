import { randomUUID } from 'node:crypto';
import { memberships, platformAdmins, projects, teams, user } from '../../drizzle/schema';
import type { TPipelineSpec } from '../../workflows/dsl';
import type { TSessionUser } from '../auth/session';
import type { TDatabase } from '../db/client';
import type { TRole } from '../services/access/roles';

export type TTestMembers = Record<'viewer' | 'editor' | 'approver' | 'approver2' | 'admin' | 'outsider', TSessionUser>;

const ROLES_OF: Record<keyof TTestMembers, TRole | null> = {
  viewer: 'viewer',
  editor: 'editor',
  approver: 'approver',
  approver2: 'approver',
  admin: 'admin',
  outsider: null,
};

/** A project of its own team with one user per role (and one outsider with no role); its admin is a platform admin. */
export async function seedMembers(db: TDatabase): Promise<{ projectId: string; teamId: string; members: TTestMembers }> {
  const [team] = await db.insert(teams).values({ name: `Test team ${randomUUID().slice(0, 8)}` }).returning({ id: teams.id });
  const [project] = await db.insert(projects).values({ name: 'Test project', slug: `test-${randomUUID()}`, teamId: team!.id }).returning({ id: projects.id });
  const members = {} as TTestMembers;
  for (const [key, role] of Object.entries(ROLES_OF) as [keyof TTestMembers, TRole | null][]) {
    const member = { id: randomUUID(), name: `Test ${key}`, email: `${key}-${randomUUID().slice(0, 8)}@test.local` };
    await db.insert(user).values(member);
    if (role) await db.insert(memberships).values({ projectId: project!.id, userId: member.id, role });
    if (role === 'admin') await db.insert(platformAdmins).values({ userId: member.id });
    members[key] = member;
  }
  return { projectId: project!.id, teamId: team!.id, members };
}

/** A linear pipeline of nodes given as [id, kind, config] (each connected to the previous one). */
export function chainSpec(nodes: [string, string, Record<string, unknown>, Partial<TPipelineSpec['nodes'][number]>?][]): TPipelineSpec {
  return {
    nodes: nodes.map(([id, kind, config, extra], i) => ({ id, kind, label: id, config, position: { x: i * 250, y: 0 }, ...extra })),
    edges: nodes.slice(1).map(([id], i) => ({ id: `e${i}`, source: nodes[i]![0], sourcePort: 'out', target: id, targetPort: 'in' })),
    parameters: {},
    maxParallelism: 8,
  };
}

/** `width` no-op steps on `pool`, all allowed at once, so that they wait in the pool's backlog together. */
export function wideSpec(pool: string, width: number, sleepMs: number, gpus = 0): TPipelineSpec {
  const nodes = Array.from({ length: width }, (_, i) => ({
    id: `s${i}`,
    kind: 'noop',
    label: '',
    config: { sleepMs },
    position: { x: 0, y: i * 50 },
    cache: false,
    resources: { pool, ...(gpus ? { gpus } : {}) },
  }));
  return { nodes, edges: [], parameters: {}, maxParallelism: width };
}
