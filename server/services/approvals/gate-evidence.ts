import { and, eq, inArray } from 'drizzle-orm';
import { pipelineVersions, runs, steps } from '../../../drizzle/schema';
import type { TPlan, TStepOutputs } from '../../../workflows/dsl';
import type { TDatabase } from '../../db/client';

/** A metric as an approver reads it: its value and, where the step computed one, its interval. */
export type TEvidenceMetric = { key: string; value: number; ciLow?: number; ciHigh?: number };
export type TStepEvidence = {
  nodeId: string;
  label: string;
  metrics: TEvidenceMetric[];
  /** a "Compare with production" step's verdict, and the difference with its interval */
  verdict?: { verdict: string; difference?: number; ciLow?: number; ciHigh?: number; championVersion?: number };
  /** a "Validate data" step's outcome */
  validation?: { valid: boolean; failed: number; warned: number };
  /** report files it wrote (shown in the run's Artifacts tab) */
  reports: string[];
};

const VERDICT_PREFIX = 'verdict_';
const VALIDATION_KEYS = new Set(['valid', 'checks_failed', 'checks_warned']);
const COMPARISON_KEYS = new Set(['acceptable', 'candidate', 'champion', 'difference', 'ci_low', 'ci_high', 'champion_version']);

/**
 * What an approval gate's approver decides on: the outputs of every step of its run that succeeded
 * and does not wait for the gate (upstream, and parallel branches such as an evaluation) (metrics with their bootstrap intervals, a comparison's verdict, a validation's result,
 * report files), read from the step records, so that nobody has to trust a number in a log.
 */
export async function gateEvidence(db: TDatabase, gates: readonly { id: string; runId: string; nodeId: string }[]): Promise<Map<string, TStepEvidence[]>> {
  const evidence = new Map<string, TStepEvidence[]>();
  if (!gates.length) return evidence;
  const runIds = [...new Set(gates.map((g) => g.runId))];
  const plans = await db
    .select({ runId: runs.id, plan: pipelineVersions.plan })
    .from(runs)
    .innerJoin(pipelineVersions, eq(pipelineVersions.id, runs.versionId))
    .where(inArray(runs.id, runIds));
  const outputs = await db
    .select({ runId: steps.runId, nodeId: steps.nodeId, outputs: steps.outputs })
    .from(steps)
    .where(and(inArray(steps.runId, runIds), eq(steps.status, 'succeeded')));
  const planOf = new Map(plans.map((p) => [p.runId, p.plan]));
  const outputsOf = new Map(outputs.map((o) => [`${o.runId}/${o.nodeId}`, o.outputs]));
  for (const gate of gates) {
    const plan = planOf.get(gate.runId);
    if (!plan) continue;
    const after = descendants(plan, gate.nodeId);
    evidence.set(
      gate.id,
      plan.steps
        .filter((s) => s.nodeId !== gate.nodeId && !after.has(s.nodeId))
        .flatMap((s) => {
          const out = outputsOf.get(`${gate.runId}/${s.nodeId}`);
          return out ? [stepEvidence(s.nodeId, s.label, out)] : [];
        })
        .filter((e) => e.metrics.length || e.verdict || e.validation || e.reports.length),
    );
  }
  return evidence;
}

/** The steps that come after the gate (they wait for its decision: nothing of theirs is evidence). */
function descendants(plan: TPlan, nodeId: string): Set<string> {
  const downstream = new Map<string, string[]>();
  for (const s of plan.steps) for (const dep of s.dependsOn) downstream.set(dep, [...(downstream.get(dep) ?? []), s.nodeId]);
  const seen = new Set<string>();
  const stack = [...(downstream.get(nodeId) ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(downstream.get(id) ?? []));
  }
  return seen;
}

export function stepEvidence(nodeId: string, label: string, outputs: TStepOutputs): TStepEvidence {
  const m = outputs.metrics ?? {};
  const verdictKey = Object.keys(m).find((k) => k.startsWith(VERDICT_PREFIX) && m[k] === 1);
  const isComparison = Object.keys(m).some((k) => k.startsWith(VERDICT_PREFIX));
  const metrics: TEvidenceMetric[] = Object.entries(m)
    .filter(([k]) => !k.endsWith('_ci_low') && !k.endsWith('_ci_high') && !k.startsWith(VERDICT_PREFIX) && !VALIDATION_KEYS.has(k) && !(isComparison && COMPARISON_KEYS.has(k)))
    .map(([key, value]) => ({ key, value, ...(m[`${key}_ci_low`] !== undefined ? { ciLow: m[`${key}_ci_low`] } : {}), ...(m[`${key}_ci_high`] !== undefined ? { ciHigh: m[`${key}_ci_high`] } : {}) }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    nodeId,
    label: label || nodeId,
    metrics,
    ...(isComparison
      ? {
          verdict: {
            verdict: verdictKey ? verdictKey.slice(VERDICT_PREFIX.length).replaceAll('_', ' ').replace('non inferior', 'non-inferior') : 'unknown',
            ...(m.difference !== undefined ? { difference: m.difference } : {}),
            ...(m.ci_low !== undefined ? { ciLow: m.ci_low } : {}),
            ...(m.ci_high !== undefined ? { ciHigh: m.ci_high } : {}),
            ...(m.champion_version !== undefined ? { championVersion: m.champion_version } : {}),
          },
        }
      : {}),
    ...(m.valid !== undefined ? { validation: { valid: m.valid === 1, failed: m.checks_failed ?? 0, warned: m.checks_warned ?? 0 } } : {}),
    reports: Object.keys(outputs.artifacts ?? {}).filter((name) => /\.(html|json)$/.test(name)).sort(),
  };
}
