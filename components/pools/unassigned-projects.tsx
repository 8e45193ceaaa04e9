'use client';

import { ErrorText } from '@/components/ui/error-text';
import { Select } from '@/components/ui/field';
import { Table, TD } from './table';
import { useAssignProject, type TTeamList } from './use-teams';

/** Projects of no team: their runs compete as one group, "unassigned", at the default weight and uncapped. */
export function UnassignedProjects({ list }: { list: TTeamList }) {
  const assign = useAssignProject();
  const noTeams = list.teams.length === 0;
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="unassigned-projects">
      <h3 className="text-sm font-semibold">Unassigned projects</h3>
      <Table headers={['Project', 'Team']} empty={list.unassignedProjects.length === 0 ? 'Every project belongs to a team.' : null}>
        {list.unassignedProjects.map((p) => (
          <tr key={p.id}>
            <td className={TD}>{p.name}</td>
            <td className={TD}>
              {/* stays on the placeholder: choosing a team assigns the project at once */}
              <Select
                value=""
                disabled={assign.isPending || noTeams}
                onChange={(e) => {
                  if (e.target.value) assign.mutate({ projectId: p.id, teamId: e.target.value });
                }}
                aria-label={`Team of ${p.name}`}
                className="max-w-64"
              >
                <option value="">{noTeams ? 'Create a team first' : 'Assign to a team…'}</option>
                {list.teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </Select>
            </td>
          </tr>
        ))}
      </Table>
      <ErrorText error={assign.error} />
    </div>
  );
}
