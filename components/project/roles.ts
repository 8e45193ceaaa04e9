import type { ROLES } from '@/drizzle/schema/projects';

export type TRole = (typeof ROLES)[number];

// Same order as the server's roleRank (each role can do what the ones before it can); keyed by
// TRole so that a new role fails the typecheck here instead of silently ranking 0.
const RANK: Record<TRole, number> = { viewer: 0, editor: 1, approver: 2, admin: 3 };

/** The roles in rank order (for pickers), from RANK so that the client bundle needs no drizzle schema. */
export const ROLES_BY_RANK = (Object.keys(RANK) as TRole[]).sort((a, b) => RANK[a] - RANK[b]);

export const roleAtLeast = (role: TRole, min: TRole) => RANK[role] >= RANK[min];

/** What the UI offers a role; the server checks every request anyway. */
export function capabilities(role: TRole) {
  return {
    canEdit: roleAtLeast(role, 'editor'),
    canRun: roleAtLeast(role, 'editor'),
    canSchedule: roleAtLeast(role, 'editor'),
    canApprove: roleAtLeast(role, 'approver'),
    canManageMembers: roleAtLeast(role, 'admin'),
  };
}
