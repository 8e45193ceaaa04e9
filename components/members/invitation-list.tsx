'use client';

import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Time } from '@/components/ui/time';
import { useInvitations, useRevokeInvitation } from './use-members';

/** Invitations not yet accepted, revoked or expired; a revoked link stops working at once. */
export function InvitationList({ projectId }: { projectId: string }) {
  const invitations = useInvitations(projectId);
  const revoke = useRevokeInvitation();
  return (
    <div className="space-y-2" data-testid="pending-invitations">
      <h2 className="text-sm font-semibold">Pending invitations</h2>
      <ErrorText error={invitations.error ?? revoke.error} />
      {invitations.data?.length === 0 ? <p className="text-sm text-slate-500">None.</p> : null}
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
        {invitations.data?.map((i) => (
          <li key={i.id} className="flex items-center gap-3 px-3 py-2 text-sm">
            <span className="min-w-0 flex-1 truncate">
              {i.email} <span className="text-slate-500">as {i.role}</span>
            </span>
            <span className="text-xs text-slate-500">
              expires <Time value={i.expiresAt} />
            </span>
            <Button variant="ghost" disabled={revoke.isPending} onClick={() => revoke.mutate({ projectId, invitationId: i.id })}>
              Revoke
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
