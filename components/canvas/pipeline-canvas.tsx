'use client';

import { Background, Controls, ReactFlow, useReactFlow, type FitViewOptions, type NodeChange, type NodePositionChange, type Viewport } from '@xyflow/react';
import { useTheme } from '@/components/theme/use-theme';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent, type ReactNode } from 'react';
import { isNodeKind, type TNodeKind } from '@/workflows/dsl';
import { withDragPositions, type TWeftFlowNode } from './flow-elements';
import { initialViewport } from './initial-viewport';
import { NODE_KIND_MIME } from './palette';
import { PathMiniMap } from './path-minimap';
import type { useFlowCanvas } from './use-flow-canvas';
import { nodeTypes } from './weft-node';

type TPoint = { x: number; y: number };

type TProps = {
  flow: ReturnType<typeof useFlowCanvas>;
  /** false in the run view: nothing moves, connects or deletes; clicking still selects */
  editable: boolean;
  onDropKind?: (kind: TNodeKind, position: TPoint) => void;
  /** a double-click on the empty canvas, at that point of the flow */
  onPaneDoubleClick?: (position: TPoint) => void;
  /** where the pointer is over the canvas (screen coordinates), null when it leaves */
  onPointer?: (point: TPoint | null) => void;
  fitViewOptions?: FitViewOptions;
  /** overlays inside the canvas (React Flow <Panel>s) */
  children?: ReactNode;
};

// Shift-click adds to the selection as Ctrl/Cmd-click does; Shift-drag on the pane draws a box.
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const DEFAULT_FIT_VIEW: FitViewOptions = { maxZoom: 1, padding: 0.2 };
const NOT_DRAGGING: ReadonlyMap<string, TPoint> = new Map();

/** The React Flow canvas; must sit inside a ReactFlowProvider. Deleting is the editor's (one undo step), not React Flow's. */
export function PipelineCanvas({ flow, editable, onDropKind, onPaneDoubleClick, onPointer, fitViewOptions = DEFAULT_FIT_VIEW, children }: TProps) {
  const theme = useTheme().resolved;
  // Once large, always large (until the canvas remounts): were it to follow the node count, the
  // render that drops 1,000 nodes (an undo of a paste) would turn it off while React Flow's store
  // still holds them, mounting every one of them for a frame.
  const [large, setLarge] = useState(false);
  if (!large && flow.nodes.length > LARGE_GRAPH) setLarge(true);
  const { screenToFlowPosition } = useReactFlow();
  // Fit only a pipeline that opens with nodes. On an empty canvas React Flow would fit the view
  // when the first node appears, and the node dropped under the cursor would jump away from it.
  const [fitOnOpen] = useState(() => flow.nodes.length > 0);
  // React Flow renders once the canvas's size is known, at a viewport that already fits the nodes
  // (fitView then only corrects it): measured before the first paint, so nothing flickers.
  const wrapper = useRef<HTMLDivElement>(null);
  const [openingNodes] = useState(flow.nodes);
  const [viewport, setViewport] = useState<Viewport | null>(null);
  // Positions of a drag in flight are the canvas's own: each move re-renders the canvas, not the
  // editor around it (its panels, toolbar and forms); the drop goes to the flow as one edit.
  const [dragging, setDragging] = useState(NOT_DRAGGING);
  const nodes = useMemo(() => withDragPositions(flow.nodes, dragging), [flow.nodes, dragging]);
  const { onNodesChange: onFlowNodesChange } = flow;
  const onNodesChange = useCallback(
    (changes: NodeChange<TWeftFlowNode>[]) => {
      const positions = changes.filter((c): c is NodePositionChange => c.type === 'position');
      const moving = positions.filter((c) => c.dragging && c.position);
      const ended = positions.filter((c) => !c.dragging);
      if (moving.length > 0 || ended.length > 0) {
        setDragging((prev) => {
          const next = new Map(prev);
          for (const c of moving) next.set(c.id, c.position!);
          for (const c of ended) next.delete(c.id);
          return next.size === 0 ? NOT_DRAGGING : next;
        });
      }
      const inFlight = new Set<NodeChange<TWeftFlowNode>>(moving);
      const rest = inFlight.size === 0 ? changes : changes.filter((c) => !inFlight.has(c));
      if (rest.length > 0) onFlowNodesChange(rest);
    },
    [onFlowNodesChange],
  );
  useLayoutEffect(() => {
    if (viewport || !wrapper.current) return;
    const size = wrapper.current.getBoundingClientRect();
    setViewport(initialViewport(openingNodes, size, typeof fitViewOptions.maxZoom === 'number' ? fitViewOptions.maxZoom : 1));
  }, [viewport, openingNodes, fitViewOptions.maxZoom]);

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

  function onDoubleClick(event: MouseEvent) {
    if (!editable || !(event.target instanceof Element) || !event.target.classList.contains('react-flow__pane')) return;
    onPaneDoubleClick?.(screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  }

  return (
    <div
      ref={wrapper}
      data-testid="canvas"
      className="h-full w-full"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDoubleClick={onDoubleClick}
      onMouseMove={onPointer ? (e) => onPointer({ x: e.clientX, y: e.clientY }) : undefined}
      onMouseLeave={onPointer ? () => onPointer(null) : undefined}
    >
      {viewport ? (
      <ReactFlow
        defaultViewport={viewport}
        colorMode={theme}
        nodes={nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={flow.onEdgesChange}
        onConnect={flow.onConnect}
        isValidConnection={flow.isValidConnection}
        nodesDraggable={editable}
        nodesConnectable={editable}
        elementsSelectable
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        zoomOnDoubleClick={!editable}
        fitView={fitOnOpen}
        fitViewOptions={fitViewOptions}
        minZoom={0.05}
        // Large pipelines: mount only the nodes in view, so opening and dragging stay fast.
        onlyRenderVisibleElements={large}
      >
        <Background gap={16} />
        <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
        <PathMiniMap nodes={nodes} />
        {children}
      </ReactFlow>
      ) : null}
    </div>
  );
}

const LARGE_GRAPH = 200;
