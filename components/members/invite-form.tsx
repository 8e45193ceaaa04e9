'use client';

import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input } from '@/components/ui/field';
import type { TRole } from '@/components/project/roles';
import { RoleSelect } from './role-select';
import { useInvite } from './use-members';

/** Invites an e-mail address with a role; the link is shown here once (only its hash is kept), and mailed when SMTP is set up. */
export function InviteForm({ projectId }: { projectId: string }) {
  const invite = useInvite();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    invite.mutate({ projectId, email: String(form.get('email') ?? '').trim(), role: String(form.get('role')) as TRole });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="invite-form">
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-72">
          <Field label="E-mail address">
            <Input name="email" type="email" required maxLength={254} placeholder="colleague@example.com" />
          </Field>
        </div>
        <div className="w-36">
          <Field label="Role">
            <RoleSelect name="role" defaultValue="viewer" />
          </Field>
        </div>
        <Button type="submit" variant="primary" disabled={invite.isPending}>
          Invite
        </Button>
      </div>
      <ErrorText error={invite.error} />
      {invite.data ? (
        <div className="space-y-1 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="invitation-link">
          <p>
            {invite.data.mailed ? 'Mailed. ' : ''}Hand this link to your colleague: it works once, until <time>{invite.data.expiresAt.toLocaleString()}</time>, and is
            not shown again.
          </p>
          {invite.data.mailError ? <p className="text-amber-800">{invite.data.mailError}</p> : null}
          <Input readOnly value={invite.data.link} aria-label="Invitation link" onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
    </form>
  );
}
