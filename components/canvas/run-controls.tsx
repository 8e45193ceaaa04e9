'use client';

import { useState } from 'react';
import type { TPipelineSpec } from '@/workflows/dsl';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { RunDialog } from './run-dialog';
import { useRunRequest } from './use-run-request';

type TVersion = { id: string; number: number; message: string };
type TProps = {
  projectId: string;
  pipelineId: string;
  spec: TPipelineSpec;
  /** newest first */
  versions: readonly TVersion[];
  baseVersion: number;
  /** editors may run the draft (it is saved first) */
  canEdit: boolean;
  onSaved: (saved: { versionId: string; number: number }) => void;
  onReview: (number: number) => void;
};

const DRAFT = 'draft';
const DEFAULT_PRIORITY = 3;
// short labels: the toolbar holds one line (the select's title says what priority means)
const PRIORITIES = [
  { value: 1, label: 'P1 highest' },
  { value: 2, label: 'P2' },
  { value: 3, label: 'P3 normal' },
  { value: 4, label: 'P4' },
  { value: 5, label: 'P5 lowest' },
];

/** What to run (the draft, or a saved version), at which priority, and the Run button. */
export function RunControls({ projectId, pipelineId, spec, versions, baseVersion, canEdit, onSaved, onReview }: TProps) {
  // null follows the default (the draft for editors, else the latest version), so a newly saved version is picked up at once.
  const [picked, setPicked] = useState<string | null>(null);
  const [priority, setPriority] = useState(DEFAULT_PRIORITY);
  const latest = versions[0];
  const target = picked ?? (canEdit ? DRAFT : (latest?.id ?? null));
  const runVersion = versions.find((v) => v.id === target);
  const run = useRunRequest({ projectId, pipelineId, spec, versions, baseVersion, priority, onSaved });
  const canStart = target === DRAFT || runVersion !== undefined;

  return (
    <>
      {canEdit || latest ? (
        <select
          aria-label="Version to run"
          value={target ?? ''}
          onChange={(e) => setPicked(e.target.value === (canEdit ? DRAFT : latest?.id) ? null : e.target.value)}
          className="max-w-40 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          data-testid="version-picker"
        >
          {canEdit ? <option value={DRAFT}>Draft</option> : null}
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              v{v.number}
              {v === latest ? ' (latest)' : ''}
              {v.message ? ` · ${v.message}` : ''}
            </option>
          ))}
        </select>
      ) : (
        <span className="text-xs text-slate-500">No saved version</span>
      )}
      <select
        aria-label="Run priority"
        title="Priority of the run's steps on shared pools: 1 is served first"
        value={priority}
        onChange={(e) => setPriority(Number(e.target.value))}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        data-testid="run-priority"
      >
        {PRIORITIES.map((p) => (
          <option key={p.value} value={p.value}>
            {p.label}
          </option>
        ))}
      </select>
      <Button variant="primary" data-testid="run-pipeline" disabled={!canStart || run.isPending} onClick={() => run.request(target === DRAFT ? null : target)}>
        {run.isPending ? 'Starting…' : runVersion ? `Run v${runVersion.number}` : 'Run draft'}
      </Button>
      {run.ask ? <RunDialog pipelineId={pipelineId} run={run} ask={run.ask} baseVersion={baseVersion} onReview={onReview} /> : null}
      {run.error && !run.ask ? (
        <div className="absolute right-4 top-full z-20 mt-2 w-96">
          <ErrorText error={run.error} />
        </div>
      ) : null}
    </>
  );
}
