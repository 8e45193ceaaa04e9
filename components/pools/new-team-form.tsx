'use client';

import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input } from '@/components/ui/field';
import { useCreateTeam } from './use-teams';

/** A team by name; members, projects and shares are added on its card. */
export function NewTeamForm() {
  const create = useCreateTeam();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const name = String(new FormData(formElement).get('name') ?? '').trim();
    create.mutate({ name }, { onSuccess: () => formElement.reset() });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2" data-testid="new-team">
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-64">
          <Field label="New team">
            <Input name="name" required maxLength={80} placeholder="vision" />
          </Field>
        </div>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create team
        </Button>
      </div>
      <ErrorText error={create.error} />
    </form>
  );
}
