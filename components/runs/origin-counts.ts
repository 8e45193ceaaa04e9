import type { TStepOrigin } from '@/workflows/dsl';

/** "2 cached · 1 reused": the steps this run did not execute itself; null when it executed all of them. */
export function originCounts(steps: readonly { origin: TStepOrigin }[]): string | null {
  const cached = steps.filter((s) => s.origin === 'cached').length;
  const reused = steps.filter((s) => s.origin === 'reused').length;
  const parts = [cached > 0 ? `${cached} cached` : null, reused > 0 ? `${reused} reused` : null].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : null;
}
