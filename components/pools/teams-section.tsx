'use client';

import { ErrorText } from '@/components/ui/error-text';
import { NewTeamForm } from './new-team-form';
import { TeamCard } from './team-card';
import { UnassignedProjects } from './unassigned-projects';
import { usePoolsOverview } from './use-pools-overview';
import { useTeams } from './use-teams';

/** What the share tables say instead of rows while the pools are not there. */
function poolsNote(overview: ReturnType<typeof usePoolsOverview>): string | null {
  if (overview.data) return overview.data.length === 0 ? 'No pools yet.' : null;
  return overview.isError ? 'The pools did not load (see above).' : 'Loading pools…';
}

/** Who shares the pools and how: teams, their members and projects, and each team's weight and GPU quota per pool. */
export function TeamsSection() {
  const teams = useTeams();
  // the same query (and 5 s poll) as the pool cards above, so the share rows cost no request
  const overview = usePoolsOverview();
  const poolsEmpty = poolsNote(overview);
  return (
    <section className="space-y-3" data-testid="teams">
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="space-y-1">
          <h2 className="text-sm font-semibold">Teams</h2>
          <p className="text-xs text-slate-500">
            Weight: fair share of dispatches when teams compete for a pool (3 vs 1 ≈ 3:1). GPU quota: the most GPUs the team&apos;s steps hold at once on the
            pool; further steps wait, shown as &apos;waiting for team quota&apos;.
          </p>
        </div>
        <NewTeamForm />
      </div>
      <ErrorText error={teams.error} />
      {teams.isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
      {teams.data?.teams.length === 0 ? <p className="text-sm text-slate-500">No teams yet.</p> : null}
      {teams.data ? (
        <>
          <ul className="space-y-3">
            {teams.data.teams.map((team) => (
              <li key={team.id}>
                <TeamCard team={team} list={teams.data} pools={overview.data ?? []} poolsEmpty={poolsEmpty} />
              </li>
            ))}
          </ul>
          <UnassignedProjects list={teams.data} />
        </>
      ) : null}
    </section>
  );
}
