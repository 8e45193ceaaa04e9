'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { TPipelineSpec } from '@/workflows/dsl';
import { useStartRun } from '@/hooks/use-start-run';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import { SaveVersionForm } from './save-version-form';
import type { TAutosaveState } from './use-autosave';

type TVersion = { id: string; number: number; message: string };

type TProps = {
  projectId: string;
  pipeline: { id: string; name: string; versions: TVersion[] };
  spec: TPipelineSpec;
  problemCount: number;
  autosave: TAutosaveState;
  canEdit: boolean;
  canRun: boolean;
  runsOpen: boolean;
  onToggleRuns: () => void;
};

const AUTOSAVE_TEXT: Record<TAutosaveState, string> = {
  saved: 'Draft saved',
  pending: 'Unsaved changes…',
  saving: 'Saving draft…',
  blocked: 'Draft not saved: fix the highlighted fields',
  error: 'Draft not saved: retrying',
};

const DEFAULT_PRIORITY = 3;
const PRIORITIES = [
  { value: 1, label: 'Priority 1 (highest)' },
  { value: 2, label: 'Priority 2' },
  { value: 3, label: 'Priority 3 (normal)' },
  { value: 4, label: 'Priority 4' },
  { value: 5, label: 'Priority 5 (lowest)' },
];

export function EditorToolbar({ projectId, pipeline, spec, problemCount, autosave, canEdit, canRun, runsOpen, onToggleRuns }: TProps) {
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState<number | null>(null);
  // null follows the latest version, so a newly saved one is picked up at once.
  const [pickedVersionId, setPickedVersionId] = useState<string | null>(null);
  const { startRun, isPending: starting, error: runError } = useStartRun(projectId);
  const [priority, setPriority] = useState(DEFAULT_PRIORITY);

  const versions = [...pipeline.versions].sort((a, b) => b.number - a.number);
  const latest = versions[0];
  const runVersion = versions.find((v) => v.id === pickedVersionId) ?? latest;

  return (
    <div className="relative flex shrink-0 flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-2">
      <Link href="/" className="text-sm text-slate-500 hover:text-slate-800">
        Pipelines /
      </Link>
      <h1 className="font-semibold">{pipeline.name}</h1>
      <Link href={`/pipelines/${pipeline.id}/experiment`} data-testid="pipeline-experiments" className="text-sm text-indigo-700 hover:underline">
        Experiments
      </Link>
      {canEdit ? (
        <span className={`text-xs ${autosave === 'blocked' || autosave === 'error' ? 'text-red-700' : 'text-slate-500'}`} data-testid="autosave-state">
          {AUTOSAVE_TEXT[autosave]}
        </span>
      ) : (
        <span className="text-xs text-slate-500">Read only</span>
      )}
      {problemCount > 0 ? (
        <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800" data-testid="problem-count">
          {problemCount} {problemCount === 1 ? 'problem' : 'problems'}
        </span>
      ) : null}

      <div className="ml-auto flex items-center gap-2">
        {justSaved !== null ? <span className="text-xs text-emerald-700">Saved v{justSaved}</span> : null}
        {latest ? (
          <select
            aria-label="Version to run"
            value={runVersion?.id}
            onChange={(e) => setPickedVersionId(e.target.value === latest.id ? null : e.target.value)}
            className="max-w-56 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            data-testid="version-picker"
          >
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
        {canEdit ? (
          <Button data-testid="save-version" onClick={() => setSaving((s) => !s)}>
            Save version
          </Button>
        ) : null}
        {canRun ? (
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
        ) : null}
        {canRun ? (
          <Button variant="primary" data-testid="run-pipeline" disabled={!runVersion || starting} onClick={() => runVersion && startRun(runVersion.id, { priority })}>
            {starting ? 'Starting…' : runVersion ? `Run v${runVersion.number}` : 'Run'}
          </Button>
        ) : null}
        <Button variant={runsOpen ? 'secondary' : 'ghost'} onClick={onToggleRuns} aria-pressed={runsOpen}>
          Runs
        </Button>
      </div>

      {saving ? (
        <SaveVersionForm
          projectId={projectId}
          pipelineId={pipeline.id}
          spec={spec}
          onCancel={() => setSaving(false)}
          onSaved={(number) => {
            setSaving(false);
            setJustSaved(number);
            setPickedVersionId(null);
          }}
        />
      ) : null}
      {runError ? (
        <div className="absolute right-4 top-full z-20 mt-2 w-96">
          <ErrorText error={runError} />
        </div>
      ) : null}
    </div>
  );
}
