'use client';

import { Handle, Position, useStore, type NodeProps, type NodeTypes, type ReactFlowState } from '@xyflow/react';
import Link from 'next/link';
import { memo } from 'react';
import { isFinalStep, nodeKindDefinition, type TPort, type TStepOrigin, type TStepStatus } from '@/workflows/dsl';
import { Elapsed } from '@/components/ui/elapsed';
import { StatusBadge } from '@/components/ui/status-badge';
import type { TDiffMark } from '@/components/versions/diff-canvas';
import type { TStepView, TWeftFlowNode } from './flow-elements';

const KIND_ACCENT: Record<string, string> = {
  python: 'bg-sky-500',
  shell: 'bg-slate-600',
  approval: 'bg-violet-500',
  noop: 'bg-teal-500',
  register_model: 'bg-emerald-600',
  promote_model: 'bg-fuchsia-600',
  // the ML step library: data steps amber, model steps indigo
  load_dataset: 'bg-amber-600',
  validate_data: 'bg-amber-600',
  split_dataset: 'bg-amber-600',
  drift_check: 'bg-amber-600',
  train_model: 'bg-indigo-600',
  train_torch: 'bg-indigo-600',
  sweep: 'bg-indigo-600',
  evaluate_model: 'bg-indigo-600',
  compare_production: 'bg-indigo-600',
  batch_predict: 'bg-indigo-600',
  notify: 'bg-cyan-600',
};

const STATUS_FILL: Record<TStepStatus, string> = {
  pending: 'bg-slate-300',
  running: 'bg-blue-500',
  retrying: 'bg-amber-500',
  waiting_approval: 'bg-violet-500',
  succeeded: 'bg-emerald-500',
  failed: 'bg-red-600',
  skipped: 'bg-slate-200',
  cancelled: 'bg-zinc-700',
};

// The version diff: a colour and a word each, so the marks never rest on colour alone.
const DIFF_LOOK: Record<TDiffMark, { border: string; badge: string }> = {
  added: { border: 'border-emerald-500 ring-2 ring-emerald-200', badge: 'bg-emerald-100 text-emerald-800' },
  removed: { border: 'border-dashed border-red-500 opacity-60', badge: 'bg-red-100 text-red-800' },
  changed: { border: 'border-amber-500 ring-2 ring-amber-200', badge: 'bg-amber-100 text-amber-800' },
};

// Only the origins that differ from a plain execution get a marker.
const ORIGIN_MARKER: Partial<Record<TStepOrigin, { text: string; title: string }>> = {
  cached: { text: 'from cache', title: 'Outputs taken from an identical earlier execution; the step did not run again' },
  reused: { text: 'reused', title: 'Outputs reused from the run this one retries, where the step succeeded' },
};

function PortHandles({ ports, type }: { ports: readonly TPort[]; type: 'source' | 'target' }) {
  const side = type === 'target' ? Position.Left : Position.Right;
  return ports.map((port, i) => (
    <Handle
      key={port.name}
      id={port.name}
      type={type}
      position={side}
      title={`${port.label} (${port.type}${port.required ? ', required' : ''})`}
      // Inline style: React Flow's own handle CSS is unlayered and would beat Tailwind's utilities.
      style={{ top: `${((i + 1) / (ports.length + 1)) * 100}%`, width: 12, height: 12, background: '#64748b', border: '2px solid white' }}
    >
      {/* several ports on one side (a condition's true/false) need names to be told apart */}
      {ports.length > 1 ? (
        <span className={`pointer-events-none absolute top-1/2 -translate-y-1/2 whitespace-nowrap text-[10px] font-medium text-slate-500 ${type === 'source' ? 'right-3.5' : 'left-3.5'}`}>
          {port.name}
        </span>
      ) : null}
    </Handle>
  ));
}

// Below this zoom text is unreadable anyway; a plain box keeps 1,000 visible nodes cheap to paint.
const LOW_DETAIL_ZOOM = 0.35;
const isZoomedOut = (s: ReactFlowState) => s.transform[2] < LOW_DETAIL_ZOOM;

