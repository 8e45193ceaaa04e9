import type { TPlan } from './plan';

/** What a finished step hands downstream: artifact references (never data) and its metrics. */
export type TArtifactRef = { hash: string; size: number };
export type TStepOutputs = {
  artifacts: Record<string, TArtifactRef>;
  metrics: Record<string, number>;
  /** a condition's chosen output port */
  branch?: string;
  /** a model version a "Register model" step registered, or a "Promote model" step promoted */
  model?: { name: string; version: number };
  /** a for-each's per-item outputs, in item order */
  items?: TStepOutputs[];
};
export const emptyOutputs = (): TStepOutputs => ({ artifacts: {}, metrics: {} });

/** What a whole run hands back (to a parent pipeline): the merged outputs of its final steps. */
export function finalOutputs(plan: TPlan, outputs: ReadonlyMap<string, TStepOutputs>): TStepOutputs {
  const upstream = new Set(plan.steps.flatMap((s) => s.dependsOn));
  const merged: TStepOutputs = { artifacts: {}, metrics: {} };
  for (const step of plan.steps) {
    const out = outputs.get(step.nodeId);
    if (upstream.has(step.nodeId) || !out) continue;
    Object.assign(merged.artifacts, out.artifacts);
    Object.assign(merged.metrics, out.metrics);
  }
  return merged;
}
