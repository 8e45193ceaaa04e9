'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TApiOutputs } from '@/components/providers/api-types';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Time } from '@/components/ui/time';
import { SecretForm } from './secret-form';

type TSecret = TApiOutputs['secrets']['list'][number];

/** One secret: its name and last change; for admins, replace its value or delete it (asked once more). */
export function SecretRow({ projectId, secret, canManage }: { projectId: string; secret: TSecret; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'view' | 'replace' | 'confirm-delete'>('view');
  const remove = useMutation(trpc.secrets.delete.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.secrets.list.queryKey() }) }));

  return (
    <div className="space-y-2 p-3" data-testid={`secret-${secret.name}`}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-mono text-sm font-medium">{secret.name}</span>
        <span className="text-xs text-slate-500">
          set <Time value={secret.updatedAt} />
          {secret.updatedBy ? ` by ${secret.updatedBy}` : ''}
        </span>
        {canManage && mode === 'view' ? (
          <div className="ml-auto flex gap-2">
            <Button onClick={() => setMode('replace')}>Replace value</Button>
            <Button variant="danger" onClick={() => setMode('confirm-delete')}>
              Delete
            </Button>
          </div>
        ) : null}
        {mode === 'confirm-delete' ? (
          <div className="ml-auto flex flex-wrap items-center gap-2">
            <span className="text-sm text-slate-700">Delete {secret.name}? Runs of versions that use it will not start.</span>
            <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ projectId, name: secret.name })} data-testid="delete-secret-confirm">
              Yes, delete
            </Button>
            <Button variant="ghost" disabled={remove.isPending} onClick={() => setMode('view')}>
              Keep it
            </Button>
          </div>
        ) : null}
      </div>
      {mode === 'replace' ? <SecretForm projectId={projectId} name={secret.name} onDone={() => setMode('view')} /> : null}
      <ErrorText error={remove.error} />
    </div>
  );
}
