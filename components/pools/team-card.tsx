'use client';

import { TeamMembers } from './team-members';
import { TeamProjects } from './team-projects';
import { TeamShares, type TSharePool } from './team-shares';
import type { TTeam, TTeamList } from './use-teams';

/** One team: who is in it, whose runs it owns, and its share of each pool. */
export function TeamCard({ team, list, pools, poolsEmpty }: { team: TTeam; list: TTeamList; pools: TSharePool[]; poolsEmpty: string | null }) {
  return (
    <article className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={`team-card-${team.name}`}>
      <h3 className="font-medium">{team.name}</h3>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <TeamMembers team={team} />
        <TeamProjects team={team} list={list} />
      </div>
      <div className="space-y-2">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Pool shares</h4>
        <TeamShares team={team} pools={pools} empty={poolsEmpty} />
      </div>
    </article>
  );
}
