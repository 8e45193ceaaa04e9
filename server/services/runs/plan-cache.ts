import type { TPlan } from '../../../workflows/dsl';

/** This many plans are kept (a 1,000-node plan is ~0.6 MB). */
const MAX_PLANS = 64;
const plans = new Map<string, TPlan>();

/**
 * Saved versions' plans by version id, most recently started last. A version's plan never changes
 * once saved (drizzle/schema/pipelines.ts), so a run's start reads and parses it from Postgres
 * once, not on every click of Run. Nothing may change a plan it gets from here.
 */
export const planCache = {
  get(versionId: string): TPlan | undefined {
    const plan = plans.get(versionId);
    if (plan) {
      plans.delete(versionId);
      plans.set(versionId, plan);
    }
    return plan;
  },
  set(versionId: string, plan: TPlan): void {
    plans.set(versionId, plan);
    if (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value!);
  },
};
