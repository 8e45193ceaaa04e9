export type TProjectRef = { id: string; name: string };
export type TProjectChoice = TProjectRef & { from: string };

/**
 * The projects a team could take over: every other team's and the unassigned ones, each with
 * where it is now, so that moving a project away from a team is a visible choice.
 */
export function movableProjects(
  list: { teams: { id: string; name: string; projects: TProjectRef[] }[]; unassignedProjects: TProjectRef[] },
  teamId: string,
): TProjectChoice[] {
  const fromTeams = list.teams.filter((t) => t.id !== teamId).flatMap((t) => t.projects.map((p) => ({ ...p, from: t.name })));
  const unassigned = list.unassignedProjects.map((p) => ({ ...p, from: 'unassigned' }));
  return [...fromTeams, ...unassigned].sort((a, b) => a.name.localeCompare(b.name) || a.from.localeCompare(b.from));
}
