'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { roleAtLeast, type TRole } from '@/components/project/roles';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input, Select } from '@/components/ui/field';

/** Creates a token and shows it once (only its sha256 is kept), with the lines a script needs. */
export function NewTokenForm({ projectId, role }: { projectId: string; role: TRole }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(trpc.apiTokens.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.list.queryKey() }) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = {
      projectId,
      name: String(form.get('name') ?? '').trim(),
      role: form.get('role') === 'editor' ? ('editor' as const) : ('viewer' as const),
      expiresInDays: Number(form.get('expiresInDays')),
    };
    create.mutate(input, {
      onSuccess: (answer) => {
        formElement.reset();
        setCreated(answer.token);
      },
    });
  }

  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="new-api-token" autoComplete="off">
        <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
          <Field label="Name" hint="Where it is used, e.g. “laptop”">
            <Input name="name" required maxLength={100} />
          </Field>
          <Field label="Role" hint="Viewers read; editors also log runs">
            <Select name="role" defaultValue={roleAtLeast(role, 'editor') ? 'editor' : 'viewer'}>
              <option value="viewer">viewer</option>
              {roleAtLeast(role, 'editor') ? <option value="editor">editor</option> : null}
            </Select>
          </Field>
          <Field label="Expires after (days)" hint="1 to 365">
            <Input name="expiresInDays" type="number" required min={1} max={365} defaultValue={90} />
          </Field>
        </div>
        <ErrorText error={create.error} />
        <Button type="submit" variant="primary" disabled={create.isPending}>
          Create token
        </Button>
      </form>
      {created ? (
        <div className="space-y-2 rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm" data-testid="created-api-token">
          <p className="font-medium text-emerald-900">Copy it now: it is not shown again.</p>
          <pre className="overflow-x-auto rounded bg-white p-2 font-mono text-xs">{`export MLFLOW_TRACKING_URI=${window.location.origin}/mlflow\nexport MLFLOW_TRACKING_TOKEN=${created}`}</pre>
          <Button variant="ghost" onClick={() => setCreated(null)}>
            Done
          </Button>
        </div>
      ) : null}
    </div>
  );
}
