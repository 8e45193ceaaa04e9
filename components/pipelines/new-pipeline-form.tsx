'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Input, Select } from '@/components/ui/field';
import { PIPELINE_TEMPLATES, pipelineTemplate } from '@/workflows/dsl';

/** "New pipeline" opens a short form: name and what to start from (empty, or a template) → create → the editor. */
export function NewPipelineForm() {
  const { project } = useProject();
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [templateId, setTemplateId] = useState('');
  const template = pipelineTemplate(templateId);
  const create = useMutation(
    trpc.pipelines.create.mutationOptions({
      onSuccess: ({ id }) => router.push(`/pipelines/${id}`),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (name) create.mutate({ projectId: project.id, name, ...(template ? { draft: template.spec, description: template.description } : {}) });
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
        <Select aria-label="Start from" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          <option value="">Empty pipeline</option>
          {PIPELINE_TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              Template: {t.title}
            </option>
          ))}
        </Select>
        {template ? <p className="text-xs text-slate-500">{template.description}</p> : null}
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
