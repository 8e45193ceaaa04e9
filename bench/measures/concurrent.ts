// 3. 100 concurrent runs of a 10-step chain: do all complete, throughput, step overhead under load.
import { CONCURRENT, CONCURRENT_STEPS } from '../lib/config';
import { report } from '../lib/report';
import { isHandStep, isWeftStep, runHand, runWeft, saveVersion, timingsOf, type TTimed } from '../lib/runs';
import { noopChain } from '../lib/specs';
import { fmtMs, median, percentile } from '../lib/stats';
import { verdict } from '../lib/table';
import { errorText, now, range, short } from '../lib/util';
import type { TBench } from '../lib/workers';

const { rows, notes } = report;

export async function measureConcurrent(b: TBench, noopVersions: Map<number, string>): Promise<void> {
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
    return { done, failures, seconds: (last - t0) / 1000 };
  };
  const weft = await burst(() => runWeft(b, v10, 180_000));
  const hand = await burst(() => runHand(b, 'handChain', [CONCURRENT_STEPS], 180_000));
  const allDone = (r: typeof weft) => `${r.done.length}/${CONCURRENT}${r.failures.length ? ` (${short(r.failures[0]!, 60)})` : ''}`;
  rows.push({ measure: `${CONCURRENT} concurrent ${CONCURRENT_STEPS}-step runs: completed`, weft: allDone(weft), hand: allDone(hand), target: 'all', ok: verdict(weft.done.length === CONCURRENT) });
  const rate = (r: typeof weft) => r.done.length / r.seconds;
  rows.push({
    measure: '  throughput (completed runs / first start → last done)',
    weft: `${rate(weft).toFixed(1)} runs/s (${weft.seconds.toFixed(1)} s)`,
    hand: `${rate(hand).toFixed(1)} runs/s (${hand.seconds.toFixed(1)} s)`,
    target: '≥ 20 runs/s (issue: hand 21)',
    ok: verdict(weft.done.length === CONCURRENT && rate(weft) >= 20),
  });
  const [w, h] = await Promise.all([timingsOf(weft.done.map((r) => r.handle), isWeftStep), timingsOf(hand.done.map((r) => r.handle), isHandStep)]);
  rows.push({
    measure: '  step overhead under load: end of step → start of next (history; p95 / median)',
    weft: `${fmtMs(percentile(w.gaps, 95))} / ${fmtMs(median(w.gaps))}`,
    hand: `${fmtMs(percentile(h.gaps, 95))} / ${fmtMs(median(h.gaps))}`,
    target: 'report',
    ok: '',
  });
  if (weft.failures.length) notes.push(`concurrent Weft runs that failed: ${weft.failures.length}; first: ${weft.failures[0]}`);
}
