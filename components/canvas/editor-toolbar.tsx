'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { TPipelineSpec } from '@/workflows/dsl';
import { Button } from '@/components/ui/button';
import { RunControls } from './run-controls';
import { SaveVersionForm } from './save-version-form';
import type { TAutosaveState } from './use-autosave';

type TVersion = { id: string; number: number; message: string };

type TProps = {
  projectId: string;
  pipeline: { id: string; name: string; versions: TVersion[] };
  spec: TPipelineSpec;
  /** the version the draft started from (0: none), sent with a save so that a colleague's version is never silently overwritten */
  baseVersion: number;
  onSaved: (saved: { versionId: string; number: number }) => void;
  /** a save was refused by a colleague's version: show it against the draft */
  onReviewConflict: (number: number) => void;
  problemCount: number;
  autosave: TAutosaveState;
  canEdit: boolean;
  canRun: boolean;
  panel: TSidePanel;
  onTogglePanel: (panel: Exclude<TSidePanel, null>) => void;
};

export type TSidePanel = 'runs' | 'history' | 'parameters' | null;

const PANELS: { panel: Exclude<TSidePanel, null>; label: string }[] = [
  { panel: 'parameters', label: 'Parameters' },
  { panel: 'history', label: 'History' },
  { panel: 'runs', label: 'Runs' },
];

const AUTOSAVE_TEXT: Record<TAutosaveState, string> = {
  saved: 'Draft saved',
  pending: 'Unsaved changes…',
  saving: 'Saving draft…',
  blocked: 'Draft not saved: fix the highlighted fields',
  error: 'Draft not saved: retrying',
};

export function EditorToolbar({ projectId, pipeline, spec, baseVersion, onSaved, onReviewConflict, problemCount, autosave, canEdit, canRun, panel, onTogglePanel }: TProps) {
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState<number | null>(null);
  const versions = [...pipeline.versions].sort((a, b) => b.number - a.number);
  const saved = (version: { versionId: string; number: number }) => {
    setSaving(false);
    setJustSaved(version.number);
    onSaved(version);
  };

  return (
    // One line whatever the autosave state says: a toolbar that wrapped as its text changed would move the canvas under the pointer.
    <div className="relative flex shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-4 py-2">
      <div className="flex min-w-0 flex-1 items-center gap-3">
        <Link href="/" className="shrink-0 text-sm text-slate-500 hover:text-slate-800">
          Pipelines /
        </Link>
        <h1 className="truncate font-semibold" title={pipeline.name}>
          {pipeline.name}
        </h1>
        <Link href={`/pipelines/${pipeline.id}/experiment`} data-testid="pipeline-experiments" className="shrink-0 text-sm text-indigo-700 hover:underline">
          Experiments
        </Link>
        {canEdit ? (
          <span className={`truncate text-xs ${autosave === 'blocked' || autosave === 'error' ? 'text-red-700' : 'text-slate-500'}`} data-testid="autosave-state" title={AUTOSAVE_TEXT[autosave]}>
            {AUTOSAVE_TEXT[autosave]}
          </span>
        ) : (
          <span className="shrink-0 text-xs text-slate-500">Read only</span>
        )}
        {problemCount > 0 ? (
          <span className="shrink-0 rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800" data-testid="problem-count">
            {problemCount} {problemCount === 1 ? 'problem' : 'problems'}
          </span>
        ) : null}
      </div>

      <div className="flex shrink-0 items-center gap-2">
        {justSaved !== null ? <span className="text-xs text-emerald-700">Saved v{justSaved}</span> : null}
        {canEdit ? (
          <Button data-testid="save-version" onClick={() => setSaving((s) => !s)}>
            Save version
          </Button>
        ) : null}
        {canRun ? (
          <RunControls
            projectId={projectId}
            pipelineId={pipeline.id}
            spec={spec}
            versions={versions}
            baseVersion={baseVersion}
            canEdit={canEdit}
            onSaved={(version) => {
              setJustSaved(version.number);
              onSaved(version);
            }}
            onReview={onReviewConflict}
          />
        ) : null}
        {PANELS.map((p) => (
          <Button key={p.panel} variant={panel === p.panel ? 'secondary' : 'ghost'} className="px-2" onClick={() => onTogglePanel(p.panel)} aria-pressed={panel === p.panel} data-testid={`${p.panel}-toggle`}>
            {p.label}
          </Button>
        ))}
      </div>

      {saving ? (
        <SaveVersionForm
          projectId={projectId}
          pipelineId={pipeline.id}
          spec={spec}
          baseVersion={baseVersion}
          onCancel={() => setSaving(false)}
          onSaved={saved}
          onReview={(number) => {
            setSaving(false);
            onReviewConflict(number);
          }}
        />
      ) : null}
    </div>
  );
}
