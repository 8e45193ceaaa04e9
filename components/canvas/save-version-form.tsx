'use client';

import { useState, type FormEvent } from 'react';
import type { TPipelineSpec } from '@/workflows/dsl';
import { Button } from '@/components/ui/button';
import { Field, TextArea } from '@/components/ui/field';
import { SaveOutcome } from '@/components/versions/save-outcome';
import { useSaveVersion } from '@/components/versions/use-save-version';

type TProps = {
  projectId: string;
  pipelineId: string;
  spec: TPipelineSpec;
  baseVersion: number;
  onSaved: (saved: { versionId: string; number: number }) => void;
  /** a colleague's version refused the save: show it against this draft */
  onReview: (number: number) => void;
  onCancel: () => void;
};

/** Asks for a message and saves the spec as a new immutable version on top of `baseVersion`; a refused save says why. */
export function SaveVersionForm({ projectId, pipelineId, spec, baseVersion, onSaved, onReview, onCancel }: TProps) {
  const [message, setMessage] = useState('');
  const saver = useSaveVersion({ projectId, pipelineId, baseVersion, onSaved });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    saver.save(spec, message.trim());
  }

  return (
    <form onSubmit={onSubmit} className="absolute right-0 top-full z-20 mt-2 w-[28rem] space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-lg">
      <Field label="Message" hint="What changed in this version.">
        <TextArea rows={2} value={message} onChange={(e) => setMessage(e.target.value)} autoFocus maxLength={500} placeholder="e.g. Add evaluation step" />
      </Field>
      <SaveOutcome saver={saver} baseVersion={baseVersion} onSaveOnTop={(number) => saver.save(spec, message.trim(), number)} onReview={onReview} />
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={saver.isPending} data-testid="save-version-confirm">
          {saver.isPending ? 'Saving…' : 'Save version'}
        </Button>
      </div>
    </form>
  );
}
