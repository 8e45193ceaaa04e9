'use client';

import { Background, Controls, ReactFlow, type Edge } from '@xyflow/react';
import { useTheme } from '@/components/theme/use-theme';
import { useMemo } from 'react';
import type { TApiOutputs } from '@/components/providers/api-types';
import { layoutLineage } from './lineage-layout';
import { lineageNodeTypes, type TLineageFlowNode } from './lineage-node';

type TLineage = TApiOutputs['models']['lineage'];

const FIT_VIEW = { padding: 0.15, maxZoom: 1.2 };

/** The lineage graph, read-only: datasets and artifacts on the left, registry versions on the right. */
export function LineageGraph({ lineage }: { lineage: TLineage }) {
  const theme = useTheme().resolved;
  const { nodes, edges } = useMemo(() => {
    const positions = layoutLineage(lineage.nodes, lineage.edges);
    const nodes: TLineageFlowNode[] = lineage.nodes.map((n) => ({ id: n.id, type: 'lineage', position: positions.get(n.id)!, data: { ...n, focus: n.id === lineage.focus }, draggable: false }));
    const edges: Edge[] = lineage.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, ...(e.label ? { label: e.label } : {}), className: 'text-xs' }));
    return { nodes, edges };
  }, [lineage]);

  return (
    <div className="space-y-1">
      <div className="h-80 rounded-lg border border-slate-200 bg-white" data-testid="lineage-graph">
        <ReactFlow colorMode={theme} nodes={nodes} edges={edges} nodeTypes={lineageNodeTypes} nodesConnectable={false} nodesDraggable={false} elementsSelectable={false} fitView fitViewOptions={FIT_VIEW} minZoom={0.1}>
          <Background gap={16} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      {lineage.truncated ? <p className="text-xs text-amber-700">The graph is cut at its first few hundred things: more lineage exists beyond it.</p> : null}
    </div>
  );
}
