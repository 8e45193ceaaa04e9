import type { TPlanStep, TStepOutputs, TStepStatus } from '../dsl';
import { evaluateExpression, isTruthy, parseExpression } from '../dsl/expression';
import { expressionContext } from './step-context';
import type { TStepOutcome, TStepRunContext } from './step-runner';

/**
 * A condition runs inside the interpreter (pure and deterministic): it evaluates its expression
 * over the finished steps' statuses, metrics and outputs and the run's parameters, and takes the
 * `true` or `false` port. An expression that cannot be evaluated fails the step.
 */
export function runConditionStep(
  ctx: TStepRunContext,
  step: TPlanStep,
  status: ReadonlyMap<string, TStepStatus>,
  outputs: ReadonlyMap<string, TStepOutputs>,
): TStepOutcome {
  const parsed = parseExpression(String(step.config.expression ?? ''));
  const evaluated = parsed.ok ? evaluateExpression(parsed.ast, expressionContext(ctx.params, status, outputs)) : parsed;
  if (!evaluated.ok) {
    const error = `Condition failed: ${evaluated.error.message}`;
    ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'failed', error, at: ctx.now() });
    return { status: 'failed', error };
  }
  const result: TStepOutputs = { artifacts: {}, metrics: {}, branch: isTruthy(evaluated.value) ? 'true' : 'false' };
  ctx.recorder.add({ type: 'step', nodeId: step.nodeId, status: 'succeeded', outputs: result, at: ctx.now() });
  return { status: 'succeeded', outputs: result };
}
