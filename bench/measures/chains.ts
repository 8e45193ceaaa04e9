// 1. Per-step overhead: the slope over chains of 1, 10 and 50 no-op steps, Weft against the
// hand-written chain (and its variant with activities on another task queue, as Weft's pools).
import { HAND_ACTIVITY_QUEUE, REPS, SIZES } from '../lib/config';
import type { TStepTimings } from '../lib/history';
import type { TReport } from '../lib/report';
import { isHandStep, isWeftStep, runHand, runWeft, timingsOf } from '../lib/runs';
import { measureSeries, mediansOf, perStep, slopeOf } from '../lib/series';
import { fmtMs, median, percentile } from '../lib/stats';
import { verdict } from '../lib/table';
import type { TBench } from '../lib/workers';

export type TSlopes = { weft: number; hand: number };

/** `found.slopes` is set as soon as the slopes are known, for the python chains to subtract. */
/** Returns Weft's slope over the same-topology chain's (its activities on another queue): the per-step target. */
export async function measureChains(b: TBench, noopVersions: Map<number, string>, found: { slopes?: TSlopes }, { rows, notes }: TReport): Promise<number> {
  const series = await measureSeries(
    'no-op chains (Weft / hand / hand, activities on another queue)',
    SIZES,
    REPS,
    [
      ['weft', (n) => runWeft(b, noopVersions.get(n)!, 60_000 + n * 2_000)],
      ['hand', (n) => runHand(b, 'handChain', [n])],
      ['handOtherQueue', (n) => runHand(b, 'handChain', [n, HAND_ACTIVITY_QUEUE])],
    ],
    50,
  );
  const weft = series.get('weft')!;
  const hand = series.get('hand')!;
  const other = series.get('handOtherQueue')!;
  const noopSlopes: TSlopes = { weft: slopeOf(weft), hand: slopeOf(hand) };
  found.slopes = noopSlopes;
  const ratio = noopSlopes.weft / noopSlopes.hand;
  const sameTopology = noopSlopes.weft / slopeOf(other);
  rows.push({
    measure: `per-step overhead: no-op chains ${SIZES.join('/')} (slope of medians, ${REPS} reps)`,
    weft: perStep(noopSlopes.weft),
    hand: perStep(noopSlopes.hand),
    target: 'report (was < 15 ms/step)',
    ok: '',
  });
  rows.push({ measure: '  ratio Weft / hand-written (its activities eagerly on its own queue)', weft: `${ratio.toFixed(2)}×`, hand: '1.00×', target: 'report', ok: '' });
  rows.push({
    measure: '  hand-written with its activities on another task queue (as Weft\'s pools)',
    weft: `ratio ${sameTopology.toFixed(2)}×`,
    hand: perStep(slopeOf(other)),
    target: '≤ 1.1× (median of rounds below)',
    ok: verdict(sameTopology <= 1.1),
  });
  notes.push(`no-op chain medians (start → done): Weft ${mediansOf(weft)}; hand-written ${mediansOf(hand)}; hand-written, activities on another queue ${mediansOf(other)}`);
  const [w, h, o] = await Promise.all([timingsOf(weft.handles, isWeftStep), timingsOf(hand.handles, isHandStep), timingsOf(other.handles, isHandStep)]);
  rows.push({
    measure: '  end of step → start of next, 50-step chains (history; median / p95)',
    weft: `${fmtMs(median(w.gaps))} / ${fmtMs(percentile(w.gaps, 95))}`,
    hand: `${fmtMs(median(h.gaps))} / ${fmtMs(percentile(h.gaps, 95))}`,
    target: '≤ 30 ms (ARCHITECTURE)',
    ok: verdict(median(w.gaps) <= 30),
  });
  const per = (t: TStepTimings) =>
    `scheduled→started ${fmtMs(median(t.dispatch))}, started→completed ${fmtMs(median(t.exec))}, completed→next started ${fmtMs(median(t.gaps))}; ` +
    `${(t.events / t.steps).toFixed(1)} history events, ${(t.workflowTasks / t.steps).toFixed(1)} workflow tasks, ${(t.otherActivities / t.steps).toFixed(2)} other activities per step`;
  notes.push(`50-step chains, per step (medians, Temporal history event times; ms resolution):`);
  notes.push(`  Weft:                              ${per(w)}`);
  notes.push(`  hand-written:                      ${per(h)}`);
  notes.push(`  hand-written, activities elsewhere: ${per(o)}`);
  return sameTopology;
}
