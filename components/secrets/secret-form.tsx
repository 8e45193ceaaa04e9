'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input } from '@/components/ui/field';

/**
 * A value for a new secret, or (given `name`) a replacement. The value field is never prefilled
 * (the browser never has the value) and is cleared once saved.
 */
export function SecretForm({ projectId, name, onDone }: { projectId: string; name?: string; onDone?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.secrets.set.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.secrets.list.queryKey() }) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = { projectId, name: name ?? String(form.get('name') ?? '').trim(), value: String(form.get('value') ?? '') };
    save.mutate(input, {
      onSuccess: () => {
        formElement.reset();
        onDone?.();
      },
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={name ? `secret-form-${name}` : 'new-secret'} autoComplete="off">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        {name ? null : (
          <Field label="Name" hint="As the step sees it: upper-case letters, digits and “_”">
            <Input name="name" required maxLength={64} pattern="[A-Z_][A-Z0-9_]*" placeholder="API_TOKEN" className="font-mono" />
          </Field>
        )}
        <Field label={name ? `New value of ${name}` : 'Value'} hint="At least 4 characters, at most 64 KiB">
          <Input name="value" type="password" required minLength={4} autoComplete="new-password" spellCheck={false} />
        </Field>
      </div>
      <ErrorText error={save.error} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending} data-testid="secret-form-submit">
          {name ? 'Replace value' : 'Add secret'}
        </Button>
        {onDone ? <Button onClick={onDone}>Cancel</Button> : null}
      </div>
    </form>
  );
}
