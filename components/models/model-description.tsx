'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, TextArea } from '@/components/ui/field';
import { useModelChanges } from '@/hooks/use-model-changes';

/** The model's description: editors change it in place. */
export function ModelDescription({ projectId, name, description, canEdit }: { projectId: string; name: string; description: string; canEdit: boolean }) {
  const { describe } = useModelChanges();
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null) {
    return (
      <div className="flex items-start gap-3">
        <p className="whitespace-pre-wrap text-sm text-slate-700" data-testid="model-description">
          {description || <span className="text-slate-400">No description.</span>}
        </p>
        {canEdit ? (
          <Button variant="ghost" onClick={() => setDraft(description)}>
            Edit description
          </Button>
        ) : null}
      </div>
    );
  }
  const save = () => describe.mutate({ projectId, name, description: draft }, { onSuccess: () => setDraft(null) });
  return (
    <div className="space-y-2">
      <Field label="Description">
        <TextArea rows={4} value={draft} maxLength={65_535} onChange={(e) => setDraft(e.target.value)} />
      </Field>
      <div className="flex gap-2">
        <Button variant="primary" onClick={save} disabled={describe.isPending}>
          Save description
        </Button>
        <Button onClick={() => setDraft(null)}>Cancel</Button>
      </div>
      <ErrorText error={describe.error} />
    </div>
  );
}
