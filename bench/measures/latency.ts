// 2. A 3-step no-op pipeline, start → done, and where that time goes.
import { HAND_ACTIVITY_QUEUE, LATENCY_REPS } from '../lib/config';
import { activityTimeline, runPhases, type TActivityTiming } from '../lib/history';
import type { TReport } from '../lib/report';
import { isHandStep, isWeftStep, runHand, runWeft, type TTimed } from '../lib/runs';
import { fmtMs, median } from '../lib/stats';
import { verdict } from '../lib/table';
import type { TBench } from '../lib/workers';

/** Returns Weft's median over the hand-written chain's (the eager one): the start → done target. */
export async function measureLatency(b: TBench, noopVersions: Map<number, string>, { rows, notes }: TReport): Promise<number> {
  const v3 = noopVersions.get(3)!;
  const weft: TTimed[] = [];
  const hand: TTimed[] = [];
  const handElsewhere: TTimed[] = [];
  for (let i = 0; i < LATENCY_REPS; i++) {
    weft.push(await runWeft(b, v3));
    hand.push(await runHand(b, 'handChain', [3]));
    handElsewhere.push(await runHand(b, 'handChain', [3, HAND_ACTIVITY_QUEUE]));
  }
  const msOf = (list: TTimed[]) => list.map((r) => r.ms);
  rows.push({
    measure: `3-step no-op pipeline, start → done (median of ${LATENCY_REPS}; Weft via runs.start)`,
    weft: fmtMs(median(msOf(weft))),
    hand: fmtMs(median(msOf(hand))),
    target: 'report (was < 60 ms)',
    ok: '',
  });
  const ratio = median(msOf(weft)) / median(msOf(hand));
  rows.push({ measure: '  ratio Weft / hand-written', weft: `${ratio.toFixed(2)}×`, hand: '1.00×', target: '≤ 1.2× (median of rounds below)', ok: verdict(ratio <= 1.2) });
  // what the topology alone costs: the same chain with its activities on another queue (no eager dispatch)
  const sameTopology = median(msOf(weft)) / median(msOf(handElsewhere));
  rows.push({
    measure: '  hand-written with its activities on another task queue (as Weft\'s pools)',
    weft: `ratio ${sameTopology.toFixed(2)}× (Weft / it)`,
    hand: fmtMs(median(msOf(handElsewhere))),
    target: 'report',
    ok: '',
  });
  // where the time goes, from the histories (server clock) and the client
  const phases = async (list: TTimed[], isStep: (a: TActivityTiming) => boolean) => {
    const all = (await Promise.all(list.map(async (r) => runPhases(await activityTimeline(r.handle), isStep)))).flatMap((p) => (p ? [p] : []));
    const m = (k: keyof (typeof all)[number]) => fmtMs(median(all.map((p) => p[k])));
    return `workflow started → first step scheduled ${m('beforeSteps')}, steps ${m('steps')}, last step completed → workflow closed ${m('afterSteps')} (workflow ${m('total')})`;
  };
  notes.push(`3-step runs (medians): Weft: runs.start call ${fmtMs(median(weft.map((r) => r.startMs ?? Number.NaN)))}; ${await phases(weft, isWeftStep)}`);
  notes.push(`                       hand-written: ${await phases(hand, isHandStep)}`);
  return ratio;
}
