'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { TPipelineSpec, TSpecProblem } from '@/workflows/dsl';
import { useTRPC } from '@/components/providers/trpc';
import { errorProblems } from '@/components/providers/trpc-errors';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { Field, TextArea } from '@/components/ui/field';

type TProps = { projectId: string; pipelineId: string; spec: TPipelineSpec; onSaved: (number: number) => void; onCancel: () => void };

/** Asks for a message and saves the spec as a new immutable version; a refused spec lists its problems per node. */
export function SaveVersionForm({ projectId, pipelineId, spec, onSaved, onCancel }: TProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const save = useMutation(
    trpc.pipelines.saveVersion.mutationOptions({
      onSuccess: async ({ number }) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.pipelines.get.queryKey({ projectId, pipelineId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.pipelines.list.queryKey() }),
        ]);
        onSaved(number);
      },
    }),
  );
  const problems = errorProblems(save.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ projectId, pipelineId, spec, message: message.trim() });
  }

  return (
    <form onSubmit={onSubmit} className="absolute right-0 top-full z-20 mt-2 w-96 space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-lg">
      <Field label="Message" hint="What changed in this version.">
        <TextArea rows={2} value={message} onChange={(e) => setMessage(e.target.value)} autoFocus maxLength={500} placeholder="e.g. Add evaluation step" />
      </Field>
      {problems.length > 0 ? <ProblemList problems={problems} /> : <ErrorText error={save.error} />}
      <div className="flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={save.isPending} data-testid="save-version-confirm">
          {save.isPending ? 'Saving…' : 'Save version'}
        </Button>
      </div>
    </form>
  );
}

function ProblemList({ problems }: { problems: readonly TSpecProblem[] }) {
  const byWhere = new Map<string, string[]>();
  for (const p of problems) {
    const where = p.nodeId ? `Node ${p.nodeId}` : p.edgeId ? `Edge ${p.edgeId}` : 'Pipeline';
    byWhere.set(where, [...(byWhere.get(where) ?? []), p.message]);
  }
  return (
    <div role="alert" className="max-h-48 space-y-2 overflow-y-auto rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-800" data-testid="save-version-problems">
      <p className="font-medium">The version was not saved:</p>
      {[...byWhere].map(([where, messages]) => (
        <div key={where}>
          <div className="font-semibold">{where}</div>
          <ul className="list-disc pl-4">
            {messages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
