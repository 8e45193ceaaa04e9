'use client';

import type { ReactNode } from 'react';
import type { TPoolCatalogEntry } from '@/workflows/dsl';
import { removeElements, updateNode } from './spec-edits';
import { EdgePanel, PropertyPanel } from './property-panel';
import { RunsPanel } from './runs-panel';
import type { useFlowCanvas } from './use-flow-canvas';
import type { TSpecEditor } from './use-spec-editor';

type TProps = {
  projectId: string;
  pipelineId: string;
  editor: TSpecEditor;
  pools: readonly TPoolCatalogEntry[];
  flow: ReturnType<typeof useFlowCanvas>;
  canEdit: boolean;
  runsOpen: boolean;
};

const NO_IDS = new Set<string>();

/** The right column: the runs list when open, else the selected node's properties (or the selected edges). */
export function EditorSidePanel({ projectId, pipelineId, editor, pools, flow, canEdit, runsOpen }: TProps) {
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
          onChange={(patch) => canEdit && editor.edit((s) => updateNode(s, node.id, patch))}
          onDelete={() => {
            editor.edit((s) => removeElements(s, new Set([node.id]), NO_IDS));
            flow.selectOnly(null);
          }}
        />
      </fieldset>
    );
  } else if (canEdit && flow.selectedEdges.size > 0) {
    content = (
      <EdgePanel
        count={flow.selectedEdges.size}
        onDelete={() => {
          editor.edit((s) => removeElements(s, NO_IDS, flow.selectedEdges));
          flow.selectOnly(null);
        }}
      />
    );
  }
  if (!content) return null;
  return <aside className="w-96 shrink-0 overflow-y-auto border-l border-slate-200 bg-white">{content}</aside>;
}
