'use client';

import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import Link from 'next/link';
import { memo } from 'react';
import type { TApiOutputs } from '@/components/providers/api-types';

export type TLineageNodeData = TApiOutputs['models']['lineage']['nodes'][number] & { focus: boolean };
export type TLineageFlowNode = Node<TLineageNodeData, 'lineage'>;

const KIND_STYLE: Record<TLineageNodeData['kind'], { ring: string; tag: string }> = {
  dataset: { ring: 'border-sky-300 bg-sky-50', tag: 'dataset' },
  artifact: { ring: 'border-slate-300 bg-white', tag: 'artifact' },
  step: { ring: 'border-indigo-300 bg-indigo-50', tag: 'step' },
  run: { ring: 'border-amber-300 bg-amber-50', tag: 'tracking run' },
  model: { ring: 'border-emerald-300 bg-emerald-50', tag: 'logged model' },
  version: { ring: 'border-violet-400 bg-violet-50', tag: 'model version' },
};

/** One thing of the lineage: its kind, name and detail; a link where it leads somewhere in the app. */
function LineageNodeView({ data }: NodeProps<TLineageFlowNode>) {
  const style = KIND_STYLE[data.kind];
  const label = data.href ? (
    <Link href={data.href} className="font-medium text-indigo-700 hover:underline">
      {data.label}
    </Link>
  ) : (
    <span className="font-medium text-slate-900">{data.label}</span>
  );
  return (
    <div
      className={`w-52 rounded-md border px-2.5 py-1.5 text-xs shadow-xs ${style.ring} ${data.focus ? 'ring-2 ring-violet-500' : ''}`}
      data-testid={`lineage-node-${data.kind}`}
      data-focus={data.focus || undefined}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="!size-1.5 !bg-slate-400" />
      <div className="text-[10px] uppercase tracking-wide text-slate-500">{style.tag}</div>
      <div className="truncate" title={data.label}>
        {label}
      </div>
      {data.detail ? (
        <div className="truncate font-mono text-[10px] text-slate-500" title={data.detail}>
          {data.detail}
        </div>
      ) : null}
      <Handle type="source" position={Position.Right} isConnectable={false} className="!size-1.5 !bg-slate-400" />
    </div>
  );
}

export const LineageNode = memo(LineageNodeView);
export const lineageNodeTypes = { lineage: LineageNode };
