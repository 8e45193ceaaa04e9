'use client';

import type { ReactNode } from 'react';
import { isPoolExecutor, nodeKindDefinition, type TPoolCatalogEntry } from '@/workflows/dsl';
import { nodeIdProblem, renameNode, updateNode } from './spec-edits';
import { EdgePanel, PropertyPanel, SelectionPanel } from './property-panel';
import { RunsPanel } from './runs-panel';
import { StepTestSection } from './step-test-section';
import type { TEditorCommands } from './use-editor-commands';
import type { useFlowCanvas } from './use-flow-canvas';
import type { TSpecEditor } from './use-spec-editor';

type TProps = {
  projectId: string;
  pipelineId: string;
  editor: TSpecEditor;
  commands: TEditorCommands;
  pools: readonly TPoolCatalogEntry[];
  flow: ReturnType<typeof useFlowCanvas>;
  canEdit: boolean;
  runsOpen: boolean;
  /** over the right of the canvas, which keeps its size: selecting a node never resizes the canvas (a long frame among 1,000 nodes) */
  overlay?: boolean;
};

/** The right column: the runs list when open, else the selected node's properties (or the selection's actions). */
export function EditorSidePanel({ projectId, pipelineId, editor, commands, pools, flow, canEdit, runsOpen, overlay = false }: TProps) {
  const node = flow.selectedNodeId ? editor.spec.nodes.find((n) => n.id === flow.selectedNodeId) : undefined;
  let content: ReactNode = null;
  if (runsOpen) {
    content = <RunsPanel projectId={projectId} pipelineId={pipelineId} />;
  } else if (node) {
    content = (
      // min-w-0: a fieldset is min-content wide by default, and long code lines would widen the panel.
      <fieldset disabled={!canEdit} className="min-w-0">
        <PropertyPanel
          key={node.id}
          node={node}
          problems={editor.nodeProblems.get(node.id) ?? []}
          pools={pools}
          readOnly={!canEdit}
          // Typing in one field is one undo step, not one per key.
          onChange={(patch) => canEdit && editor.edit((s) => updateNode(s, node.id, patch), { coalesce: `node:${node.id}:${Object.keys(patch).sort().join(',')}` })}
          idProblem={(next) => nodeIdProblem(editor.spec, node.id, next)}
          onRename={(next) => {
            editor.edit((s) => renameNode(s, node.id, next));
            flow.selectOnly(next);
          }}
          onDelete={commands.deleteSelection}
        />
        {canEdit && isTestable(node.kind) ? <StepTestSection key={`test-${node.id}`} projectId={projectId} pipelineId={pipelineId} nodeId={node.id} spec={editor.spec} /> : null}
      </fieldset>
    );
  } else if (canEdit && flow.selectedNodes.size > 1) {
    content = <SelectionPanel count={flow.selectedNodes.size} onDuplicate={commands.duplicate} onDelete={commands.deleteSelection} />;
  } else if (canEdit && flow.selectedEdges.size > 0) {
    content = <EdgePanel count={flow.selectedEdges.size} onDelete={commands.deleteSelection} />;
  }
  if (!content) return null;
  return (
    <aside {...(overlay ? { 'data-side-overlay': '' } : {})} className={`${overlay ? 'absolute inset-y-0 right-0 z-10 shadow-lg' : 'shrink-0'} w-96 overflow-y-auto border-l border-slate-200 bg-white`}>
      {content}
    </aside>
  );
}

/** Only steps that a pool worker runs can run alone ("Test this step"). */
function isTestable(kind: string): boolean {
  const definition = nodeKindDefinition(kind);
  return definition !== undefined && isPoolExecutor(definition.executor);
}
