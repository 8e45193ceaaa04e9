// The reference semantics of a run, as whole-plan waves: not used at run time. The run reducer
// (run-reducer.ts) considers only what an event changes; its property test checks that it ends
// every step exactly as these waves do.
import type { TPlan, TPlanStep } from './plan';
import type { TStepStatus } from './statuses';

export type TNextMoves = {
  /** pending steps that can start now */
  ready: TPlanStep[];
  /** pending steps on a branch a condition did not take (every input edge inactive) */
  skip: TPlanStep[];
  /** pending steps that can never run because something upstream failed or was cancelled */
  block: TPlanStep[];
};

const BROKEN: ReadonlySet<TStepStatus> = new Set(['failed', 'cancelled']);

/**
 * What may happen next, in one pass over the (topologically ordered) plan. A step is
 * ready when every dependency has finished, none failed, and at least one input edge is active:
 * its source succeeded and, for a condition, the edge leaves the port of the branch taken.
 * Skips and blocks propagate downstream within the same pass.
 */
export function nextMoves(plan: TPlan, status: ReadonlyMap<string, TStepStatus>, branches: ReadonlyMap<string, string>): TNextMoves {
  const effective = new Map(status);
  const blocked = new Set<string>();
  const moves: TNextMoves = { ready: [], skip: [], block: [] };
  for (const step of plan.steps) {
    const own = effective.get(step.nodeId);
    const upstreamBroken = step.dependsOn.some((dep) => blocked.has(dep) || BROKEN.has(effective.get(dep)!));
    if (upstreamBroken && (own === 'pending' || own === 'skipped')) {
      blocked.add(step.nodeId); // a skipped step below a failure stays blocked across passes
      if (own === 'pending') {
        moves.block.push(step);
        effective.set(step.nodeId, 'skipped');
      }
      continue;
    }
    if (own !== 'pending') continue;
    if (!step.dependsOn.every((dep) => effective.get(dep) === 'succeeded' || effective.get(dep) === 'skipped')) continue;
    const active =
      step.inputs.length === 0 ||
      step.inputs.some((edge) => effective.get(edge.fromNode) === 'succeeded' && (!branches.has(edge.fromNode) || branches.get(edge.fromNode) === edge.fromPort));
    if (active) moves.ready.push(step);
    else {
      moves.skip.push(step);
      effective.set(step.nodeId, 'skipped');
    }
  }
  return moves;
}
