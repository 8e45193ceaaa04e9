'use client';

import { Panel, type FitViewOptions } from '@xyflow/react';
import { PipelineCanvas } from '@/components/canvas/pipeline-canvas';
import { PropertyPanel } from '@/components/canvas/property-panel';
import { useFlowCanvas } from '@/components/canvas/use-flow-canvas';
import { usePoolCatalog } from '@/components/canvas/use-pool-catalog';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/error-text';
import type { TCanvasView, TVersionView } from './use-version-view';

type TProps = {
  view: Exclude<TCanvasView, { kind: 'draft' }>;
  version: TVersionView;
  fitViewOptions: FitViewOptions;
  /** editors may put the version shown into the draft */
  onRestore?: (number: number) => void;
  /** why the last restore failed */
  restoreError: unknown;
  onBack: () => void;
};

const LEGEND = [
  { mark: 'added', className: 'border-emerald-500 bg-emerald-50' },
  { mark: 'removed', className: 'border-dashed border-red-500 bg-red-50' },
  { mark: 'changed', className: 'border-amber-500 bg-amber-50' },
];

const titleOf = (view: TProps['view']) =>
  view.kind === 'version' ? `Version ${view.number} (read only)` : `Changes from version ${view.from} to ${view.to === 'draft' ? 'your draft' : `version ${view.to}`}`;

/** A saved version, or two compared, on a read-only canvas with a bar that says what is shown and leads back to the draft. */
export function VersionCanvas({ view, version, fitViewOptions, onRestore, restoreError, onBack }: TProps) {
  return (
    <div className="relative h-full" data-testid="version-canvas">
      {version.shown ? (
        // keyed by what is shown: a new view fits itself on open
        <ShownCanvas key={JSON.stringify(view)} spec={version.shown.spec} marks={version.shown.marks} fitViewOptions={fitViewOptions} />
      ) : (
        <div className="p-6">{version.loading ? <p className="text-sm text-slate-500">Loading version…</p> : <ErrorText error={version.error} />}</div>
      )}
      <div className="absolute inset-x-0 top-0 z-10 flex flex-wrap items-center gap-3 border-b border-indigo-200 bg-indigo-50/95 px-4 py-2 text-sm text-indigo-900" data-testid="version-bar">
        <span className="font-medium">{titleOf(view)}</span>
        {view.kind === 'diff' ? (
          <span className="flex items-center gap-2 text-xs">
            {LEGEND.map((l) => (
              <span key={l.mark} className={`rounded border-2 px-1.5 ${l.className}`}>
                {l.mark}
              </span>
            ))}
          </span>
        ) : null}
        <span className="ml-auto flex gap-2">
          {onRestore && view.kind === 'version' ? (
            <Button variant="secondary" onClick={() => onRestore(view.number)} data-testid="restore-version">
              Restore as draft
            </Button>
          ) : null}
          <Button variant="primary" onClick={onBack} data-testid="back-to-draft">
            Back to the draft
          </Button>
        </span>
        {restoreError ? (
          <div className="w-full">
            <ErrorText error={restoreError} />
          </div>
        ) : null}
      </div>
    </div>
  );
}

const NO_PROBLEMS: never[] = [];
const ignore = () => undefined;

/** The shown spec on a read-only canvas; a node clicked shows its settings, read only, over the canvas's right side. */
function ShownCanvas({ spec, marks, fitViewOptions }: { spec: NonNullable<TVersionView['shown']>['spec']; marks: NonNullable<TVersionView['shown']>['marks']; fitViewOptions: FitViewOptions }) {
  const flow = useFlowCanvas({ spec, ...(marks ? { marks } : {}) });
  const pools = usePoolCatalog();
  const node = flow.selectedNodeId ? spec.nodes.find((n) => n.id === flow.selectedNodeId) : undefined;
  return (
    <>
      <PipelineCanvas flow={flow} editable={false} fitViewOptions={fitViewOptions}>
        <Panel position="bottom-center" className="rounded bg-white/90 px-2 py-1 text-xs text-slate-500 shadow-sm">
          Read only: nothing here changes the draft
        </Panel>
      </PipelineCanvas>
      {node ? (
        <aside className="absolute bottom-0 right-0 top-12 z-10 w-96 overflow-y-auto border-l border-slate-200 bg-white shadow-lg" data-testid="version-node-panel">
          {/* min-w-0: a fieldset is min-content wide by default */}
          <fieldset disabled className="min-w-0">
            <PropertyPanel key={node.id} node={node} problems={NO_PROBLEMS} pools={pools} readOnly onChange={ignore} idProblem={() => null} onRename={ignore} onDelete={ignore} />
          </fieldset>
        </aside>
      ) : null}
    </>
  );
}
