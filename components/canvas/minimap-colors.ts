import type { TStepStatus } from '@/workflows/dsl';
import type { TWeftFlowNode } from './flow-elements';

/**
 * MiniMap fills (SVG colours, not Tailwind classes): a node's step status in the run view, its
 * kind in the editor; the same hues as the node's own accent (weft-node.tsx).
 */
const STATUS_COLOR: Record<TStepStatus, string> = {
  pending: '#cbd5e1',
  running: '#3b82f6',
  retrying: '#f59e0b',
  waiting_approval: '#8b5cf6',
  succeeded: '#10b981',
  failed: '#dc2626',
  skipped: '#e2e8f0',
  cancelled: '#3f3f46',
};

const KIND_COLOR: Record<string, string> = {
  python: '#0ea5e9',
  shell: '#475569',
  approval: '#8b5cf6',
  noop: '#14b8a6',
  condition: '#f59e0b',
  foreach: '#6366f1',
  subpipeline: '#ec4899',
  // the ML step library: data steps amber, model steps indigo (as on the nodes)
  load_dataset: '#d97706',
  validate_data: '#d97706',
  split_dataset: '#d97706',
  drift_check: '#d97706',
  train_model: '#4f46e5',
  train_torch: '#4f46e5',
  sweep: '#4f46e5',
  evaluate_model: '#4f46e5',
  compare_production: '#4f46e5',
  batch_predict: '#4f46e5',
  notify: '#0891b2',
};

export function minimapNodeColor(node: TWeftFlowNode): string {
  const { step, node: spec } = node.data;
  if (step) return STATUS_COLOR[step.status];
  return KIND_COLOR[spec.kind] ?? '#94a3b8';
}
