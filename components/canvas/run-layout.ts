import type { ElkNode } from 'elkjs/lib/elk-api';
import { positionsFromElk, toElkGraph, type TLayoutRequest } from './layout-graph';

type TElk = { layout: (graph: ElkNode) => Promise<ElkNode> };

/** Lays the request out with an ELK instance: the worker's whole job (layout.worker.ts), and testable in Node. */
export async function runLayout(elk: TElk, request: TLayoutRequest): Promise<Record<string, { x: number; y: number }>> {
  return positionsFromElk(await elk.layout(toElkGraph(request)));
}
