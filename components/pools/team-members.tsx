'use client';

import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input } from '@/components/ui/field';
import { useSetTeamMember, type TTeam } from './use-teams';

/** A team's members by email: the server finds the user by it, so only signed-up users can join. */
export function TeamMembers({ team }: { team: TTeam }) {
  const setMember = useSetTeamMember();

  function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const email = String(new FormData(formElement).get('email') ?? '').trim();
    setMember.mutate({ teamId: team.id, email, member: true }, { onSuccess: () => formElement.reset() });
  }

  return (
    <div className="space-y-2">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Members</h4>
      {team.members.length === 0 ? (
        <p className="text-sm text-slate-500">No members yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {team.members.map((m) => (
            <li key={m.userId} className="flex items-center gap-2 px-3 py-1 text-sm">
              <span className="min-w-0 flex-1 truncate">
                {m.email} <span className="text-slate-500">{m.name}</span>
              </span>
              <Button variant="ghost" disabled={setMember.isPending} onClick={() => setMember.mutate({ teamId: team.id, email: m.email, member: false })}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onAdd} className="flex items-end gap-2">
        <div className="flex-1">
          <Field label="Add member">
            <Input name="email" type="email" required placeholder="name@example.com" />
          </Field>
        </div>
        <Button type="submit" disabled={setMember.isPending}>
          Add
        </Button>
      </form>
      <ErrorText error={setMember.error} />
    </div>
  );
}
