'use client';

import { Background, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { isNodeKind, type TNodeKind } from '@/workflows/dsl';
import { NODE_KIND_MIME } from './palette';
import type { useFlowCanvas } from './use-flow-canvas';
import { nodeTypes } from './weft-node';

type TProps = {
  flow: ReturnType<typeof useFlowCanvas>;
  /** false in the run view: nothing moves, connects or deletes; clicking still selects */
  editable: boolean;
  onDropKind?: (kind: TNodeKind, position: { x: number; y: number }) => void;
};

const DELETE_KEYS = ['Backspace', 'Delete'];

/** The React Flow canvas; must sit inside a ReactFlowProvider. */
export function PipelineCanvas({ flow, editable, onDropKind }: TProps) {
  const { screenToFlowPosition } = useReactFlow();

  function onDragOver(event: DragEvent) {
    if (!editable || !event.dataTransfer.types.includes(NODE_KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
  }

  function onDrop(event: DragEvent) {
    const kind = event.dataTransfer.getData(NODE_KIND_MIME);
    if (!editable || !isNodeKind(kind)) return;
    event.preventDefault();
    onDropKind?.(kind, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  }

  return (
    <div data-testid="canvas" className="h-full w-full" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        onNodesChange={flow.onNodesChange}
        onEdgesChange={flow.onEdgesChange}
        onConnect={flow.onConnect}
        isValidConnection={flow.isValidConnection}
        nodesDraggable={editable}
        nodesConnectable={editable}
        elementsSelectable
        deleteKeyCode={editable ? DELETE_KEYS : null}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.05}
        // Large pipelines: mount only the nodes in view, so opening and dragging stay fast.
        onlyRenderVisibleElements={flow.nodes.length > LARGE_GRAPH}
      >
        <Background gap={16} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable className="hidden md:block" />
      </ReactFlow>
    </div>
  );
}

const FIT_VIEW = { maxZoom: 1, padding: 0.2 };
const LARGE_GRAPH = 200;
