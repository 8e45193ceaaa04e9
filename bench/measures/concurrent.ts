// 3. 100 concurrent runs of a 10-step chain: do all complete, throughput, step overhead under load.
import { CONCURRENT, CONCURRENT_STEPS, HAND_ACTIVITY_QUEUE } from '../lib/config';
import { activityTimeline, type TTimeline } from '../lib/history';
import type { TReport } from '../lib/report';
import { isHandStep, isWeftStep, runHand, runWeft, saveVersion, timingsOf, type TTimed } from '../lib/runs';
import { noopChain } from '../lib/specs';
import { fmtMs, median, percentile } from '../lib/stats';
import { verdict } from '../lib/table';
import { errorText, now, range, short } from '../lib/util';
import type { TBench } from '../lib/workers';

/** Returns Weft's throughput over the same-topology chain's (its activities on another queue): the load target. */
export async function measureConcurrent(b: TBench, noopVersions: Map<number, string>, { rows, notes }: TReport): Promise<number> {
  const v10 = noopVersions.get(CONCURRENT_STEPS) ?? (await saveVersion(b, `bench noop ${CONCURRENT_STEPS}`, noopChain(CONCURRENT_STEPS)));
  const burst = async (one: () => Promise<TTimed>) => {
    const t0 = now();
    let last = t0;
    const settled = await Promise.allSettled(
      range(CONCURRENT).map(async () => {
        const r = await one();
        last = Math.max(last, now());
        return r;
      }),
    );
    const done = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failures = settled.flatMap((s) => (s.status === 'rejected' ? [errorText(s.reason)] : []));
    return { done, failures, seconds: (last - t0) / 1000, runs: CONCURRENT };
  };
  type TBurst = Awaited<ReturnType<typeof burst>>;
  /** two bursts as one: their runs over their summed times */
  const pooled = (x: TBurst, y: TBurst): TBurst => ({ done: [...x.done, ...y.done], failures: [...x.failures, ...y.failures], seconds: x.seconds + y.seconds, runs: x.runs + y.runs });
  // the hand-written variant whose activities, like Weft's steps, go to another task queue (no eager
  // dispatch), in the order Weft, it, it, Weft: the machine's drift within a round and what a burst
  // leaves the server to do after it (its activities' timeout timers fire 30-60 s later) fall on both
  const weftRun = () => runWeft(b, v10, 180_000);
  const elsewhereRun = () => runHand(b, 'handChain', [CONCURRENT_STEPS, HAND_ACTIVITY_QUEUE], 180_000);
  const weftFirst = await burst(weftRun);
  const elsewhereFirst = await burst(elsewhereRun);
  const handElsewhere = pooled(elsewhereFirst, await burst(elsewhereRun));
  const weft = pooled(weftFirst, await burst(weftRun));
  const hand = await burst(() => runHand(b, 'handChain', [CONCURRENT_STEPS], 180_000));
  const allDone = (r: typeof weft) => `${r.done.length}/${r.runs}${r.failures.length ? ` (${short(r.failures[0]!, 60)})` : ''}`;
  rows.push({ measure: `${CONCURRENT} concurrent ${CONCURRENT_STEPS}-step runs: completed (of all bursts)`, weft: allDone(weft), hand: allDone(hand), target: 'all', ok: verdict(weft.done.length === weft.runs) });
  const rate = (r: typeof weft) => r.done.length / r.seconds;
  const throughput = weft.done.length === weft.runs ? rate(weft) / rate(handElsewhere) : 0;
  rows.push({
    measure: '  throughput (completed runs / first start → last done)',
    weft: `${rate(weft).toFixed(1)} runs/s (${weft.seconds.toFixed(1)} s)`,
    hand: `${rate(hand).toFixed(1)} runs/s (${hand.seconds.toFixed(1)} s)`,
    target: 'report (was ≥ 20 runs/s)',
    ok: '',
  });
  rows.push({
    measure: '  hand-written with its activities on another task queue (as Weft\'s pools; 2 bursts each)',
    weft: `ratio ${throughput.toFixed(2)}× (Weft / it)`,
    hand: `${rate(handElsewhere).toFixed(1)} runs/s (${handElsewhere.seconds.toFixed(1)} s)`,
    target: '≥ 1.0× (median of rounds below)',
    ok: verdict(throughput >= 1),
  });
  const [w, h] = await Promise.all([timingsOf(weftFirst.done.map((r) => r.handle), isWeftStep), timingsOf(hand.done.map((r) => r.handle), isHandStep)]);
  rows.push({
    measure: '  step overhead under load: end of step → start of next (history; p95 / median)',
    weft: `${fmtMs(percentile(w.gaps, 95))} / ${fmtMs(median(w.gaps))}`,
    hand: `${fmtMs(percentile(h.gaps, 95))} / ${fmtMs(median(h.gaps))}`,
    target: 'report',
    ok: '',
  });
  // what each run costs the server (a sample of runs): where Weft's extra work under load comes from
  const sample = async (r: typeof weft) => Promise.all(r.done.slice(0, 10).map((t) => activityTimeline(t.handle)));
  const perRun = (list: TTimeline[], isStep: (a: TTimeline['activities'][number]) => boolean) =>
    `${median(list.map((t) => t.events))} history events, ${median(list.map((t) => t.workflowTasks))} workflow tasks, ${median(list.map((t) => t.activities.filter((a) => !isStep(a)).length))} other activities, ${median(list.map((t) => t.workflowTaskProblems))} failed/timed-out workflow tasks`;
  const split = (t: typeof w) => `scheduled→started ${fmtMs(median(t.dispatch))}, started→completed ${fmtMs(median(t.exec))}, completed→next started ${fmtMs(median(t.gaps))}`;
  notes.push(`${CONCURRENT} concurrent runs, per step (medians): Weft ${split(w)}; hand-written ${split(h)}`);
  notes.push(`${CONCURRENT} concurrent runs, per run (median of 10): Weft ${perRun(await sample(weftFirst), isWeftStep)}; hand-written ${perRun(await sample(hand), isHandStep)}`);
  if (weft.failures.length) notes.push(`concurrent Weft runs that failed: ${weft.failures.length}; first: ${weft.failures[0]}`);
  return throughput;
}
