'use client';

import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider, useReactFlow, type FitViewOptions } from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import type { TNodeKind, TPipelineSpec } from '@/workflows/dsl';
import { useProject } from '@/components/project/project-context';
import { useTRPC } from '@/components/providers/trpc';
import { ErrorText } from '@/components/ui/error-text';
import { ParametersPanel } from '@/components/parameters/parameters-panel';
import { HistoryPanel, type THistoryVersion } from '@/components/versions/history-panel';
import { useRestoreVersion } from '@/components/versions/use-restore-version';
import { useVersionView, type TCanvasView } from '@/components/versions/use-version-view';
import { VersionCanvas } from '@/components/versions/version-canvas';
import { CanvasActions } from './canvas-actions';
import { EditorSidePanel } from './editor-side-panel';
import { EditorToolbar, type TSidePanel } from './editor-toolbar';
import { Palette } from './palette';
import { PipelineCanvas } from './pipeline-canvas';
import { QuickAddDialog } from './quick-add-dialog';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useAutoLayout } from './use-auto-layout';
import { useAutosave } from './use-autosave';
import { useEditorCommands } from './use-editor-commands';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useFlowCanvas } from './use-flow-canvas';
import { usePoolCatalog } from './use-pool-catalog';
import { useSpecEditor } from './use-spec-editor';

