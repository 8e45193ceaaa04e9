'use client';

import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Select } from '@/components/ui/field';
import { movableProjects } from './project-choices';
import { useAssignProject, type TTeam, type TTeamList } from './use-teams';

/** The projects whose runs count as the team's (its shares and quotas), and a way to move one here. */
export function TeamProjects({ team, list }: { team: TTeam; list: TTeamList }) {
  const assign = useAssignProject();
  const choices = movableProjects(list, team.id);
  return (
    <div className="space-y-2">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Projects</h4>
      {team.projects.length === 0 ? (
        <p className="text-sm text-slate-500">No projects yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {team.projects.map((p) => (
            <li key={p.id} className="flex items-center gap-2 px-3 py-1 text-sm">
              <span className="min-w-0 flex-1 truncate">{p.name}</span>
              <Button variant="ghost" disabled={assign.isPending} onClick={() => assign.mutate({ projectId: p.id, teamId: null })}>
                Unassign
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Field label="Move a project here" hint="Runs begun after the move count as this team's.">
        {/* stays on the placeholder: choosing a project moves it at once */}
        <Select
          value=""
          disabled={assign.isPending || choices.length === 0}
          onChange={(e) => {
            if (e.target.value) assign.mutate({ projectId: e.target.value, teamId: team.id });
          }}
        >
          <option value="">{choices.length === 0 ? 'No other project' : 'Choose a project…'}</option>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} (from {p.from})
            </option>
          ))}
        </Select>
      </Field>
      <ErrorText error={assign.error} />
    </div>
  );
}
