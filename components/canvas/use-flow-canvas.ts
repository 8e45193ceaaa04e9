'use client';

import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { TPipelineSpec, TSpecProblem } from '@/workflows/dsl';
import type { TDiffMarks } from '@/components/versions/diff-canvas';
import { deriveEdges, deriveNodes, keepExisting, newFlowCache, type TStepView, type TWeftFlowNode } from './flow-elements';
import { connect, connectionProblem, moveNodes, removeElements } from './spec-edits';
import type { TEditOptions, TSpecEdit } from './use-spec-editor';

type TPoint = { x: number; y: number };

type TOptions = {
  spec: TPipelineSpec;
  nodeProblems?: ReadonlyMap<string, readonly TSpecProblem[]>;
  edgeProblemIds?: ReadonlySet<string>;
  steps?: ReadonlyMap<string, TStepView>;
  /** the version diff's marks */
  marks?: TDiffMarks;
  /** absent in the read-only run view */
  edit?: (fn: TSpecEdit, options?: TEditOptions) => void;
};

const NONE = new Map<string, never>();
const NO_IDS = new Set<string>();

/**
 * Binds React Flow to the spec: derives nodes/edges, and maps React Flow's changes back to spec
 * edits. Positions are committed to the spec when a drag ends; the positions in flight stay in the
 * canvas (PipelineCanvas), so that a drag re-renders the canvas only, not the editor around it.
 */
export function useFlowCanvas({ spec, nodeProblems = NONE, edgeProblemIds = NO_IDS, steps, marks, edit }: TOptions) {
  const [pickedNodes, setSelectedNodes] = useState<ReadonlySet<string>>(NO_IDS);
  const [pickedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(NO_IDS);
  // What is selected is what still exists: an undo may remove selected nodes and edges.
  const selectedNodes = useMemo(() => keepExisting(pickedNodes, spec.nodes), [pickedNodes, spec.nodes]);
  const selectedEdges = useMemo(() => keepExisting(pickedEdges, spec.edges), [pickedEdges, spec.edges]);
  const [measured, setMeasured] = useState<ReadonlyMap<string, { width: number; height: number }>>(NONE);
  const cache = useRef(newFlowCache());

  const inputs = useMemo(
    () => ({ spec, problems: nodeProblems, edgeProblemIds, steps, marks, selectedNodes, selectedEdges, measured }),
    [spec, nodeProblems, edgeProblemIds, steps, marks, selectedNodes, selectedEdges, measured],
  );
  // Derivation reuses unchanged node/edge objects through the cache (see flow-elements.ts).
  const nodes = useMemo(() => deriveNodes(inputs, cache.current), [inputs]);
  const edges = useMemo(() => deriveEdges(inputs, cache.current), [inputs]);

  const onNodesChange = useCallback(
    (changes: NodeChange<TWeftFlowNode>[]) => {
      const sizes = new Map<string, { width: number; height: number }>();
      const select = new Map<string, boolean>();
      const dropped = new Map<string, TPoint>();
      const removed = new Set<string>();
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) sizes.set(c.id, c.dimensions);
        else if (c.type === 'select') select.set(c.id, c.selected);
        // (a position in flight is the canvas's; a drop is an edit)
        else if (c.type === 'position' && c.position && !c.dragging) dropped.set(c.id, c.position);
        else if (c.type === 'remove') removed.add(c.id);
      }
      if (sizes.size > 0) setMeasured((prev) => new Map([...prev, ...sizes]));
      if (select.size > 0 || removed.size > 0) setSelectedNodes((prev) => applySelection(prev, select, removed));
      if (edit && (dropped.size > 0 || removed.size > 0)) {
        edit((s) => removeElements(moveNodes(s, dropped), removed, NO_IDS));
      }
    },
    [edit],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const select = new Map<string, boolean>();
      const removed = new Set<string>();
      for (const c of changes) {
        if (c.type === 'select') select.set(c.id, c.selected);
        else if (c.type === 'remove') removed.add(c.id);
      }
      if (select.size > 0 || removed.size > 0) setSelectedEdges((prev) => applySelection(prev, select, removed));
      if (edit && removed.size > 0) edit((s) => removeElements(s, NO_IDS, removed));
    },
    [edit],
  );

  const onConnect = useCallback((c: Connection) => edit?.((s) => connect(s, c)), [edit]);
  const isValidConnection = useCallback(
    (c: { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null }) =>
      connectionProblem(spec, { source: c.source, target: c.target, sourceHandle: c.sourceHandle ?? null, targetHandle: c.targetHandle ?? null }) === null,
    [spec],
  );

  /** Selects exactly these nodes (the one just dropped from the palette, the copies just pasted). */
  const selectNodes = useCallback((nodeIds: Iterable<string>) => {
    setSelectedNodes(new Set(nodeIds));
    setSelectedEdges(NO_IDS);
  }, []);
  const selectOnly = useCallback((nodeId: string | null) => selectNodes(nodeId ? [nodeId] : []), [selectNodes]);

  const selectedNodeId = selectedNodes.size === 1 ? [...selectedNodes][0]! : null;
  return { nodes, edges, onNodesChange, onEdgesChange, onConnect, isValidConnection, selectedNodeId, selectedNodes, selectedEdges, selectOnly, selectNodes };
}

function applySelection(prev: ReadonlySet<string>, select: ReadonlyMap<string, boolean>, removed: ReadonlySet<string>): ReadonlySet<string> {
  const next = new Set(prev);
  for (const [id, on] of select) {
    if (on) next.add(id);
    else next.delete(id);
  }
  for (const id of removed) next.delete(id);
  return next;
}