export function PipelineEditor({ pipelineId }: { pipelineId: string }) {
  const { project } = useProject();
  const trpc = useTRPC();
  const pipeline = useQuery(trpc.pipelines.get.queryOptions({ projectId: project.id, pipelineId }));
  if (pipeline.isPending) return <p className="p-6 text-sm text-slate-500">Loading pipeline…</p>;
  if (pipeline.isError) {
    return (
      <div className="p-6">
        <ErrorText error={pipeline.error} />
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      {/* The draft seeds the editor once; later refetches (new versions) must not undo local edits. */}
      <EditorWorkspace key={pipelineId} pipeline={pipeline.data} />
    </ReactFlowProvider>
  );
}

type TPipeline = { id: string; name: string; draft: TPipelineSpec; versions: THistoryVersion[] };
type TPoint = { x: number; y: number };

// The property panel (w-96) lies over the right of the canvas once a node is selected, so the
// canvas keeps its size (among 1,000 nodes a resize is a long frame). A fitted view leaves that
// much room, so selecting a node never hides the nodes next to it.
const FIT_VIEW: FitViewOptions = { maxZoom: 1, padding: { top: '48px', bottom: '48px', left: '48px', right: '400px' } };

const latestNumber = (versions: readonly { number: number }[]) => Math.max(0, ...versions.map((v) => v.number));

function EditorWorkspace({ pipeline }: { pipeline: TPipeline }) {
  const { project, canEdit, canRun } = useProject();
  const pools = usePoolCatalog();
  const editor = useSpecEditor(pipeline.draft, pools);
  // The version this draft started from, sent with every save: a colleague's version saved since is never silently overwritten.
  const [baseVersion, setBaseVersion] = useState(() => latestNumber(pipeline.versions));
  const [view, setView] = useState<TCanvasView>({ kind: 'draft' });
  const version = useVersionView({ projectId: project.id, pipelineId: pipeline.id, view, draft: editor.spec });
  const edit = canEdit && view.kind === 'draft' ? editor.edit : undefined;
  const flow = useFlowCanvas({ spec: editor.spec, nodeProblems: editor.nodeProblems, edgeProblemIds: editor.edgeProblemIds, edit });
  const autosave = useAutosave({ projectId: project.id, pipelineId: pipeline.id, spec: editor.spec, revision: editor.revision, enabled: canEdit });
  const layout = useAutoLayout({ spec: editor.spec, edit, fitViewOptions: FIT_VIEW });
  const [panel, setPanel] = useState<TSidePanel>(null);
  const [dialog, setDialog] = useState<{ kind: 'help' } | { kind: 'quickAdd'; at: TPoint } | null>(null);
  const pointer = useRef<TPoint | null>(null);
  const onPointer = useCallback((p: TPoint | null) => {
    pointer.current = p;
  }, []);
  const { screenToFlowPosition } = useReactFlow();
  const commands = useEditorCommands({ editor, flow, pointer });

  const addAt = useCallback(
    (kind: TNodeKind, position: TPoint) => {
      commands.addAt(kind, position);
      setPanel(null);
    },
    [commands],
  );
  const canvasCenter = useCallback(() => screenToFlowPosition({ x: window.innerWidth / 2, y: window.innerHeight / 2 }), [screenToFlowPosition]);
  const openQuickAdd = useCallback(
    (at?: TPoint) => setDialog({ kind: 'quickAdd', at: at ?? (pointer.current ? screenToFlowPosition(pointer.current) : canvasCenter()) }),
    [screenToFlowPosition, canvasCenter],
  );

  const openHelp = useCallback(() => setDialog({ kind: 'help' }), []);
  const backToDraft = useCallback(() => setView({ kind: 'draft' }), []);
  const restoring = useRestoreVersion({ projectId: project.id, pipelineId: pipeline.id, edit: canEdit ? editor.edit : undefined, onRestored: backToDraft });
  // The History panel drives the read-only canvas: leaving it brings the editable draft back.
  const togglePanel = useCallback(
    (next: Exclude<TSidePanel, null>) => {
      const open = panel === next ? null : next;
      setPanel(open);
      if (open !== 'history') backToDraft();
    },
    [panel, backToDraft],
  );
  const reviewConflict = useCallback((number: number) => {
    setView({ kind: 'diff', from: number, to: 'draft' });
    setPanel('history');
  }, []);
  const hasSelection = flow.selectedNodes.size > 0 || flow.selectedEdges.size > 0;
  useEditorShortcuts({
    help: openHelp,
    ...(edit
      ? {
          undo: commands.undo,
          redo: commands.redo,
          paste: () => void commands.paste(),
          selectAll: commands.selectAll,
          quickAdd: () => openQuickAdd(),
          // Without a selection these keys keep their browser meaning (copy page text, bookmark).
          ...(flow.selectedNodes.size > 0 ? { copy: commands.copy, duplicate: commands.duplicate } : {}),
          ...(hasSelection ? { delete: commands.deleteSelection } : {}),
        }
      : { ...(flow.selectedNodes.size > 0 ? { copy: commands.copy } : {}) }),
  });

  return (
    <div className="flex h-full flex-col">
      <EditorToolbar
        projectId={project.id}
        pipeline={pipeline}
        spec={editor.spec}
        baseVersion={baseVersion}
        onSaved={(saved) => setBaseVersion(saved.number)}
        onReviewConflict={reviewConflict}
        problemCount={editor.problems.length}
        autosave={autosave}
        canEdit={canEdit}
        canRun={canRun}
        panel={panel}
        onTogglePanel={togglePanel}
      />
      <div className="flex min-h-0 flex-1">
        {edit ? <Palette onAdd={(kind) => addAt(kind, canvasCenter())} /> : null}
        <div className="relative min-w-0 flex-1" data-canvas-area>
          {view.kind !== 'draft' ? (
            <VersionCanvas view={view} version={version} fitViewOptions={FIT_VIEW} onBack={backToDraft} restoreError={restoring.error} {...(restoring.restore ? { onRestore: restoring.restore } : {})} />
          ) : (
            <PipelineCanvas flow={flow} editable={canEdit} onDropKind={addAt} onPaneDoubleClick={openQuickAdd} onPointer={onPointer} fitViewOptions={FIT_VIEW}>
              {canEdit ? (
                <CanvasActions
                  canUndo={editor.canUndo}
                  canRedo={editor.canRedo}
                  onUndo={editor.undo}
                  onRedo={editor.redo}
                  onTidy={layout.tidy}
                  tidying={layout.running}
                  tidyError={layout.error}
                  onQuickAdd={openQuickAdd}
                  onHelp={openHelp}
                />
              ) : null}
            </PipelineCanvas>
          )}
          {view.kind === 'draft' && editor.spec.nodes.length === 0 ? (
            <p className="pointer-events-none absolute inset-x-0 top-1/3 text-center text-sm text-slate-400">
              {canEdit ? 'Drag a step from the palette, or double-click to add one.' : 'This pipeline is empty.'}
            </p>
          ) : null}
          {panel === null && view.kind === 'draft' ? (
            <EditorSidePanel projectId={project.id} pipelineId={pipeline.id} editor={editor} commands={commands} pools={pools} flow={flow} canEdit={canEdit} runsOpen={false} overlay />
          ) : null}
        </div>
        {panel === 'history' ? (
          <aside className="w-96 shrink-0 overflow-y-auto border-l border-slate-200 bg-white">
            <HistoryPanel
              versions={[...pipeline.versions].sort((a, b) => b.number - a.number)}
              view={view}
              version={version}
              baseVersion={baseVersion}
              onView={setView}
              restoreError={restoring.error}
              {...(restoring.restore ? { onRestore: restoring.restore } : {})}
            />
          </aside>
        ) : panel === 'parameters' ? (
          <aside className="w-96 shrink-0 overflow-y-auto border-l border-slate-200 bg-white">
            <ParametersPanel spec={editor.spec} {...(edit ? { edit } : {})} />
          </aside>
        ) : panel === 'runs' ? (
          <EditorSidePanel projectId={project.id} pipelineId={pipeline.id} editor={editor} commands={commands} pools={pools} flow={flow} canEdit={canEdit} runsOpen />
        ) : null}
      </div>
      {dialog?.kind === 'help' ? <ShortcutsDialog onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'quickAdd' ? (
        <QuickAddDialog
          onClose={() => setDialog(null)}
          onAdd={(kind) => {
            addAt(kind, dialog.at);
            setDialog(null);
          }}
        />
      ) : null}
    </div>
  );
}
