import type { Viewport } from '@xyflow/react';
import { DEFAULT_NODE_SIZE } from './layout-graph';

const MARGIN = 48;

/**
 * A viewport that shows every node, from their positions alone (before React Flow has measured
 * them). The first render of a large pipeline is then already at its final zoom (nodes drawn in
 * their low-detail form) instead of at 100 % and again once fitView has run.
 */
export function initialViewport(nodes: readonly { position: { x: number; y: number } }[], size: { width: number; height: number }, maxZoom = 1): Viewport {
  if (!nodes.length || size.width <= 0 || size.height <= 0) return { x: 0, y: 0, zoom: 1 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { position } of nodes) {
    minX = Math.min(minX, position.x);
    minY = Math.min(minY, position.y);
    maxX = Math.max(maxX, position.x + DEFAULT_NODE_SIZE.width);
    maxY = Math.max(maxY, position.y + DEFAULT_NODE_SIZE.height);
  }
  const zoom = Math.max(0.05, Math.min(maxZoom, (size.width - 2 * MARGIN) / (maxX - minX), (size.height - 2 * MARGIN) / (maxY - minY)));
  return { x: (size.width - (maxX - minX) * zoom) / 2 - minX * zoom, y: (size.height - (maxY - minY) * zoom) / 2 - minY * zoom, zoom };
}
