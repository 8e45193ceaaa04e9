'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, Input } from '@/components/ui/field';
import { useModelChanges } from '@/hooks/use-model-changes';

const parse = (text: string) => [...new Set(text.split(/[\s,]+/).filter(Boolean))];

/** Which aliases need an approved promotion: project admins change them, everyone sees them. */
export function ProtectedAliasesForm({ projectId, name, aliases, canManage }: { projectId: string; name: string; aliases: string[]; canManage: boolean }) {
  const { setProtectedAliases } = useModelChanges();
  const [text, setText] = useState(aliases.join(', '));
  if (!canManage) {
    return <p className="text-sm text-slate-600">Protected aliases: {aliases.length ? aliases.join(', ') : 'none'} (project admins change them)</p>;
  }
  return (
    <div className="flex flex-wrap items-end gap-2">
      <Field label="Protected aliases" hint="Comma-separated; moving one needs another approver's approval.">
        <Input value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <Button onClick={() => setProtectedAliases.mutate({ projectId, name, aliases: parse(text) })} disabled={setProtectedAliases.isPending}>
        Save
      </Button>
      {setProtectedAliases.isSuccess ? <span className="text-xs text-emerald-700">Saved</span> : null}
      <ErrorText error={setProtectedAliases.error} />
    </div>
  );
}
