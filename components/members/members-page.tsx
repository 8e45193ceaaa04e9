'use client';

import { useProject } from '@/components/project/project-context';
import { ErrorText } from '@/components/ui/error-text';
import { InvitationList } from './invitation-list';
import { InviteForm } from './invite-form';
import { MemberRow } from './member-row';
import { useMembers } from './use-members';

/** The project's people: every member sees them; its admins invite, change roles and remove. */
export function MembersPage() {
  const { project, canManageMembers } = useProject();
  const members = useMembers(project.id);
  return (
    <main className="mx-auto max-w-4xl space-y-6 p-6">
      <div>
        <h1 className="text-lg font-semibold">Members of {project.name}</h1>
        <p className="text-sm text-slate-500">Viewers read; editors build, run and schedule; approvers also decide approvals; admins also manage members.</p>
      </div>
      {canManageMembers ? (
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="text-sm font-semibold">Invite a colleague</h2>
          <InviteForm projectId={project.id} />
        </section>
      ) : null}
      <section className="space-y-2">
        <h2 className="text-sm font-semibold">Members</h2>
        <ErrorText error={members.error} />
        {members.isPending ? <p className="text-sm text-slate-500">Loading…</p> : null}
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white" data-testid="members">
          {members.data?.map((m) => <MemberRow key={m.userId} projectId={project.id} member={m} canManage={canManageMembers} />)}
        </ul>
      </section>
      {canManageMembers ? <InvitationList projectId={project.id} /> : null}
    </main>
  );
}
