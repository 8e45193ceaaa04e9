'use client';

import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, type RefObject } from 'react';
import type { TNodeKind } from '@/workflows/dsl';
import { readFragment, writeFragment } from './clipboard-io';
import { copyFragment, pasteFragment, type TSpecFragment } from './spec-clipboard';
import { addNode, nextNodeId, removeElements } from './spec-edits';
import type { useFlowCanvas } from './use-flow-canvas';
import type { TSpecEditor } from './use-spec-editor';

type TPoint = { x: number; y: number };

/** Half a node's size: a node added at a point is centred under it. */
const NODE_CENTER = { x: 104, y: 36 };
/** Where a duplicate (or a paste with the pointer off the canvas) lands from its original. */
const COPY_OFFSET = 40;

type TOptions = {
  editor: TSpecEditor;
  flow: ReturnType<typeof useFlowCanvas>;
  /** the pointer's last position over the canvas (screen coordinates), null when it is elsewhere */
  pointer: RefObject<TPoint | null>;
};

/** What the editor's keys, buttons and dialogs do to the spec and the selection. */
export function useEditorCommands({ editor, flow, pointer }: TOptions) {
  const { screenToFlowPosition } = useReactFlow();
  const { spec, edit, undo, redo } = editor;
  const { selectedNodes, selectedEdges, selectNodes, selectOnly } = flow;

  const addAt = useCallback(
    (kind: TNodeKind, position: TPoint) => {
      const id = nextNodeId(spec, kind);
      edit((s) => addNode(s, kind, { x: position.x - NODE_CENTER.x, y: position.y - NODE_CENTER.y }, id));
      selectOnly(id);
    },
    [spec, edit, selectOnly],
  );

  const paste = useCallback(
    (fragment: TSpecFragment, at: TPoint) => {
      const pasted = pasteFragment(spec, fragment, at);
      // Built from the spec this render saw; rebuilt if another edit landed first.
      edit((s) => (s === spec ? pasted.spec : pasteFragment(s, fragment, at).spec));
      selectNodes(pasted.nodeIds);
    },
    [spec, edit, selectNodes],
  );

  const copy = useCallback(() => {
    const fragment = copyFragment(spec, selectedNodes);
    if (fragment) void writeFragment(fragment);
  }, [spec, selectedNodes]);

  const pasteFromClipboard = useCallback(async () => {
    const fragment = await readFragment();
    if (!fragment) return;
    const at = pointer.current ? screenToFlowPosition(pointer.current) : offsetFrom(fragment);
    paste(fragment, at);
  }, [paste, pointer, screenToFlowPosition]);

  const duplicate = useCallback(() => {
    const fragment = copyFragment(spec, selectedNodes);
    if (fragment) paste(fragment, offsetFrom(fragment));
  }, [spec, selectedNodes, paste]);

  const deleteSelection = useCallback(() => {
    // One edit for nodes and edges together: one undo brings both back.
    edit((s) => removeElements(s, selectedNodes, selectedEdges));
    selectOnly(null);
  }, [edit, selectedNodes, selectedEdges, selectOnly]);

  const selectAll = useCallback(() => selectNodes(spec.nodes.map((n) => n.id)), [spec, selectNodes]);

  return useMemo(
    () => ({ addAt, copy, paste: pasteFromClipboard, duplicate, deleteSelection, selectAll, undo, redo }),
    [addAt, copy, pasteFromClipboard, duplicate, deleteSelection, selectAll, undo, redo],
  );
}

export type TEditorCommands = ReturnType<typeof useEditorCommands>;

function offsetFrom(fragment: TSpecFragment): TPoint {
  return {
    x: Math.min(...fragment.nodes.map((n) => n.position.x)) + COPY_OFFSET,
    y: Math.min(...fragment.nodes.map((n) => n.position.y)) + COPY_OFFSET,
  };
}