/** One pipeline node: kind, label, ports, and either its live problems (editor) or its step status (run view). */
function WeftNodeView({ data, selected }: NodeProps<TWeftFlowNode>) {
  const { node, problems, step, diff } = data;
  const definition = nodeKindDefinition(node.kind);
  const zoomedOut = useStore(isZoomedOut);
  const invalid = !step && problems.length > 0;
  const flag = step?.flag ?? undefined;
  const border = diff ? DIFF_LOOK[diff].border : invalid ? 'border-red-500' : selected ? 'border-indigo-500' : flag ? 'border-amber-500' : 'border-slate-300';
  // data-status/-origin/-flag/-diff sit on the root only: e2e reads them there, one element per node.
  const stepAttributes = { 'data-status': step?.status, 'data-origin': step?.origin, 'data-flag': flag, 'data-diff': diff };
  if (zoomedOut) {
    return (
      <div {...stepAttributes} title={flag} className={`h-16 w-52 rounded-lg border-4 bg-white ${border}`}>
        <div className={`h-full w-3 ${step ? STATUS_FILL[step.status] : (KIND_ACCENT[node.kind] ?? 'bg-red-500')}`} />
        <PortHandles ports={definition?.inputs ?? []} type="target" />
        <PortHandles ports={definition?.outputs ?? []} type="source" />
      </div>
    );
  }
  return (
    <div
      {...stepAttributes}
      title={invalid ? problems.map((p) => p.message).join('\n') : undefined}
      className={`w-52 rounded-lg border-2 bg-white shadow-sm ${border} ${selected && !diff ? 'ring-2 ring-indigo-200' : ''}`}
    >
      <div className="flex items-center gap-2 border-b border-slate-100 px-3 py-1.5">
        <span className={`size-2 rounded-full ${KIND_ACCENT[node.kind] ?? 'bg-red-500'}`} aria-hidden />
        <span className="text-[11px] font-medium uppercase tracking-wide text-slate-500">{definition?.title ?? `Unknown: ${node.kind}`}</span>
        {diff ? <span className={`ml-auto rounded px-1.5 text-[10px] font-semibold uppercase ${DIFF_LOOK[diff].badge}`}>{diff}</span> : null}
        {invalid && !diff ? (
          <span data-testid="node-problem-count" className="ml-auto rounded-full bg-red-600 px-1.5 text-[11px] font-semibold text-white">
            {problems.length}
          </span>
        ) : null}
      </div>
      <div className="space-y-1 px-3 py-2">
        <div className="truncate text-sm font-medium text-slate-900">{node.label || node.id}</div>
        {node.label ? <div className="truncate font-mono text-[11px] text-slate-400">{node.id}</div> : null}
        {step ? <StepLine step={step} /> : null}
        {flag ? (
          <p data-testid="node-flag" className="rounded bg-amber-50 px-1.5 py-1 text-[11px] leading-snug text-amber-800 ring-1 ring-inset ring-amber-300">
            {flag}
          </p>
        ) : null}
        {step?.status === 'waiting_approval' ? (
          <Link href="/approvals" className="nodrag nopan block text-xs font-medium text-violet-700 underline">
            Review in Approvals
          </Link>
        ) : null}
      </div>
      <PortHandles ports={definition?.inputs ?? []} type="target" />
      <PortHandles ports={definition?.outputs ?? []} type="source" />
    </div>
  );
}

function StepLine({ step }: { step: TStepView }) {
  const marker = ORIGIN_MARKER[step.origin];
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <StatusBadge status={step.status} />
      {marker ? (
        <span data-testid="node-origin" title={marker.title} className="rounded bg-sky-50 px-1.5 text-[11px] font-medium text-sky-800 ring-1 ring-inset ring-sky-200">
          {marker.text}
        </span>
      ) : null}
      {step.attempts > 1 ? <span className="text-[11px] text-slate-500">attempt {step.attempts}</span> : null}
      {step.origin === 'executed' && step.startedAt !== null ? (
        <Elapsed from={step.startedAt} to={step.endedAt ?? (isFinalStep(step.status) ? step.startedAt : null)} className="ml-auto text-[11px] tabular-nums text-slate-500" />
      ) : null}
    </div>
  );
}

export const WeftNode = memo(WeftNodeView);

/** Defined once at module level: a new object per render would remount every node. */
export const nodeTypes = { weft: WeftNode } satisfies NodeTypes;
