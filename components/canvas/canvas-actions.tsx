'use client';

import { Panel } from '@xyflow/react';
import { memo } from 'react';

type TProps = {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onTidy: () => void;
  tidying: boolean;
  tidyError: string | null;
  onQuickAdd: () => void;
  onHelp: () => void;
};

const BUTTON = 'rounded px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:text-slate-300 disabled:hover:bg-transparent';

/** The canvas's own toolbar (top left): what the shortcuts do, for the mouse and for discovery. */
export const CanvasActions = memo(function CanvasActions(props: TProps) {
  return (
    <Panel position="top-left" className="flex items-center gap-0.5 rounded-md border border-slate-200 bg-white/95 p-0.5 shadow-sm" aria-label="Canvas actions">
      <button type="button" className={BUTTON} disabled={!props.canUndo} onClick={() => props.onUndo()} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" className={BUTTON} disabled={!props.canRedo} onClick={() => props.onRedo()} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
      <button type="button" className={BUTTON} disabled={props.tidying} onClick={() => props.onTidy()} title="Lay the pipeline out left to right" data-testid="tidy">
        {props.tidying ? 'Tidying…' : 'Tidy'}
      </button>
      <button type="button" className={BUTTON} onClick={() => props.onQuickAdd()} title="Add a step by name (/)">
        Add step
      </button>
      <button type="button" className={BUTTON} onClick={() => props.onHelp()} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
        ?
      </button>
      {props.tidyError ? <span className="px-1 text-xs text-red-700">Tidy failed: {props.tidyError}</span> : null}
    </Panel>
  );
});
