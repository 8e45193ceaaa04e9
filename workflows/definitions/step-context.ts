import type { TStepOutputs, TStepStatus } from '../dsl';

/** What an expression (a condition, a for-each's items) may read: finished steps and the run's parameters. */
export function expressionContext(
  params: Record<string, unknown>,
  status: ReadonlyMap<string, TStepStatus>,
  outputs: ReadonlyMap<string, TStepOutputs>,
): Record<string, unknown> {
  const steps = Object.fromEntries(
    [...outputs].map(([nodeId, out]) => [nodeId, { status: status.get(nodeId) ?? 'pending', metrics: out.metrics, outputs: out.artifacts }]),
  );
  return { steps, params };
}
