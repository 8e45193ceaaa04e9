'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Input } from '@/components/ui/field';

/** "New pipeline" opens a one-field form: name → create → the editor. */
export function NewPipelineForm() {
  const { project } = useProject();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const create = useMutation(
    trpc.pipelines.create.mutationOptions({
      onSuccess: ({ id }) => router.push(`/pipelines/${id}`),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (name) create.mutate({ projectId: project.id, name });
  }

  if (!open) {
    return (
      <Button variant="primary" onClick={() => setOpen(true)}>
        New pipeline
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex items-start gap-2">
      <div className="w-64 space-y-1">
        <Input name="name" aria-label="Pipeline name" placeholder="Pipeline name" required autoFocus maxLength={120} />
        <ErrorText error={create.error} />
      </div>
      <Button type="submit" variant="primary" disabled={create.isPending}>
        Create
      </Button>
      <Button variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
    </form>
  );
}
