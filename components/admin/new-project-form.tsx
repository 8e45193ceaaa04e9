'use client';

import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input, Select } from '@/components/ui/field';
import { useCreateProject } from './use-admin';

/** Name, slug (never changes) and team; the creator becomes the project's first admin. */
export function NewProjectForm() {
  const create = useCreateProject();
  const trpc = useTRPC();
  const teams = useQuery(trpc.teams.list.queryOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const teamId = String(form.get('teamId') ?? '');
    create.mutate(
      { name: String(form.get('name') ?? '').trim(), slug: String(form.get('slug') ?? '').trim(), teamId: teamId || null },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2" data-testid="new-project">
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-56">
          <Field label="Project name">
            <Input name="name" required maxLength={120} placeholder="Computer vision" />
          </Field>
        </div>
        <div className="w-44">
          <Field label="Slug">
            <Input name="slug" required maxLength={60} pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="vision" />
          </Field>
        </div>
        <div className="w-44">
          <Field label="Team">
            <Select name="teamId" defaultValue="">
              <option value="">unassigned</option>
              {teams.data?.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create project
        </Button>
      </div>
      <ErrorText error={create.error} />
    </form>
  );
}
