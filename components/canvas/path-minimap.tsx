'use client';

import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useMemo, useRef, type PointerEvent } from 'react';
import type { TWeftFlowNode } from './flow-elements';
import { DEFAULT_NODE_SIZE } from './layout-graph';
import { boundsOf, colourPaths, viewBoxFor, type TRect } from './minimap-geometry';
import { minimapNodeColor } from './minimap-colors';

const WIDTH = 200;
const HEIGHT = 150;

const rectOf = (n: TWeftFlowNode): TRect => ({
  x: n.position.x,
  y: n.position.y,
  width: n.measured?.width ?? DEFAULT_NODE_SIZE.width,
  height: n.measured?.height ?? DEFAULT_NODE_SIZE.height,
});
const selectTransform = (s: ReactFlowState) => s.transform;
const selectWidth = (s: ReactFlowState) => s.width;
const selectHeight = (s: ReactFlowState) => s.height;

/**
 * The minimap: nodes coloured by status (run view) or kind (editor), the visible part of the canvas
 * outlined; click or drag in it to move the view there. Drawn as one path per colour from the
 * nodes the canvas already has (see minimap-geometry.ts for why not React Flow's MiniMap).
 */
export const PathMiniMap = memo(function PathMiniMap({ nodes }: { nodes: readonly TWeftFlowNode[] }) {
  const [tx, ty, zoom] = useStore(selectTransform);
  const width = useStore(selectWidth);
  const height = useStore(selectHeight);
  const { setCenter } = useReactFlow();
  const svg = useRef<SVGSVGElement>(null);

  const paths = useMemo(() => colourPaths(nodes, rectOf, minimapNodeColor), [nodes]);
  const content = useMemo(() => boundsOf(nodes.map(rectOf)), [nodes]);
  const view = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
  const box = viewBoxFor(content, view, WIDTH / HEIGHT);

  function moveTo(event: PointerEvent<SVGSVGElement>) {
    const r = svg.current?.getBoundingClientRect();
    if (!r) return;
    const x = box.x + ((event.clientX - r.left) / r.width) * box.width;
    const y = box.y + ((event.clientY - r.top) / r.height) * box.height;
    void setCenter(x, y, { zoom });
  }

  return (
    <Panel position="bottom-right" data-minimap className="hidden rounded-md border border-slate-200 bg-white/95 shadow-sm md:block">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        role="img"
        aria-label="Mini map"
        data-testid="minimap"
        className="cursor-pointer"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => e.buttons === 1 && moveTo(e)}
      >
        {paths.map((p) => (
          <path key={p.colour} d={p.d} fill={p.colour} shapeRendering="crispEdges" />
        ))}
        <rect x={view.x} y={view.y} width={view.width} height={view.height} fill="rgba(99, 102, 241, 0.08)" stroke="#6366f1" strokeWidth={box.width / WIDTH} />
      </svg>
    </Panel>
  );
});
